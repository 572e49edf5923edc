// Property tests for the runtime guards on messages between contexts: on any value at all (JSON, objects with odd
// prototypes, getters that throw, huge or cyclic structures) they never throw and accept only well-formed messages.
import fc from 'fast-check';
import {
  isDetection, isExtractedArticle, parseContentMessage, parseExplainReply, parseExtractReply, parsePickedRule, parsePickStart, parsePopupRequest,
  parseRepairProgress, parseUpgradeProgress, parseUserRuleStatus,
} from '../../src/shared/messages';
import { parseBulkProgress, parseBulkRequest } from '../../src/shared/bulk-messages';
import { parseMessage, TabListingSchema } from '../../src/core/shapes/messages';
import { parseRecheckRequest } from '../../src/shared/recheck-messages';
import { parseTabsProgress, parseTabsSaveRequest } from '../../src/shared/tabs-messages';
import { sampleExtracted } from '../helpers/sample-article';

const GUARDS: [string, (v: unknown) => unknown][] = [
  ['isDetection', isDetection], ['isExtractedArticle', isExtractedArticle],
  ['parseContentMessage', parseContentMessage], ['parsePopupRequest', parsePopupRequest], ['parseExtractReply', parseExtractReply],
  ['parseExplainReply', parseExplainReply], ['parsePickedRule', parsePickedRule], ['parsePickStart', parsePickStart],
  ['parseUserRuleStatus', parseUserRuleStatus], ['parseUpgradeProgress', parseUpgradeProgress], ['parseRepairProgress', parseRepairProgress],
  ['parseBulkRequest', parseBulkRequest], ['parseBulkProgress', parseBulkProgress], ['tab listing', (v) => parseMessage(TabListingSchema, v)],
  ['parseRecheckRequest', parseRecheckRequest], ['parseTabsSaveRequest', parseTabsSaveRequest], ['parseTabsProgress', parseTabsProgress],
];

const detection = {
  isProvincialNewsArticle: true, province: 'Tuyên Quang', kind: 'government-portal', pageKind: 'article',
  site: { host: 'bdt.tuyenquang.gov.vn', name: 'Ban Dân tộc tỉnh Tuyên Quang', province: 'Tuyên Quang', kind: 'department-site' }, confidence: 0.9, reasons: ['host'],
};
const article = sampleExtracted({ url: 'https://bdt.tuyenquang.gov.vn/tin-tuc/a!-1.html' });

/** Well-formed messages with one field replaced by an arbitrary value: the near misses a validator must judge. */
function mutate(base: Record<string, unknown>) {
  return fc.tuple(fc.constantFrom(...Object.keys(base), '__proto__', 'constructor', 'extra'), fc.anything()).map(([k, v]) => {
    const copy: Record<string, unknown> = { ...base };
    Object.defineProperty(copy, k, { value: v, enumerable: true, configurable: true, writable: true });
    return copy;
  });
}

// Runtime messaging delivers structured clones: no proxies or getters, but cycles, null prototypes and odd types.
const hostile: unknown[] = [
  Object.create(null),
  (() => { const a: Record<string, unknown> = { type: 'detected' }; a.detection = a; a.url = a; return a; })(),
  { type: 'save', tabId: 1, mode: 'if-new', generic: 'true' }, { type: 'preview', tabId: -1 }, { type: 'preview', tabId: 1.5 },
  { type: 'preview', tabId: Number.NaN }, { type: 'preview', tabId: '1' }, { ok: true, article: { ...article, url: 'javascript:alert(1)' }, detection },
  { ok: true, article: { ...article, images: Array.from({ length: 3000 }, () => ({ src: 'https://a.vn/a.jpg', caption: null, alt: null })) }, detection },
  { type: 'detected', url: 'https://a.gov.vn/'.padEnd(20_000, 'a'), detection },
  [], 'preview', 42, null, undefined, Symbol('x'), 10n, () => 1, new Map([['type', 'preview']]), Object.assign(Object.create(null), { type: 'preview', tabId: 2 }),
];

describe('message validators (property)', () => {
  for (const [name, guard] of GUARDS) {
    it(`${name} never throws on arbitrary values`, () => {
      fc.assert(fc.property(fc.oneof(fc.jsonValue(), fc.anything({ withBigInt: true, withMap: true, withSet: true, withTypedArray: true, withDate: true, withSparseArray: true, withNullPrototype: true, withBoxedValues: true })), (v) => {
        const out = guard(v);
        return typeof out === 'boolean' || out === null || typeof out === 'object';
      }), { numRuns: 500 });
    });
  }

  it('never throw on hostile values (cycles, null prototypes, oversized fields, wrong types)', () => {
    for (const v of hostile) for (const [name, guard] of GUARDS) expect(() => guard(v), name).not.toThrow();
    expect(parseContentMessage(hostile[1])).toBeNull(); // cyclic
    for (const i of [2, 3, 4, 5, 6]) expect(parsePopupRequest(hostile[i]), JSON.stringify(hostile[i])).toBeNull(); // wrong types
    expect(parseExtractReply(hostile[7])).toBeNull(); // javascript: article URL
    expect(parseExtractReply(hostile[8])).toBeNull(); // 3000 images
    expect(parseContentMessage(hostile[9])).toBeNull(); // 20 000-character URL
  });

  it('accept the well-formed messages and reject near misses in a consistent shape', () => {
    expect(parsePopupRequest({ type: 'preview', tabId: 3 })).toEqual({ type: 'preview', tabId: 3 });
    expect(parseContentMessage({ type: 'detected', url: 'https://a.gov.vn/x', detection })).not.toBeNull();
    expect(parseExtractReply({ ok: true, article, detection })).not.toBeNull();
    const requests = [mutate({ type: 'save', tabId: 7, mode: 'update', generic: false }), mutate({ type: 'preview', tabId: 0 }), mutate({ type: 'refetch-images', articleId: 'bai-1' })];
    fc.assert(fc.property(fc.oneof(...requests), (m) => {
      const out = parsePopupRequest(m);
      if (out === null) return true;
      if (out.type === 'refetch-images') {
        expect(Object.keys(out).sort()).toEqual(['articleId', 'type']);
        expect(typeof out.articleId === 'string' && out.articleId.length > 0).toBe(true);
        return true;
      }
      // Whatever is accepted is rebuilt from checked fields only: no smuggled extras.
      expect(Number.isInteger(out.tabId) && out.tabId >= 0).toBe(true);
      expect(Object.keys(out).sort()).toEqual(out.type === 'preview' ? ['tabId', 'type'] : ['generic', 'mode', 'tabId', 'type']);
      return true;
    }), { numRuns: 500 });
    fc.assert(fc.property(mutate(article as unknown as Record<string, unknown>), (a) => {
      const reply = parseExtractReply({ ok: true, article: a, detection });
      if (reply && reply.ok) {
        expect(/^https?:/.test(reply.article.url)).toBe(true);
        expect(typeof reply.article.bodyHtml).toBe('string');
        expect(reply.article.title.trim().length).toBeGreaterThan(0);
      }
    }), { numRuns: 500 });
    fc.assert(fc.property(mutate(detection), (d) => {
      const msg = parseContentMessage({ type: 'detected', url: 'https://a.gov.vn/x', detection: d });
      if (msg) expect(typeof msg.detection.isProvincialNewsArticle).toBe('boolean');
    }), { numRuns: 500 });
  });
});
