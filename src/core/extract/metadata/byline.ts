// Author and source: labelled bylines before or after the body ("Tác giả:", "PV"), itemprop/author classes,
// and the bare right-aligned name that closes many bodies (kept in bodyText). "Nguồn:"/"Theo …" → source.
import { collapseWhitespace, toNFC } from '../../text/normalize';
import { classIdString, safeQueryAll, shortText, tagName, textOf } from '../dom';
import { classWordRe, BYLINE_CLASS_WORDS } from '../../vocabulary';
import { decodeEntities } from './category';
import type { DocIndex } from '../sites/prefilter';
import { jsonLdObjects, jsonText, metaContent } from './meta-tags';

const BYLINE_CLASS = classWordRe(BYLINE_CLASS_WORDS);
/** Names that are the outlet, not a person ("TUOI TRE ONLINE", "NLD.COM.VN", "Ban biên tập"). */
const ORG_NAME = /\.(vn|com|net|org)\b|online|news|báo |tạp chí|cổng thông tin|ban biên tập|tòa soạn|website|https?:/i;

const AUTHOR_LABEL = /^(?:tác giả(?: bài viết)?|người viết|người đăng|bài và ảnh|bài, ảnh|bài\/ảnh|tin và ảnh|tin, ảnh|tin\/ảnh|bài viết|nội dung|thực hiện|nhóm thực hiện|ghi chép|bài|tin|phóng viên|biên tập viên|author|by)\s*[:：]\s*(.{2,80})$/i;
const SOURCE_LABEL = /^(?:nguồn tin|nguồn|source)\s*[:：]\s*(.{2,120})$/i;
const LABEL_START = /^(tác giả|người viết|người đăng|bài|tin|nội dung|thực hiện|nhóm thực hiện|ghi chép|phóng viên|biên tập viên|author|by|nguồn)/i;
const THEO_LINE = /^\(?theo\s+([^()]{2,80})\)?$/i;

/** A name without decoration; "(tổng hợp)"-style notes on how the piece was written stay, other brackets go. */
export function cleanName(s: string): string {
  const t = collapseWhitespace(toNFC(s)).replace(/^[-–—\s]+|[-–—\s.,;]+$/g, '');
  return /\((tổng hợp|th|t\/h|lược dịch|biên dịch|tổng hợp và biên dịch)\)$/i.test(t) ? t : t.replace(/\s*\(.*\)\s*$/, '');
}

