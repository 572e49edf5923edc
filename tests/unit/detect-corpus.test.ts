// Every page of the shared corpus must be detected as its truth.json says.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { Window } from 'happy-dom';
import { detectPage } from '../../src/core/detect';

const CORPUS = resolve(import.meta.dirname, '../../../shared/corpus/vn');
const ids = existsSync(CORPUS) ? readdirSync(CORPUS).filter((d) => existsSync(join(CORPUS, d, 'truth.json'))).sort() : [];

interface Truth { url: string; isProvincialNewsArticle: boolean; province: string | null; kind: string }

if (ids.length === 0) {
  describe.skip(`detect corpus: ${CORPUS} is absent, corpus checks skipped`, () => {
    it('needs ../shared/corpus/vn', () => {});
  });
} else {
  describe('detectPage on ../shared/corpus/vn', () => {
    it.each(ids)('%s', (id) => {
      const truth = JSON.parse(readFileSync(join(CORPUS, id, 'truth.json'), 'utf8')) as Truth;
      const window = new Window({ url: truth.url });
      try {
        const doc = new window.DOMParser().parseFromString(readFileSync(join(CORPUS, id, 'page.html'), 'utf8'), 'text/html');
        const d = detectPage(doc as unknown as Document, truth.url);
        expect({ isProvincialNewsArticle: d.isProvincialNewsArticle, province: d.province, kind: d.kind }, d.reasons.join('; ')).toEqual({
          isProvincialNewsArticle: truth.isProvincialNewsArticle,
          province: truth.province,
          kind: truth.kind,
        });
        if (truth.isProvincialNewsArticle) {
          expect(d.pageKind).toBe('article');
          expect(d.site?.host).toBe(new URL(truth.url).hostname);
          expect(d.confidence).toBeGreaterThan(0.5);
        } else if (truth.kind !== 'other') {
          expect(d.pageKind).toBe(truth.kind);
        }
      } finally {
        window.close();
      }
    });
  });
}
