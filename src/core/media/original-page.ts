// The captured page made safe to look at: whatever the page held, what is shown runs no script and loads nothing
// but images and styles (the frame adds a sandbox without scripts on top), and each image kept in the archive
// shows from its stored copy. Works on a Document passed in (parsed inert by the caller).

/** What the shown page may do: no script, frame, plugin, form or base; images, styles and fonts only. */
export const ORIGINAL_PAGE_CSP = "default-src 'none'; script-src 'none'; object-src 'none'; frame-src 'none'; base-uri 'none'; form-action 'none'; "
  + "img-src https: http: data: blob:; style-src https: http: 'unsafe-inline'; font-src https: http: data:";

const SCRIPT_URL = /^(?:javascript|vbscript|livescript):/i;
/** A URL as browsers read its scheme: spaces and control characters anywhere in it are skipped. */
const isScriptUrl = (value: string) => SCRIPT_URL.test([...value].filter((c) => c > ' ').join(''));
const SCRIPT_CSS = /javascript|vbscript|expression\s*\(|behavior\s*:|-moz-binding/i;
/** CSS with a script URL or an old script hook, read through CSS escapes (\6a avascript) and comments. */
const scriptInCss = (css: string) => SCRIPT_CSS.test(css.replace(/\/\*[\s\S]*?\*\//g, '')
  .replace(/\\([0-9a-f]{1,6})\s?/gi, (_, hex: string) => String.fromCodePoint(Math.min(parseInt(hex, 16), 0x10ffff) || 0xfffd)).replace(/\\(.)/g, '$1'));
const REMOVED = 'script, noscript, iframe, frame, frameset, object, embed, portal, applet, base, meta[http-equiv]';
/** Links that fetch for scripts or ahead of time (a stylesheet or an icon stays). */
const FETCHING_LINK = /\b(?:preload|prefetch|modulepreload|manifest|preconnect|dns-prefetch|import)\b/i;
const URL_ATTRS: Array<[string, string]> = [['a', 'href'], ['area', 'href'], ['link', 'href'], ['img', 'src'], ['source', 'src'], ['video', 'poster'], ['input', 'src']];

function absolute(value: string, base: string): string | null {
  try {
    const url = new URL(value.trim(), base);
    return /^(https?|data|mailto|tel):$/.test(url.protocol) ? url.href : null;
  } catch {
    return null;
  }
}

/** A srcset with each candidate made absolute, or the stored copy alone when any candidate was kept. */
function rewriteSrcset(srcset: string, base: string, stored: ReadonlyMap<string, string>): { srcset: string; copy?: string } {
  const parts = srcset.split(/,\s+/).map((c) => c.trim().split(/\s+/)).filter((p) => p[0]);
  for (const [u] of parts) {
    const copy = stored.get(absolute(u, base) ?? '');
    if (copy) return { srcset: '', copy };
  }
  return { srcset: parts.map(([u, ...d]) => [absolute(u, base) ?? '', ...d].join(' ')).filter((p) => !p.startsWith(' ')).join(', ') };
}

/** The captured HTML ready for an inert parse: a <base> renamed so that parsing it sets nothing. */
export function defuseBase(html: string): string {
  return html.replace(/<base(?=[\s/>])/gi, '<x-base');
}

/** Rewrites `doc` in place and returns it serialised with a doctype and its own CSP first in the head. */
export function prepareOriginalPage(doc: Document, pageUrl: string, stored: ReadonlyMap<string, string>): string {
  // An unknown element is not void: the renamed <base> holds whatever followed it, which stays.
  doc.querySelectorAll('x-base').forEach((e) => e.replaceWith(...Array.from(e.childNodes)));
  doc.querySelectorAll(REMOVED).forEach((e) => e.remove());
  doc.querySelectorAll('link[rel]').forEach((e) => { if (FETCHING_LINK.test(e.getAttribute('rel') ?? '')) e.remove(); });
  for (const e of Array.from(doc.querySelectorAll('*'))) {
    for (const attr of Array.from(e.attributes)) {
      const name = attr.name.toLowerCase();
      // Blocked by the frame anyway; removed so that nothing even asks (a script: URL as an image, a CSS escape).
      if (name.startsWith('on') || name === 'srcdoc' || name === 'formaction' || name === 'ping' || isScriptUrl(attr.value) || (name === 'style' && scriptInCss(attr.value))) e.removeAttribute(attr.name);
    }
  }
  doc.querySelectorAll('style').forEach((e) => { if (scriptInCss(e.textContent ?? '')) e.remove(); });
  for (const [tag, attr] of URL_ATTRS) {
    for (const e of Array.from(doc.querySelectorAll(`${tag}[${attr}]`))) {
      const url = absolute(e.getAttribute(attr) ?? '', pageUrl);
      const copy = tag === 'img' || tag === 'source' ? stored.get(url ?? '') : undefined;
      if (copy ?? url) e.setAttribute(attr, copy ?? url!);
      else e.removeAttribute(attr);
    }
  }
  for (const e of Array.from(doc.querySelectorAll('img[srcset], source[srcset]'))) {
    const { srcset, copy } = rewriteSrcset(e.getAttribute('srcset') ?? '', pageUrl, stored);
    if (copy && e.tagName.toLowerCase() === 'img') e.setAttribute('src', copy);
    if (srcset) e.setAttribute('srcset', srcset);
    else e.removeAttribute('srcset');
    if (copy && e.tagName.toLowerCase() === 'source') e.remove();
  }
  // Lazy images keep their real address in data-src: the stored copy (or that address) becomes their src.
  for (const img of Array.from(doc.querySelectorAll('img[data-src], img[data-original]'))) {
    const url = absolute(img.getAttribute('data-src') ?? img.getAttribute('data-original') ?? '', pageUrl);
    const copy = stored.get(url ?? '');
    if (copy) img.setAttribute('src', copy);
  }
  const head = doc.head ?? doc.documentElement.insertBefore(doc.createElement('head'), doc.body);
  const meta = doc.createElement('meta');
  meta.setAttribute('http-equiv', 'Content-Security-Policy');
  meta.setAttribute('content', ORIGINAL_PAGE_CSP);
  const referrer = doc.createElement('meta');
  referrer.setAttribute('name', 'referrer');
  referrer.setAttribute('content', 'no-referrer');
  head.prepend(meta, referrer);
  return `<!doctype html>\n${doc.documentElement.outerHTML}`;
}
