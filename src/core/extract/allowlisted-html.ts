// A string check that HTML already holds nothing but what the sanitizer lets through: allow-listed elements,
// properly nested, with only href/src (absolute http(s)), alt, colspan/rowspan and start attributes, and only the
// entities the serializer writes. Imports of our own exports are all such HTML, and parsing each body into a DOM
// to sanitize it again was a third of an import's time. Anything the check does not fully understand
// (comments, other entities, unquoted attributes, upper case, foreign or unknown tags) goes to the full sanitizer.
// Pure string work: runs in Node and workers.
import { KEEP, PARENTS, VOID } from './sanitize-html';

/** Attributes allowed per element, each with the shape its value must have. */
const URL_VALUE = /^https?:\/\/[^\s"'<>`\\&]*(?:&amp;[^\s"'<>`\\&]*)*$/;
const NUMBER_3 = /^\d{1,3}$/;
const ATTRS: Record<string, Record<string, RegExp>> = {
  a: { href: URL_VALUE },
  img: { src: URL_VALUE, alt: /^(?:[^"<>&]|&(?:amp|quot|lt|gt);)*$/ },
  td: { colspan: NUMBER_3, rowspan: NUMBER_3 },
  th: { colspan: NUMBER_3, rowspan: NUMBER_3 },
  ol: { start: /^\d{1,6}$/ },
};

// Text: anything but markup, the serializer's entities, no control characters but tab and newline.
// eslint-disable-next-line no-control-regex -- control characters are what this pattern rejects
const TEXT = /(?:[^<&\u0000-\u0008\u000b-\u001f\u007f]|&(?:amp|lt|gt|nbsp);)*/y;
const OPEN = /<([a-z][a-z0-9]*)((?: [a-z]+="[^"]*")*)>/y;
const CLOSE = /<\/([a-z][a-z0-9]*)>/y;
const ATTR = / ([a-z]+)="([^"]*)"/g;

/** True when `html` can be stored as it is: the sanitizer would keep every element and attribute in it. */
export function isAllowListedHtml(html: string): boolean {
  if (html.normalize('NFC') !== html) return false;
  const open: string[] = [];
  let at = 0;
  for (;;) {
    TEXT.lastIndex = at;
    TEXT.test(html);
    at = TEXT.lastIndex;
    if (at === html.length) return open.length === 0;
    if (html[at] !== '<') return false;
    CLOSE.lastIndex = at;
    const close = CLOSE.exec(html);
    if (close) {
      if (open.pop() !== close[1]) return false;
      at = CLOSE.lastIndex;
      continue;
    }
    OPEN.lastIndex = at;
    const tag = OPEN.exec(html);
    if (!tag || !KEEP.has(tag[1]) || !attributesAllowed(tag[1], tag[2])) return false;
    const parents = PARENTS[tag[1]];
    if (parents && !parents.includes(open[open.length - 1])) return false;
    if (!VOID.has(tag[1])) open.push(tag[1]);
    at = OPEN.lastIndex;
  }
}

function attributesAllowed(tag: string, attrs: string): boolean {
  const allowed = ATTRS[tag];
  const seen: string[] = [];
  for (const [, name, value] of attrs.matchAll(ATTR)) {
    const shape = allowed?.[name];
    if (!shape || seen.includes(name) || !shape.test(value)) return false;
    seen.push(name);
  }
  return tag !== 'img' || seen.includes('src');
}
