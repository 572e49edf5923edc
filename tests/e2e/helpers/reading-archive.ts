// A small archive for the reader and accessibility tests: articles of very different lengths, tags to filter by,
// and one article whose photo arrives late. Built from the project's own sample article, so no corpus is needed.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { buildArticle } from '../../../src/core/archive/build-article';
import type { Article } from '../../../src/core/types';
import { sampleExtracted, TUYEN_QUANG_SITE } from '../../helpers/sample-article';

export const LATE_IMAGE_URL = 'https://img.baotuyenquang.example.vn/2023/07/hoi-nghi-tong-ket.svg';

const PARAGRAPH = 'Chiều ngày 04 tháng 7 năm 2023, Ban Dân tộc tỉnh tổ chức hội nghị sơ kết công tác dân tộc sáu tháng đầu năm, '
  + 'triển khai nhiệm vụ trọng tâm sáu tháng cuối năm với sự tham dự của đại diện các sở, ngành và Ủy ban nhân dân các huyện.';

function paragraphs(n: number, last: string): string {
  return Array.from({ length: n - 1 }, (_, i) => `<p>${i + 1}. ${PARAGRAPH}</p>`).join('') + `<p>${last}</p>`;
}

interface Spec { slug: string; title: string; bodyHtml: string; tags: string[] }

export const READING_SPECS: Spec[] = [
  { slug: 'dai', title: 'Nâng cấp đường giao thông nông thôn ở Hàm Yên', bodyHtml: paragraphs(40, 'Đoạn cuối của bài dài.'), tags: ['nông thôn', 'giao thông'] },
  { slug: 'ngan', title: 'Chè Tân Cương vào mùa thu hoạch', bodyHtml: paragraphs(2, 'Đoạn cuối của bài ngắn về kinh tế nông thôn.'), tags: ['nông thôn'] },
  {
    slug: 'anh', title: 'Hội nghị tổng kết công tác dân tộc có ảnh',
    bodyHtml: `<p>${PARAGRAPH}</p><figure><img src="${LATE_IMAGE_URL}" alt="Quang cảnh hội nghị"><figcaption>Quang cảnh hội nghị.</figcaption></figure><p>Đoạn cuối của bài có ảnh. Theo <a href="https://baotuyenquang.com.vn/">Báo Tuyên Quang</a>.</p>`,
    tags: [],
  },
];

/** The archive as an export file; articles in READING_SPECS order. */
export async function writeReadingArchive(dir: string): Promise<{ path: string; articles: Article[] }> {
  const articles: Article[] = [];
  for (const [i, spec] of READING_SPECS.entries()) {
    const text = spec.bodyHtml.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ').trim();
    articles.push(await buildArticle(
      sampleExtracted({ url: `https://bdt.tuyenquang.gov.vn/tin-tuc/${spec.slug}.html`, title: spec.title, bodyHtml: spec.bodyHtml, bodyText: text, lead: null, images: [] }),
      TUYEN_QUANG_SITE, { now: new Date(Date.UTC(2026, 0, 1 + i)), tags: spec.tags },
    ));
  }
  const path = join(dir, 'doc.json');
  writeFileSync(path, JSON.stringify({ format: 'provincial-news-archive', version: 1, exportedAt: '2026-11-28T08:00:00+07:00', generator: 'test', filter: null, count: articles.length, articles }));
  return { path, articles };
}

/** Imports the file through the page's import button and waits until the list shows every article. */
export async function importReadingArchive(page: Page, path: string, count: number): Promise<void> {
  await page.setInputFiles('[data-testid=import-file]', path);
  await page.waitForSelector('[data-testid=import-dialog][open]');
  await page.click('[data-testid=import-confirm]');
  await page.waitForFunction((n) => document.querySelector('[data-testid=result-count]')?.textContent === String(n), count);
}

/** A photo, as an SVG of the given size, that the "network" sends after `delayMs`. */
export function photoSvg(width: number, height: number): string {
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}"><rect width="100%" height="100%" fill="#7a9a6b"/></svg>`;
}
