// Messages that carry user rules cross from the page (a content script, so untrusted): their shape is checked
// before the background looks at them, and the rule inside passes checkUserRule before anything is stored.
import { parseExtractReply, parsePickedRule, parsePickStart, parseUserRuleStatus } from '../../src/shared/messages';
import { sampleExtracted } from '../helpers/sample-article';

const detection = { isProvincialNewsArticle: true, province: 'Điện Biên', kind: 'department-site', pageKind: 'article', site: null, confidence: 0.9, reasons: [] };

describe('messages carrying user rules', () => {
  it('takes a picked rule of strings within limits, and nothing else', () => {
    expect(parsePickedRule({ type: 'user-rule-picked', body: 'div.noi-dung', exclude: ['div.qc'] })).toEqual({ type: 'user-rule-picked', body: 'div.noi-dung', exclude: ['div.qc'] });
    expect(parsePickedRule({ type: 'user-rule-picked', body: 'x'.repeat(301), exclude: [] })).toBeNull();
    expect(parsePickedRule({ type: 'user-rule-picked', body: 'div', exclude: 'div.qc' })).toBeNull();
    expect(parsePickedRule({ type: 'user-rule-picked', body: 'div', exclude: [1] })).toBeNull();
    expect(parsePickedRule({ type: 'user-rule-picked', body: 'div', exclude: Array.from({ length: 31 }, () => '.a') })).toBeNull();
    // eslint-disable-next-line no-sparse-arrays
    expect(parsePickedRule({ type: 'user-rule-picked', body: 'div', exclude: [, '.a'] })).toBeNull();
    expect(parsePickStart({ type: 'pick-start', tabId: 3 })).toEqual({ type: 'pick-start', tabId: 3 });
    expect(parsePickStart({ type: 'pick-start', tabId: -1 })).toBeNull();
  });

  it('passes a rule status through an extraction reply only when well formed', () => {
    const article = sampleExtracted();
    const ok = parseExtractReply({ ok: true, article, detection, userRule: { host: 'a.gov.vn', applied: false, reason: 'no-match' } });
    expect(ok && ok.userRule).toEqual({ host: 'a.gov.vn', applied: false, reason: 'no-match' });
    expect(parseExtractReply({ ok: true, article, detection, userRule: { host: 'a.gov.vn', applied: false, reason: '<b>' } })).toBeNull();
    expect(parseUserRuleStatus({ host: '', applied: true })).toBeNull();
    const plain = parseExtractReply({ ok: true, article, detection });
    expect(plain && 'userRule' in plain).toBe(false);
    const viaRule = parseExtractReply({ ok: true, article: { ...article, extractor: { version: '1', method: 'user-rule' } }, detection });
    expect(viaRule?.ok && viaRule.article.extractor.method).toBe('user-rule');
  });
});
