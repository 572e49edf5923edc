import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { sitePage } from '../helpers/site-fixtures';

const root = resolve(import.meta.dirname, '../..');
const runCli = (args: string[]) =>
  execFileSync(process.execPath, [resolve(root, 'node_modules/tsx/dist/cli.mjs'), resolve(root, 'src/cli/extract.ts'), ...args], { cwd: root, encoding: 'utf8' });

// The project's own pages, so that a clone without ../shared runs these too.
describe('command line', () => {
  const a01 = sitePage('s01');
  const listing = sitePage('s02');

  it('prints one Article as JSON for a page and its URL', () => {
    const article = JSON.parse(runCli(['--url', a01.truth.url, join(a01.dir, 'page.html')]));
    expect(article.title).toBe(a01.truth.title);
    expect(article.url).toBe(a01.truth.url);
    expect(article.site.province).toBe('Tuyên Quang');
    expect(article.publishedAt).toBe(a01.truth.publishedAt);
    expect(article.bodyText).not.toContain('Tin cùng chuyên mục');
    expect(article.bodyText).toContain('Cầu Bình Ca 2 dài 560 m');
    expect(article.contentHash).toMatch(/^[0-9a-f]{64}$/);
  });

  it('prints NDJSON for a manifest, one line per row, and goes on past a page it cannot read', () => {
    const dir = mkdtempSync(join(tmpdir(), 'pna-cli-'));
    const manifest = join(dir, 'list.tsv');
    writeFileSync(manifest, [
      `${join(a01.dir, 'page.html')}\t${a01.truth.url}`,
      `${join(dir, 'missing.html')}\thttps://tuyenquang.gov.vn/missing!-1.html`,
      `${join(listing.dir, 'page.html')}\t${listing.truth.url}`,
    ].join('\n'));
    const lines = runCli(['--manifest', manifest]).trim().split('\n').map((l) => JSON.parse(l));
    expect(lines).toHaveLength(3);
    expect(lines[0].detection).toEqual({ isProvincialNewsArticle: true, province: 'Tuyên Quang', kind: 'government-portal' });
    expect(lines[0].article.title).toBe(a01.truth.title);
    expect(lines[0].error).toBeNull();
    expect(lines[1]).toMatchObject({ article: null, detection: null });
    expect(lines[1].error).toMatch(/cannot read .*missing\.html: ENOENT/);
    expect(lines[2].detection.isProvincialNewsArticle).toBe(false);
    expect(lines[2].detection.kind).toBe('listing');
  });
});

describe('command line --explain', () => {
  it('prints an error line, not a stack trace, for a missing or unreadable file', () => {
    const dir = mkdtempSync(join(tmpdir(), 'pna-explain-'));
    const broken = join(dir, 'broken.html');
    writeFileSync(broken, Buffer.from([0, 0xff, 0x3c, 0x3c, 0x3c]));
    for (const file of [broken, join(dir, 'missing.html')]) {
      let out = '';
      try {
        runCli(['--explain', file]);
      } catch (error) {
        out = String((error as { stdout?: string }).stdout ?? '') + String((error as { stderr?: string }).stderr ?? '');
      }
      expect(out).toMatch(/^error: /m);
      expect(out).not.toMatch(/\n\s+at /);
    }
  });

  it('explains an own fixture: detection, body path, metadata sources and the removed card', () => {
    const dir = mkdtempSync(join(tmpdir(), 'pna-explain-'));
    const file = join(dir, 'a.html');
    const p = (n: number) => `<p>Đoạn ${n}: giá hoa nhập khẩu tăng mạnh trong dịp lễ năm nay do chi phí vận chuyển đội lên và nguồn hàng khan hiếm.</p>`;
    writeFileSync(file, `<html><head><title>Giá hoa tăng</title><meta property="article:section" content="Kinh tế"></head><body><h1>Giá hoa nhập khẩu tăng mạnh dịp lễ</h1><p>07/03/2026</p><div class="content">${p(1)}<div><a href="/gia-vang-tang-manh-hom-nay-a196671.html">Giá vàng hôm nay tăng mạnh trở lại</a><p>Giá vàng tăng theo thế giới.</p></div>${p(2)}${p(3)}</div></body></html>`);
    const out = runCli(['--explain', '--url', 'https://baocantho.com.vn/gia-hoa-nhap-khau-tang-manh-a196670.html', file]);
    expect(out).toMatch(/^detection: provincial news article/m);
    expect(out).toMatch(/^body: generic/m);
    expect(out).toMatch(/category: "Kinh tế" ← meta article:section/);
    expect(out).toMatch(/one-item related card.*Giá vàng hôm nay/);
  });
});
