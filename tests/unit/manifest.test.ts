import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { chromiumManifest, firefoxManifest, withContentScriptMatches } from '../../scripts/manifest-variants';

const root = resolve(import.meta.dirname, '../..');
const base = JSON.parse(readFileSync(resolve(root, 'manifest.json'), 'utf8'));
const messages = (locale: string) => JSON.parse(readFileSync(resolve(root, `_locales/${locale}/messages.json`), 'utf8')) as Record<string, { message: string }>;

describe('manifest variants', () => {
  it('gives Chromium a module service worker and no Gecko settings', () => {
    const m = chromiumManifest(base);
    expect(m.manifest_version).toBe(3);
    expect(m.background).toEqual({ service_worker: 'background.js', type: 'module' });
    expect(m.browser_specific_settings).toBeUndefined();
  });

  it('gives Firefox background scripts, a Gecko id and a minimum version', () => {
    const m = firefoxManifest(base);
    expect(m.background.scripts).toEqual(['background.js']);
    expect(m.background.service_worker).toBeUndefined();
    expect(m.browser_specific_settings.gecko.id).toMatch(/@/);
    expect(Number.parseFloat(m.browser_specific_settings.gecko.strict_min_version)).toBeGreaterThanOrEqual(115);
  });

  it('gives Chromium the offscreen permission (bulk runs parse pages there) and Firefox, which has no such API, not', () => {
    expect(chromiumManifest(base).permissions).toContain('offscreen');
    expect(firefoxManifest(base).permissions).not.toContain('offscreen');
    expect(firefoxManifest(base).permissions).toEqual(expect.arrayContaining(['storage', 'activeTab', 'scripting']));
  });

  it('adds registry hosts to the content-script patterns without dropping the manifest\'s own', () => {
    const m = withContentScriptMatches(base, ['*://baotuyenquang.com.vn/*', '*://*.gov.vn/*']);
    expect(m.content_scripts[0].matches).toEqual(['*://*.gov.vn/*', '*://baotuyenquang.com.vn/*']);
    expect(base.content_scripts[0].matches).toEqual(['*://*.gov.vn/*']);
  });

  it('asks for no broad host access and keeps a strict CSP on extension pages', () => {
    expect(base.host_permissions ?? []).toEqual([]);
    // "Save every open tab" asks for the tabs permission when first used, never at install.
    expect(base.permissions).not.toContain('tabs');
    expect(base.optional_permissions).toEqual(['tabs']);
    expect(base.permissions).toEqual(expect.arrayContaining(['unlimitedStorage', 'activeTab', 'scripting', 'contextMenus']));
    const csp: string = base.content_security_policy.extension_pages;
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toMatch(/unsafe-(eval|inline)/);
  });

  it('binds Alt+Shift+S to saving the current article', () => {
    expect(base.commands['save-article'].suggested_key.default).toBe('Alt+Shift+S');
  });

  it('has every UI message in Vietnamese (the default) and English, with the same placeholders', () => {
    expect(base.default_locale).toBe('vi');
    const vi = messages('vi'), en = messages('en');
    expect(Object.keys(vi).sort()).toEqual(Object.keys(en).sort());
    for (const key of Object.keys(vi)) {
      expect(vi[key].message.includes('$VALUE$'), key).toBe(en[key].message.includes('$VALUE$'));
    }
    const used = JSON.stringify(base).match(/__MSG_(\w+)__/g)!.map((s) => s.slice(6, -2));
    for (const key of used) expect(vi[key], key).toBeDefined();
    expect(vi.popupSave.message).toBe('Lưu bài');
    expect(en.popupSave.message).toBe('Save');
  });
});

describe('UI strings', () => {
  it('every message key used by the pages and the background exists in both locales', async () => {
    const { readdirSync } = await import('node:fs');
    const files = (readdirSync(resolve(root, 'src'), { recursive: true }) as string[]).filter((f) => /\.(ts|html)$/.test(f));
    const used = new Set<string>();
    for (const f of files) {
      const text = readFileSync(resolve(root, 'src', f), 'utf8');
      for (const m of text.matchAll(/\bt\('(\w+)'|data-i18n="(\w+)"|getMessage\('(\w+)'|: '((?:error|popup)[A-Z]\w+)'/g)) used.add(m[1] ?? m[2] ?? m[3] ?? m[4]);
    }
    expect(used.size).toBeGreaterThan(20);
    const vi = messages('vi'), en = messages('en');
    expect([...used].filter((k) => !vi[k] || !en[k])).toEqual([]);
  });
});
