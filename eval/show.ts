// Debug helper: npx tsx eval/show.ts <page-id-prefix> [--generic] [--html]
// Prints what the extractor returns for one corpus or fixture page, next to the truth's metadata.
import { extractArticle } from '../src/core/extract';
import { parseHtml } from './parse-html';
import { loadPages } from './pages';
import { loadVnReal } from './vn-real';

const args = process.argv.slice(2);
const id = args.find((a) => !a.startsWith('--'));
const page = [...loadPages(), ...loadVnReal()].find((p) => id && p.id.startsWith(id));
if (!page) {
  console.error(`usage: npx tsx eval/show.ts <page-id-prefix> [--generic] [--html]; no page matches ${JSON.stringify(id)}`);
  process.exit(2);
}
const a = extractArticle(parseHtml(page.html, page.truth.url), page.truth.url, { useSiteRules: !args.includes('--generic') });
const { bodyHtml, bodyText, ...meta } = a;
console.log(JSON.stringify(meta, null, 1));
console.log('--- truth:', JSON.stringify({ title: page.truth.title, publishedAt: page.truth.publishedAt, author: page.truth.author, category: page.truth.category, lead: page.truth.lead }));
console.log('--- bodyText\n' + bodyText);
if (args.includes('--html')) console.log('--- bodyHtml\n' + bodyHtml);
