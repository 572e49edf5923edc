import { extractArticle } from '../src/core/extract';
import { parseHtml } from './parse-html';
const para = (i: number) => `<p>Đoạn ${i}: Ủy ban nhân dân tỉnh tổ chức hội nghị triển khai nhiệm vụ, các sở, ngành, địa phương tham dự, thảo luận và thống nhất giải pháp thực hiện trong thời gian tới.</p>`;
const html = `<html><head><title>Bài thử</title></head><body><h1>Bài thử nghiệm</h1><div class="content">${Array.from({ length: 30000 }, (_, i) => para(i)).join('')}</div></body></html>`;
const doc = parseHtml(html, 'https://x.gov.vn/a');
const t = performance.now(); extractArticle(doc, 'https://x.gov.vn/a'); console.log('extract', performance.now() - t);
