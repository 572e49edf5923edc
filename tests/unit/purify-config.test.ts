// DOMPurify's URL rule (core/extract/purify-config.ts): web and relative addresses pass, script-capable schemes do not.
// (DOMPurify itself is exercised in Chromium: tests/e2e/purify.test.ts; happy-dom is no DOM it supports.)
import { PURIFY_CONFIG, PURIFY_URI } from '../../src/core/extract/purify-config';
import { KEEP } from '../../src/core/extract/sanitize-html';

describe('the article allow-list as DOMPurify configuration', () => {
  it('lets web and relative addresses through and stops every other scheme', () => {
    for (const ok of ['https://tuyenquang.gov.vn/a.jpg', 'http://x.vn/', '/uploads/a.jpg', 'uploads/a.jpg', '../a.jpg', './a', '#top', '?page=2', '//cdn.x.vn/a.jpg', 'bai-viet-123.html'])
      expect(PURIFY_URI.test(ok), ok).toBe(true);
    for (const bad of ['javascript:alert(1)', 'JAVASCRIPT:alert(1)', 'data:text/html,x', 'vbscript:x', 'file:///etc/passwd', 'blob:https://x/y', 'mailto:a@b.vn'])
      expect(PURIFY_URI.test(bad), bad).toBe(false);
  });
  it('keeps every element the serializer keeps, and none that can run or load code', () => {
    for (const tag of KEEP) expect(PURIFY_CONFIG.ALLOWED_TAGS).toContain(tag);
    for (const tag of ['script', 'style', 'iframe', 'object', 'embed', 'svg', 'math', 'form', 'input', 'base', 'meta', 'link', 'template'])
      expect(PURIFY_CONFIG.ALLOWED_TAGS).not.toContain(tag);
    expect(PURIFY_CONFIG.ALLOWED_ATTR.some((a) => a.startsWith('on') || a === 'style')).toBe(false);
  });
});
