import { extractArticle } from '../src/core/extract';
import { parseHtml } from './parse-html';
const para = (i: number) => `<p>Đoạn ${i}: Ủy ban nhân dân tỉnh tổ chức hội nghị triển khai nhiệm vụ, các sở, ngành, địa phương tham dự, thảo luận và thống nhất giải pháp thực hiện trong thời gian tới.</p>`;
const html = `<html><head><title>Bài thử</title></head><body><h1>Bài thử nghiệm</h1><div class="content">${Array.from({ length: 30000 }, (_, i) => para(i)).join('')}</div></body></html>`;
let t = performance.now(); const doc = parseHtml(html, 'https://x.gov.vn/a'); console.log('parse', performance.now() - t);
t = performance.now(); const a = extractArticle(doc, 'https://x.gov.vn/a'); console.log('extract', performance.now() - t, a.wordCount);
const deep = '<div>'.repeat(3000) + para(1) + para(2) + '</div>'.repeat(3000);
t = performance.now(); const d2 = parseHtml(`<html><body>${deep}</body></html>`, 'https://x.gov.vn/a'); console.log('parse deep', performance.now() - t);
t = performance.now(); try { extractArticle(d2, 'https://x.gov.vn/a'); } catch (e) { console.log(String(e)); } console.log('extract deep', performance.now() - t);
