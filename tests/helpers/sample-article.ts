import { indexedDB, IDBKeyRange } from 'fake-indexeddb';
import { openArchiveDb } from '../../src/core/archive/db';
import type { ExtractedArticle, SiteInfo } from '../../src/core/types';

let dbCounter = 0;
/** A fresh, empty archive on fake-indexeddb for each test. */
export function freshDb(options: Pick<Parameters<typeof openArchiveDb>[0] & object, 'segmentLayout'> = {}) {
  return openArchiveDb({ ...options, indexedDB, IDBKeyRange, name: `test-archive-${process.pid}-${++dbCounter}` });
}

export const TUYEN_QUANG_SITE: SiteInfo = { host: 'bdt.tuyenquang.gov.vn', name: 'Ban Dân tộc tỉnh Tuyên Quang', province: 'Tuyên Quang', kind: 'department-site' };

let sampleCount = 0;

export function sampleExtracted(overrides: Partial<ExtractedArticle> = {}): ExtractedArticle {
  // A counter, not a random number alone: 300 draws from a million collide in about 4% of runs (two "different"
  // articles with one URL are the same article to the archive).
  const n = overrides.url ?? `https://bdt.tuyenquang.gov.vn/tin-tuc/tin-hoat-dong/hoi-nghi!-${++sampleCount}-${Math.floor(Math.random() * 1e6)}.html`;
  return {
    url: n,
    canonicalUrl: n,
    title: 'Hội nghị sơ kết công tác cải cách hành chính',
    category: 'Tin hoạt động',
    lead: null,
    author: 'Lê Đăng Hạnh',
    source: null,
    publishedAt: '2023-07-05T08:12:00+07:00',
    language: 'vi',
    bodyHtml: '<p>Chiều ngày 04 tháng 7 năm 2023, Ban Dân tộc tỉnh tổ chức hội nghị.</p><figure><img src="https://bdt.tuyenquang.gov.vn/a.jpg" alt="Hội nghị"><figcaption>Quang cảnh hội nghị</figcaption></figure>',
    bodyText: 'Chiều ngày 04 tháng 7 năm 2023, Ban Dân tộc tỉnh tổ chức hội nghị.\n\nQuang cảnh hội nghị',
    images: [{ src: 'https://bdt.tuyenquang.gov.vn/a.jpg', caption: 'Quang cảnh hội nghị', alt: 'Hội nghị' }],
    wordCount: 17,
    extractor: { version: 'test', method: 'site-rule' },
    ...overrides,
  };
}
