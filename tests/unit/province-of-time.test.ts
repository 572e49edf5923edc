// A pre-merger site's articles show the province of their time and the current one, and filters match either (issue 20, point 7).
import { describe, expect, it } from 'vitest';
import { articleProvince, provinceLabelVi, siteInProvince } from '../../src/core/detect/province-of-time';
import { lookupSite } from '../../src/core/detect';
import { saveArticle } from '../../src/core/archive/save-article';
import { countForExport, exportChunks } from '../../src/core/archive/export-stream';
import { searchArchive } from '../../src/core/search';
import type { SiteInfo } from '../../src/core/types';
import { freshDb, sampleExtracted, TUYEN_QUANG_SITE } from '../helpers/sample-article';

const HA_GIANG_PAPER = lookupSite('baohagiang.vn') as SiteInfo;

describe('province of the time and of today', () => {
  it('the registry stores Báo Hà Giang under Tuyên Quang (the merger)', () => {
    expect(HA_GIANG_PAPER).toMatchObject({ name: 'Báo Hà Giang', province: 'Tuyên Quang' });
  });

  it('a 2018 article of Báo Hà Giang reads "Hà Giang (nay thuộc Tuyên Quang)"', () => {
    const p = articleProvince(HA_GIANG_PAPER, '2018-04-12T09:00:00+07:00');
    expect(p).toEqual({ then: 'Hà Giang', now: 'Tuyên Quang' });
    expect(provinceLabelVi(p)).toBe('Hà Giang (nay thuộc Tuyên Quang)');
  });

  it('an undated article of a former province site keeps both names; one published after 1 July 2025 only today’s', () => {
    expect(provinceLabelVi(articleProvince(HA_GIANG_PAPER, null))).toBe('Hà Giang (nay thuộc Tuyên Quang)');
    expect(provinceLabelVi(articleProvince(HA_GIANG_PAPER, '2025-07-01T08:00:00+07:00'))).toBe('Tuyên Quang');
  });

  it('a site of a province that did not change shows one name', () => {
    expect(provinceLabelVi(articleProvince(TUYEN_QUANG_SITE, '2018-01-01T00:00:00+07:00'))).toBe('Tuyên Quang');
  });

  it('a province filter takes in the site by either name, with or without diacritics', () => {
    for (const name of ['Hà Giang', 'ha giang', 'Tuyên Quang']) expect(siteInProvince(HA_GIANG_PAPER, name)).toBe(true);
    expect(siteInProvince(TUYEN_QUANG_SITE, 'Hà Giang')).toBe(false);
  });
});

async function archiveWithBoth() {
  const db = freshDb();
  await saveArticle(db, sampleExtracted({ url: 'https://baohagiang.vn/xa-hoi/201804/duong-len-dong-van-1.html', title: 'Đường lên Đồng Văn', publishedAt: '2018-04-12T09:00:00+07:00' }), HA_GIANG_PAPER);
  await saveArticle(db, sampleExtracted({ title: 'Hội nghị ở Tuyên Quang' }), TUYEN_QUANG_SITE);
  return db;
}

describe('filters and exports', () => {
  it('search: filtering by Hà Giang finds the Hà Giang-era article, by Tuyên Quang both', async () => {
    const db = await archiveWithBoth();
    const titles = async (province: string) => (await searchArchive(db, '', { filters: { province } })).hits.map((h) => h.title).sort();
    expect(await titles('Hà Giang')).toEqual(['Đường lên Đồng Văn']);
    expect(await titles('ha giang')).toEqual(['Đường lên Đồng Văn']);
    expect(await titles('Tuyên Quang')).toEqual(['Hội nghị ở Tuyên Quang', 'Đường lên Đồng Văn'].sort());
    expect((await searchArchive(db, 'đồng văn province:"Hà Giang"')).total).toBe(1);
  });

  it('export by province: Hà Giang counts and exports its article only', async () => {
    const db = await archiveWithBoth();
    expect(await countForExport(db, { province: 'Hà Giang' })).toBe(1);
    let text = '';
    for await (const c of exportChunks(db, { format: 'json', generator: 'test', filter: { province: 'Hà Giang' } })) text += c;
    expect(JSON.parse(text).articles.map((a: { title: string }) => a.title)).toEqual(['Đường lên Đồng Văn']);
  });

  it('CSV gets a province label column and CSL-JSON the label as the place', async () => {
    const db = await archiveWithBoth();
    let csv = '';
    for await (const c of exportChunks(db, { format: 'csv', generator: 'test' })) csv += c;
    const [header, ...rows] = csv.replace(/^\uFEFF/, '').trim().split('\r\n');
    const col = header.split(',').indexOf('provinceLabel');
    expect(col).toBeGreaterThan(0);
    const labels = rows.map((r) => r.split(',')[col]).sort();
    expect(labels).toEqual(['Hà Giang (nay thuộc Tuyên Quang)', 'Tuyên Quang']);
    let csl = '';
    for await (const c of exportChunks(db, { format: 'csl-json', generator: 'test' })) csl += c;
    expect(JSON.parse(csl).map((i: { 'publisher-place': string }) => i['publisher-place']).sort()).toEqual(['Hà Giang (nay thuộc Tuyên Quang)', 'Tuyên Quang']);
  });
});
