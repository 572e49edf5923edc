import browser from 'webextension-polyfill';
import { CURRENT_PROVINCES, FORMER_PROVINCES } from '../core/detect/registry-data';
import { normalizeHost, setUserSites, type UserSite } from '../core/detect';
import { downloadBlob } from '../shared/download';
import { applyI18n, formatCount, t } from '../shared/i18n';
import { hostMatchPatterns, loadUserSites, saveUserSites } from '../shared/user-sites';
import { cleanUserSites } from '../core/detect/user-site-list';
import { initBackupSettings } from './backup-settings';
import { initBulkDelaySettings } from './bulk-delay-settings';
import { initBuiltInSites } from './builtin-sites';
import { importUserRules, initUserRulesSettings } from './user-rules-settings';
import { loadUserRules } from '../shared/user-rules';
import { initMediaSettings } from './media-settings';

const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;
const KIND_KEYS: Record<UserSite['kind'], string> = {
  'government-portal': 'kindGovernmentPortal',
  'department-site': 'kindDepartmentSite',
  newspaper: 'kindNewspaper',
  broadcaster: 'kindBroadcaster',
};

function setStatus(text: string, isError = false): void {
  $('status').textContent = text;
  $('status').className = isError ? 'error' : '';
}

function fillProvinces(): void {
  const select = $<HTMLSelectElement>('province');
  const groups: Array<[string, string[]]> = [
    [t('optionsCurrentProvinces'), CURRENT_PROVINCES.map((p) => p.name)],
    [t('optionsFormerProvinces'), FORMER_PROVINCES.map((p) => p.name).filter((n) => !CURRENT_PROVINCES.some((c) => c.name === n))],
  ];
  for (const [label, names] of groups) {
    const group = document.createElement('optgroup');
    group.label = label;
    for (const name of [...names].sort((a, b) => a.localeCompare(b, 'vi'))) group.append(new Option(name, name));
    select.append(group);
  }
}

async function render(): Promise<void> {
  const sites = await loadUserSites();
  $('no-sites').hidden = sites.length > 0;
  $('sites').hidden = sites.length === 0;
  const rows = $('site-rows');
  rows.replaceChildren();
  for (const site of sites) {
    const tr = document.createElement('tr');
    tr.dataset.testid = 'user-site';
    for (const text of [site.name && site.name !== site.host ? `${site.host} (${site.name})` : site.host, site.province, t(KIND_KEYS[site.kind])]) {
      const td = document.createElement('td');
      td.textContent = text;
      tr.append(td);
    }
    const remove = document.createElement('button');
    remove.type = 'button';
    remove.className = 'secondary';
    remove.textContent = t('optionsRemove');
    remove.setAttribute('aria-label', t('optionsRemoveNamed', site.host));
    remove.addEventListener('click', async () => {
      await saveUserSites((await loadUserSites()).filter((s) => s.host !== site.host));
      await browser.permissions.remove({ origins: hostMatchPatterns(site.host) }).catch(() => false);
      setStatus(t('optionsRemoved', site.host));
      await render();
    });
    const td = document.createElement('td');
    td.append(remove);
    tr.append(td);
    rows.append(tr);
  }
}

async function addSite(event: SubmitEvent): Promise<void> {
  event.preventDefault();
  const raw = $<HTMLInputElement>('host').value.trim().replace(/^[a-z]+:\/\//i, '').split('/')[0];
  const host = normalizeHost(raw);
  if (!host) return setStatus(t('optionsBadHost', raw), true);
  const site: UserSite = {
    host,
    province: $<HTMLSelectElement>('province').value,
    kind: $<HTMLSelectElement>('kind').value as UserSite['kind'],
    ...($<HTMLInputElement>('name').value.trim() ? { name: $<HTMLInputElement>('name').value.trim() } : {}),
  };
  if (setUserSites([site]).length) return setStatus(t('optionsBadHost', raw), true);
  // Access to the host is asked for now, while the click still counts as the user's gesture.
  const granted = await browser.permissions.request({ origins: hostMatchPatterns(host) }).catch(() => false);
  const others = (await loadUserSites()).filter((s) => s.host !== host);
  await saveUserSites([...others, site]);
  setStatus(granted ? t('optionsAdded', host) : t('optionsAddedNoAccess', host), !granted);
  ($<HTMLFormElement>('add-site')).reset();
  await render();
}

const SITES_FILE_FORMAT = 'provincial-news-archiver-sites';

function exportSites(sites: UserSite[], rules: unknown[] = []): void {
  // The content rules picked per host travel with the sites (older files simply have none).
  downloadBlob(new Blob([JSON.stringify({ format: SITES_FILE_FORMAT, version: 1, sites, rules }, null, 1)], { type: 'application/json' }), 'user-sites.json');
}

/** Reads a site list written by exportSites (or a bare list); bad entries are named, the good ones kept. */
async function importSites(file: File): Promise<void> {
  let data: unknown;
  try {
    data = JSON.parse(await file.text());
  } catch {
    return setStatus(t('optionsImportBad', file.name), true);
  }
  const list = Array.isArray(data) ? data : (data as { format?: unknown; sites?: unknown })?.format === SITES_FILE_FORMAT ? (data as { sites: unknown }).sites : null;
  if (!Array.isArray(list)) return setStatus(t('optionsImportBad', file.name), true);
  const rules = Array.isArray(data) ? { sentence: '', rejected: 0 } : await importUserRules((data as { rules?: unknown }).rules);
  const incoming = cleanUserSites(list);
  const rejected = setUserSites(incoming);
  const accepted = incoming.filter((s) => !rejected.includes(s));
  const merged = new Map((await loadUserSites()).map((s) => [s.host, s]));
  for (const s of accepted) merged.set(s.host, s);
  await saveUserSites([...merged.values()]);
  setStatus(`${t('optionsImported', formatCount(accepted.length), formatCount(list.length - accepted.length))}${rules.sentence ? ` ${rules.sentence}` : ''}`, accepted.length < list.length || rules.rejected > 0);
  await render();
}

applyI18n(document);
$('export-sites').addEventListener('click', async () => exportSites(await loadUserSites(), await loadUserRules()));
$<HTMLInputElement>('import-sites').addEventListener('change', () => {
  const input = $<HTMLInputElement>('import-sites');
  const file = input.files?.[0];
  input.value = '';
  if (file) void importSites(file);
});
fillProvinces();
initBuiltInSites();
$<HTMLFormElement>('add-site').addEventListener('submit', (e) => void addSite(e));
void render();
initUserRulesSettings();
void initBackupSettings().catch((error) => setStatus(t('errorUnknown', error instanceof Error ? error.message : String(error)), true));
void initBulkDelaySettings().catch((error) => setStatus(t('errorUnknown', error instanceof Error ? error.message : String(error)), true));
void initMediaSettings().catch((error) => setStatus(t('errorUnknown', error instanceof Error ? error.message : String(error)), true));
