// Long-form templates (Hà Nội Mới's "sc-longform" family): the title is two block <span> lines, the date and the
// byline sit in a header block above sections of body. Our own fixture in that shape.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseHtml } from '../../eval/parse-html';
import { extractArticle } from '../../src/core/extract';
import { headingText } from '../../src/core/extract/metadata/title';

const URL_ = 'https://hanoimoi.vn/hai-ba-trung-mong-som-hoan-thanh-cai-tao-chung-cu-cu-post404649.html';
const html = readFileSync(resolve(import.meta.dirname, '../fixtures/detect/longform-header-article.html'), 'utf8');

describe('long-form header', () => {
  const a = extractArticle(parseHtml(html, URL_), URL_);

  it('keeps the space between the two title lines', () => expect(a.title).toBe('Hai Bà Trưng: Mong sớm hoàn thành cải tạo chung cư cũ'));
  it('reads the date from the header block', () => expect(a.publishedAt).toBe('2026-03-07T06:30:00+07:00'));
  it('reads the team byline from the header block', () => expect(a.author).toBe('Nhóm PV Đô thị'));
});

describe('headingText', () => {
  const h = (inner: string) => headingText(parseHtml(`<html><body><h1>${inner}</h1></body></html>`).body.firstElementChild!);
  it('turns <br> and block pieces into spaces', () => {
    expect(h('Tuyên Quang:<br>Mùa hoa tam giác mạch')).toBe('Tuyên Quang: Mùa hoa tam giác mạch');
    expect(h('<div>Dòng một</div><div>dòng hai</div>')).toBe('Dòng một dòng hai');
  });
  it('leaves inline emphasis inside a word alone', () => expect(h('Đà <b>Nẵng</b>: khai mạc lễ hội')).toBe('Đà Nẵng: khai mạc lễ hội'));
});
