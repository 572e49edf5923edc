// A long import shows how far the check of the file got, then says how long it has left, from its pace, next to the
// count. The page's clock is Playwright's: the test jumps it ahead while the import runs, as if the import had been
// going for a while at a slow pace.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { launchWithExtension, openArchive, type ExtensionSession } from './helpers/extension-browser';
import { longArticlesFile, startImport } from './helpers/archive-files';

describe('time left on a long import', () => {
  let session: ExtensionSession;
  let dir: string;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'pna-eta-'));
    session = await launchWithExtension();
  });
  afterAll(async () => {
    await session?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('shows how far the check of the file got, then the count, then the time left once the pace is known, then the report', async () => {
    const N = 4000;
    const body = `<p>${'Tin về mùa màng và giao thông của các xã vùng cao. '.repeat(200)}</p>`;
    const file = await longArticlesFile(dir, { n: N, slug: 'thoi-gian', title: 'Bài nhập đo thời gian số', body, month: 3 });
    // Time flows as usual once installed; fastForward jumps it.
    await session.context.clock.install();
    const archive = await openArchive(session);
    await archive.evaluate(() => {
      const seen: string[] = [];
      (globalThis as { progressSeen?: string[] }).progressSeen = seen;
      const text = document.getElementById('export-progress-text')!;
      new MutationObserver(() => seen.push(text.textContent ?? '')).observe(text, { childList: true, characterData: true, subtree: true });
    });
    await startImport(archive, file);
    // After the first batch, the pace is not known yet: the count alone.
    await archive.waitForFunction((total) => {
      const m = /^Đang nhập ([\d.]+)\/4\.000 dòng…$/.exec(document.getElementById('export-progress-text')?.textContent ?? '');
      const done = m ? Number(m[1].replaceAll('.', '')) : 0;
      return done > 0 && done < total;
    }, N, { timeout: 120_000, polling: 20 });
    await session.context.clock.fastForward(60_000);
    await archive.waitForFunction(() => document.querySelector('[data-testid=notice]')?.textContent?.startsWith('Đã nhập'), null, { timeout: 120_000 });
    const seen = await archive.evaluate(() => (globalThis as { progressSeen?: string[] }).progressSeen!);
    // A batch reported after the jump: 1,000 rows in a minute, so the rest (1,000 or 2,000 rows) takes minutes.
    expect(seen).toContainEqual(expect.stringMatching(/^Đang nhập \d\.000\/4\.000 dòng… \(còn khoảng \d+ phút\)$/));
    // Before the dialog, the check of the file (read whole before anything is asked or written) showed how far it got.
    const checking = seen.filter((line) => line.startsWith('Đang kiểm tra tệp'));
    expect(checking[0]).toBe('Đang kiểm tra tệp: 0%…');
    expect(checking.some((line) => /^Đang kiểm tra tệp: [1-9]\d*%…/.test(line))).toBe(true);
    for (const line of checking) expect(line).toMatch(/^Đang kiểm tra tệp: \d+%…( \(còn khoảng \d+ (giây|phút)\))?$/);
    for (const line of seen.filter((line) => line && !checking.includes(line))) expect(line).toMatch(/^Đang nhập (0|\d\.000)\/4\.000 dòng…( \(còn khoảng \d+ (giây|phút)\))?$/);
  }, 300_000);
});
