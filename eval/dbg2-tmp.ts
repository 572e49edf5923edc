import { extractArticle } from '../src/core/extract';
import { matchSiteRule } from '../src/core/extract/sites';
import { parseHtml } from './parse-html';
import { loadPages } from './pages';
for (const p of loadPages()) {
  const doc = parseHtml(p.html, p.truth.url);
  let m = '';
  try { const a = extractArticle(doc, p.truth.url); m = `${a.extractor.method} words=${a.wordCount} title=${a.title.slice(0,40)} date=${a.publishedAt} imgs=${a.images.length} src=${a.source}`; } catch (e) { m = 'ERR ' + (e as Error).message; }
  console.log(p.id.padEnd(34), (matchSiteRule(doc, p.truth.url)?.id ?? '-').padEnd(26), m);
}
