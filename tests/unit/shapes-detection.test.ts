// The detection report's declared shape (src/core/shapes/detection.ts) is what detection produces, and what the
// background accepts from a content script.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { Window } from 'happy-dom';
import { detectPage } from '../../src/core/detect';
import { isDetection } from '../../src/shared/messages';

const DIR = resolve(import.meta.dirname, '../fixtures/detect');
const cases = JSON.parse(readFileSync(resolve(DIR, 'cases.json'), 'utf8')) as Array<{ file: string; url: string }>;

function detect(file: string, url: string) {
  const window = new Window({ url: url.startsWith('http') ? url : 'https://example.org/' });
  try {
    const doc = new window.DOMParser().parseFromString(readFileSync(resolve(DIR, file), 'utf8'), 'text/html') as unknown as Document;
    return detectPage(doc, url);
  } finally {
    window.close();
  }
}

describe('the declared detection report', () => {
  it.each(cases.map((c) => [c.file, c] as const))('accepts what detection says of %s', (_file, c) => {
    const d = detect(c.file, c.url);
    expect(isDetection(structuredClone(d)), JSON.stringify(d)).toBe(true);
  });

  it('rejects a report detection could not have made', () => {
    const d = detect(cases[0].file, cases[0].url);
    const site = { host: 'bdt.tuyenquang.gov.vn', name: 'Ban Dân tộc', province: 'Tuyên Quang', kind: 'department-site' };
    expect(isDetection({ ...d, site })).toBe(true);
    expect(isDetection({ ...d, pageKind: 'blog' })).toBe(false);
    expect(isDetection({ ...d, site: { ...site, kind: 'blog' } })).toBe(false);
    expect(isDetection({ ...d, site: { ...site, host: 'a'.repeat(301) } })).toBe(false);
    expect(isDetection({ ...d, reasons: [1] })).toBe(false);
    expect(isDetection({ ...d, province: 7 })).toBe(false);
  });
});
