// Images of the body with their captions (figcaption, caption rows of image tables, the short italic/centred line
// that follows an image).
import type { ArticleImage } from '../types';
import { collapseWhitespace, toNFC } from '../text/normalize';
import { tagName, textOf } from './dom';
import { imageSrc } from './sanitize-html';

const CAPTION_CLASS = /caption|desc|chuthich|chu-thich|image_desc|image-desc|img-desc|note|legend/;

function captionFor(img: Element, body: Element): string | null {
  const fig = img.closest('figure');
  if (fig && body.contains(fig)) {
    const fc = fig.querySelector('figcaption');
    if (fc) return textOf(fc) || null;
  }
  const table = img.closest('table');
  if (table && body.contains(table)) {
    const t = textOf(table);
    if (t && t.length <= 400 && table.getElementsByTagName('img').length === 1) return t;
  }
  // Same paragraph: <p><img><br><i>caption</i></p>
  const p = img.closest('p, div, td');
  if (p && body.contains(p) && p !== body) {
    const t = textOf(p);
    if (t && t.length <= 300 && p.getElementsByTagName('img').length === 1) return t;
  }
  // Next sibling block: short, italic/centred/caption-classed.
  let holder: Element = img;
  while (holder.parentElement && holder.parentElement !== body && textOf(holder.parentElement) === '') holder = holder.parentElement;
  const next = holder.nextElementSibling;
  if (next) {
    const t = textOf(next);
    const cls = `${next.getAttribute('class') ?? ''} ${next.getAttribute('id') ?? ''}`.toLowerCase();
    const style = (next.getAttribute('style') ?? '').toLowerCase();
    const italic = next.querySelector('em, i') && textOf(next.querySelector('em, i')) === t;
    if (t && t.length <= 300 && (CAPTION_CLASS.test(cls) || italic || style.includes('center') || next.getAttribute('align') === 'center')) return t;
  }
  return null;
}

export function collectImages(body: Element, baseUrl: string, max = 200): ArticleImage[] {
  const out: ArticleImage[] = [];
  const seen = new Set<string>();
  for (const img of Array.from(body.getElementsByTagName('img'))) {
    if (out.length >= max) break;
    const src = imageSrc(img, baseUrl);
    if (!src || seen.has(src)) continue;
    const w = Number(img.getAttribute('width') ?? 0);
    const h = Number(img.getAttribute('height') ?? 0);
    if ((w && w < 40) || (h && h < 40)) continue;
    seen.add(src);
    const cap = captionFor(img, body);
    const alt = img.getAttribute('alt');
    out.push({
      src,
      caption: cap ? collapseWhitespace(toNFC(cap)) : null,
      alt: alt && alt.trim() ? collapseWhitespace(toNFC(alt)) : null,
    });
  }
  return out;
}

export { tagName };
