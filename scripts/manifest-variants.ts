// Pure transforms from the one root manifest.json to each browser's manifest.
 
export type Manifest = Record<string, any>;

export function withContentScriptMatches(base: Manifest, extra: string[]): Manifest {
  const out = structuredClone(base);
  out.content_scripts[0].matches = [...new Set([...base.content_scripts[0].matches, ...extra])];
  return out;
}

/** Chromium, Edge, Cốc Cốc: a module service worker; no Gecko settings. */
export function chromiumManifest(base: Manifest): Manifest {
  const out = structuredClone(base);
  delete out.browser_specific_settings;
  out.background = { service_worker: 'background.js', type: 'module' };
  return out;
}

/** Firefox: MV3 background scripts (no service worker), with the Gecko id and minimum version. */
export function firefoxManifest(base: Manifest): Manifest {
  const out = structuredClone(base);
  out.background = { scripts: ['background.js'], type: 'module' };
  // Firefox's background is a page with its own DOM parser: no offscreen documents (an unknown permission warns).
  out.permissions = out.permissions.filter((p: string) => p !== 'offscreen');
  if (!out.browser_specific_settings?.gecko?.id) throw new Error('manifest.json lacks browser_specific_settings.gecko.id');
  return out;
}
