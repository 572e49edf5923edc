// The popup's "Chi tiết trích xuất" toggle in Chromium: on a provincial article (our own fixture) it shows the
// detection's decision and evidence, the path that chose the body, each metadata field with its source; a second
// click hides it again.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { launchWithExtension, openPopupFor, tabIdOf, type ExtensionSession } from './helpers/extension-browser';

const URL_ = 'https://baocantho.com.vn/vu-dong-xuan-thang-loi-can-tho-chuan-bi-xuong-giong-he-thu-a196670.html';
const DIR = resolve(import.meta.dirname, '../fixtures/detect');
const page = { id: 'cantho', dir: DIR, html: readFileSync(resolve(DIR, 'provincial-article-related-block.html'), 'utf8'), truth: { url: URL_ } };

describe('extraction details in the popup (Chromium)', () => {
  let session: ExtensionSession;
  beforeAll(async () => { session = await launchWithExtension({ pages: [page as never] }); });
  afterAll(async () => { await session?.close(); });

  it('shows why the page was read as it was, in Vietnamese, and hides it again', async () => {
    const tab = await session.context.newPage();
    await tab.goto(URL_);
    const popup = await openPopupFor(session, await tabIdOf(session, tab));
    const toggle = popup.getByTestId('explain-toggle');
    await expect(toggle.textContent()).resolves.toBe('Chi tiết trích xuất');
    await toggle.click();
    const panel = popup.getByTestId('explain-panel');
    await panel.getByText('Nhận diện trang').waitFor({ timeout: 10_000 });
    const text = await panel.innerText();
    expect(text).toMatch(/provincial news article/);
    expect(text).toMatch(/registry: media of Cần Thơ/);
    expect(text).toMatch(/Nội dung bài lấy theo\s+bộ trích xuất chung|Nội dung bài lấy theo\s+quy tắc của trang/i);
    expect(text).toMatch(/author: KHÁNH TRUNG ← /);
    expect(text).toMatch(/title: Vụ Đông Xuân thắng lợi, Cần Thơ chuẩn bị xuống giống Hè Thu ← <h1>/);
    expect(await toggle.getAttribute('aria-expanded')).toBe('true');
    await toggle.click();
    expect(await panel.isHidden()).toBe(true);
    expect(await toggle.getAttribute('aria-expanded')).toBe('false');
  }, 60_000);
});
