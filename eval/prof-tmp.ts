import { extractArticle } from '../src/core/extract';
import { parseHtml } from './parse-html';
import { loadPages } from './pages';
const pages = loadPages().filter((p) => p.truth.isProvincialNewsArticle);
for (let i = 0; i < 15; i++) for (const p of pages) { const d = parseHtml(p.html, p.truth.url); try { extractArticle(d, p.truth.url); } catch {} }