/** A person's (or team's) name line: short, no sentence punctuation, no digits. */
export function looksLikeName(s: string): boolean {
  const t = s.trim();
  if (t.length < 2 || t.length > 50) return false;
  if (/[0-9:;!?"“”]/.test(t)) return false;
  if (/[.]$/.test(t) && !/^[A-ZĐ]{1,4}\.?$/.test(t)) return false;
  const words = t.split(/\s+/);
  if (words.length > 6) return false;
  if (/^(theo|nguồn|ảnh|video|clip|tin|bài)\b/i.test(t) && words.length > 1 && !/^(nhóm|pv)/i.test(t)) return false;
  return true;
}

export function parseAuthorLabel(text: string): string | null {
  const t = collapseWhitespace(toNFC(text));
  const by = /^by\s+([A-ZÀ-Ỹ][^:;!?]{1,60})$/i.exec(t);
  if (by) {
    const name = cleanName(by[1].split(/\s*[|,]\s*/)[0]);
    return looksLikeName(name) ? name : null;
  }
  const m = AUTHOR_LABEL.exec(t);
  if (!m) return null;
  // "Nội dung: Minh Anh - Ảnh: Quang Huy": the writer, not the photo or design credits after them.
  const name = cleanName(m[1].split(/\s*[|]\s*|\s*[-–;,]\s*(?=(nguồn|ảnh|đồ họa|đồ hoạ|thiết kế|trình bày|video|clip)\s*:)/i)[0]);
  return looksLikeName(name) ? name : null;
}

export function parseSourceLine(text: string): string | null {
  const t = collapseWhitespace(toNFC(text));
  if (t.length > 140) return null;
  const m = SOURCE_LABEL.exec(t) ?? THEO_LINE.exec(t);
  if (!m) return null;
  return cleanName(m[1]);
}

interface BylineResult {
  author: string | null;
  source: string | null;
  /** Elements outside the body that carry labelled bylines (removed from any body that contains them). */
  labelEls: Element[];
  /** Where the author came from, for --explain. */
  via?: string;
}

/** Labelled bylines near the article (outside or inside the body), and itemprop/class author fields. */
export function findLabelledByline(root: Element, body: Element | null, container: Element | null, selectors: string[] = [], index?: DocIndex): BylineResult {
  const res: BylineResult = { author: null, source: null, labelEls: [] };
  for (const sel of selectors) {
    for (const el of safeQueryAll(root, sel, index)) {
      const t = collapseWhitespace(toNFC(textOf(el)));
      if (!t) continue;
      const a = parseAuthorLabel(t) ?? (looksLikeName(t) ? cleanName(t) : null);
      if (a) {
        res.author = a;
        res.via = `site rule: ${sel}`;
        res.labelEls.push(el);
        break;
      }
    }
    if (res.author) break;
  }
  const scope = container ?? root;
  // Walk text nodes that open with a label word; the label line is the nearest ancestor whose text parses.
  const walker = scope.ownerDocument.createTreeWalker(scope, 4 /* NodeFilter.SHOW_TEXT */);
  let visited = 0;
  for (let node = walker.nextNode(); node && visited++ < 40000; node = walker.nextNode()) {
    if (res.author && res.source) break;
    const v = (node.textContent ?? '').trimStart();
    if (v.length < 2 || !LABEL_START.test(v.slice(0, 24).normalize('NFC'))) continue;
    let el: Element | null = node.parentElement;
    for (let up = 0; el && up < 3 && (el === scope || scope.contains(el)); up++, el = el.parentElement) {
      const tag = tagName(el);
      if (tag === 'a' || tag === 'script' || tag === 'style') break;
      const raw = shortText(el, 140);
      if (!raw) break;
      if (!res.author) {
        const a = parseAuthorLabel(raw);
        if (a) {
          res.author = a;
          res.via = `labelled byline "${raw.slice(0, 60)}"`;
          res.labelEls.push(el);
          break;
        }
      }
      if (!res.source && /^(nguồn tin|nguồn)\s*[:：]/i.test(raw.normalize('NFC')) && !(body && body.contains(el))) {
        const s = parseSourceLine(raw);
        if (s) {
          res.source = s;
          res.labelEls.push(el);
          break;
        }
      }
      if (el === scope) break;
    }
  }
  if (!res.author && (res.author = jsonLdAuthor(root.ownerDocument, index))) res.via = 'JSON-LD author';
  if (!res.author) authorBox(scope, body, res, index);
  if (!res.author && (res.author = metaAuthor(root.ownerDocument, index))) res.via = 'meta name=author';
  return res;
}

/** JSON-LD author: the Person names (several joined by " - " as bylines print them), never an organisation. */
function jsonLdAuthor(doc: Document, index?: DocIndex): string | null {
  for (const o of jsonLdObjects(doc, index)) {
    const a = o.author;
    if (!a) continue;
    const list = (Array.isArray(a) ? a : [a]).flat();
    const names = list
      .map((x) => (typeof x === 'string' ? x : x && typeof x === 'object' && (x as Record<string, unknown>)['@type'] !== 'Organization' ? jsonText((x as Record<string, unknown>).name) : ''))
      .map((n) => cleanName(decodeEntities(n)))
      .filter((n) => n && looksLikeName(n) && !ORG_NAME.test(n));
    if (names.length) return names.join(' - ');
  }
  return null;
}

/** meta[name=author] when it names a person, not the outlet (checked against og:site_name and the <title>). */
function metaAuthor(doc: Document, index?: DocIndex): string | null {
  const raw = metaContent(doc, ['author', 'article:author', 'dc.creator'], index);
  const name = raw ? cleanName(decodeEntities(raw)) : '';
  if (!name || !looksLikeName(name) || ORG_NAME.test(name) || /^https?:/.test(name)) return null;
  const site = `${metaContent(doc, ['og:site_name'], index) ?? ''} ${doc.title ?? ''}`.normalize('NFC').toLowerCase();
  return site.includes(name.toLowerCase()) ? null : name;
}

/** Author boxes: itemprop=author, or a class/id with an author word; the name inside ([itemprop=name], .name). */
function authorBox(scope: Element, body: Element | null, res: BylineResult, index?: DocIndex): void {
  const boxes = safeQueryAll(scope, '[itemprop="author"], [data-role="author"], [class], [id]', index).filter((el) =>
    el.getAttribute('itemprop') === 'author' || el.getAttribute('data-role') === 'author' || BYLINE_CLASS.test(classIdString(el)) || /tacgia/i.test(el.getAttribute('id') ?? ''));
  for (const el of boxes) {
    if (textOf(el).length > 200) continue;
    const t = cleanName(textOf(el.querySelector('[itemprop="name"], [data-role="author"], .name') ?? el));
    const a = parseAuthorLabel(t) ?? (looksLikeName(t) ? t : null);
    if (a && !ORG_NAME.test(a)) {
      res.author = a;
      res.via = `author box <${tagName(el)} class="${(el.getAttribute('class') ?? '').slice(0, 40)}">`;
      if (!(body && body.contains(el))) res.labelEls.push(el);
      return;
    }
  }
}

/** Is this element styled as a byline (right-aligned, or entirely bold/italic)? */
export function isBylineStyled(el: Element, index?: DocIndex): boolean {
  for (let e: Element | null = el, i = 0; e && i < 3; e = e.firstElementChild, i++) {
    const style = (e.getAttribute('style') ?? '').toLowerCase().replace(/\s+/g, '');
    if (style.includes('text-align:right')) return true;
    if ((e.getAttribute('align') ?? '').toLowerCase() === 'right') return true;
    if (/(^|\s)(text-right|text-end|right|author|tacgia|tac-gia|byline|signature|fw-bold|font-weight-bold|bold|strong)(\s|$)/.test(classIdString(e))) return true;
  }
  const t = textOf(el);
  const strong = safeQueryAll(el, 'strong, b, em, i', index);
  return strong.some((s) => textOf(s) === t);
}
