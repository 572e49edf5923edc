// Lead (sapo); the category lives in category.ts.
import { collapseWhitespace, toNFC } from '../../text/normalize';
import { classIdString, elementsUnder, safeQueryAll, tagName, textOf } from '../dom';
import type { DocIndex } from '../sites/prefilter';

const LEAD_CLASS = /(^|[\s_-])(sapo|summary|lead|hometext|tomtat|tom-tat|lbltomtat|leaddetail|article-summary|post-sapo|chapeau|description|desc-detail|intro|excerpt|abstract|sumcontent|mota)([\s_-]|$)|sapo|tomtat|lbltomtat|leaddetail|summary/;

interface LeadResult {
  text: string | null;
  el: Element | null;
}

export function findLead(root: Element, body: Element, titleEl: Element | null, selectors: string[] = [], elements?: Element[], index?: DocIndex): LeadResult {
  for (const sel of selectors) {
    for (const el of safeQueryAll(root, sel, index)) {
      const t = collapseWhitespace(toNFC(textOf(el)));
      if (t.length >= 20) return { text: t, el };
    }
  }
  // Class-marked sapo between the title and the body, or at the top of the body.
  const all = elements ?? elementsUnder(root, 30000);
  const bodyIdx = all.indexOf(body);
  const titleIdx = titleEl ? all.indexOf(titleEl) : -1;
  const limit = Math.max(bodyIdx, titleIdx) + 25;
  for (let i = Math.max(0, titleIdx); i < all.length; i++) {
    const el = all[i];
    if (i > limit) break;
    const cid = classIdString(el);
    // Templates that style with utility classes name the sapo in a data attribute (data-role/data-slot="sapo").
    const role = `${el.getAttribute('data-role') ?? ''} ${el.getAttribute('data-slot') ?? ''}`.toLowerCase();
    const isLead = LEAD_CLASS.test(cid) || /(^|\s)(sapo|summary|lead|description)(\s|$)/.test(role) || (el.getAttribute('itemprop') === 'description' && tagName(el) !== 'meta');
    if (!isLead) continue;
    if (el === body || el.contains(body)) continue;
    if (/image|img|photo|caption|figure/.test(cid)) continue;
    const t = collapseWhitespace(toNFC(textOf(el)));
    if (t.length < 30 || t.length > 1500) continue;
    if (el.getElementsByTagName('a').length > 2) continue;
    return { text: t, el };
  }
  return { text: null, el: null };
}

export { findCategory, findCategoryWithReason } from './category';
