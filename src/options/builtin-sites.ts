// The built-in site list, read-only and searchable: which hosts the extension knows, whose they are, what kind.
import { builtInSiteMatches } from '../core/detect/registry';
import { foldVietnamese } from '../core/text/normalize';
import { formatCount, t } from '../shared/i18n';
import { provinceText } from '../shared/province-text';

const KIND_KEYS: Record<string, string> = {
  'government-portal': 'kindGovernmentPortal',
  'department-site': 'kindDepartmentSite',
  newspaper: 'kindNewspaper',
  broadcaster: 'kindBroadcaster',
};

interface Row { tr: HTMLTableRowElement; text: string; compact: string }

function rowFor(cells: string[]): Row {
  const tr = document.createElement('tr');
  tr.dataset.testid = 'builtin-site';
  for (const text of cells) {
    const td = document.createElement('td');
    td.textContent = text;
    tr.append(td);
  }
  const text = foldVietnamese(cells.join(' '));
  return { tr, text, compact: text.replace(/ /g, '') };
}

export function initBuiltInSites(): void {
  const sites = builtInSiteMatches().sort((a, b) => a.site.host.localeCompare(b.site.host));
  const rows = sites.map(({ site, province }) => rowFor([
    site.host,
    site.name,
    provinceText({ then: province.former ?? province.current, now: province.current }),
    t(KIND_KEYS[site.kind] ?? 'kindDepartmentSite'),
  ]));
  const total = formatCount(rows.length);
  document.getElementById('builtin-summary')!.textContent = t('optionsBuiltInShow', total);
  document.getElementById('builtin-rows')!.append(...rows.map((r) => r.tr));
  const count = document.getElementById('builtin-count')!;
  const search = document.getElementById('builtin-search') as HTMLInputElement;
  const filter = () => {
    // Without diacritics or with, spaced or not: "ha giang", "Hà Giang" and "hagiang" all find Hà Giang's sites.
    const query = foldVietnamese(search.value);
    const compact = query.replace(/ /g, '');
    let shown = 0;
    for (const r of rows) {
      const hit = r.text.includes(query) || r.compact.includes(compact);
      r.tr.hidden = !hit;
      if (hit) shown++;
    }
    count.textContent = t('optionsBuiltInShown', formatCount(shown), total);
  };
  search.addEventListener('input', filter);
  filter();
}
