import type { Article } from '../../types';
import { articleProvince, provinceLabelVi } from '../../detect/province-of-time';

/** One CSL-JSON item (Zotero, Mendeley, citeproc): a newspaper article or, for portals, a web page. */
interface CslItem {
  id: string;
  type: 'article-newspaper' | 'webpage';
  title: string;
  'container-title': string;
  URL: string;
  issued?: { 'date-parts': number[][] };
  accessed: { 'date-parts': number[][] };
  author?: Array<{ literal: string }>;
  'publisher-place'?: string;
  abstract?: string;
  language: string;
  keyword?: string;
  note?: string;
}

function dateParts(iso: string | null | undefined): number[][] | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso ?? '');
  return m ? [[Number(m[1]), Number(m[2]), Number(m[3])]] : null;
}

export function toCslItem(a: Article): CslItem {
  const issued = dateParts(a.publishedAt);
  return {
    id: a.id,
    type: a.site.kind === 'newspaper' || a.site.kind === 'broadcaster' ? 'article-newspaper' : 'webpage',
    title: a.title,
    'container-title': a.site.name || a.site.host,
    URL: a.canonicalUrl || a.url,
    ...(issued ? { issued: { 'date-parts': issued } } : {}),
    accessed: { 'date-parts': dateParts(a.capturedAt) ?? [] },
    ...(a.author ? { author: [{ literal: a.author }] } : {}),
    ...(a.site.province ? { 'publisher-place': provinceLabelVi(articleProvince(a.site, a.publishedAt)) } : {}),
    ...(a.lead ? { abstract: a.lead } : {}),
    language: a.language || 'vi',
    ...(a.tags.length ? { keyword: a.tags.join(', ') } : {}),
    ...(a.note ? { note: a.note } : {}),
  };
}
