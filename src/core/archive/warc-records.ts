// The WARC 1.1 records of an archived article (warcio writes them, gzip per record): its original page as a
// `response` (the stored status and headers, or a 200 with its content type), or — when no original was kept — the
// extracted article as a `resource` of HTML, so every page of pages.jsonl has a record to replay; each stored image
// as a `response` at its own address; and a `metadata` record holding the archived article and its media line, from
// which an import here rebuilds the article exactly (no second extraction that might read the page differently).
// Digests are computed here with Web Crypto and set on the record, so warcio never needs its WebAssembly hasher
// (which the extension pages' CSP bars).
import { WARCRecord, WARCSerializer } from 'warcio';
import { sha256Hex } from './zip-io';
import type { ArticleMediaLine } from '../shapes/media-bundle';
import type { ExportedArticle } from '../shapes/article';
import type { MediaRow, OriginalRow } from './media-rows';

const WARC_VERSION = 'WARC/1.1';
const encoder = new TextEncoder();

/** A record, serialized and gzipped, with what its CDXJ line says of it (null for records replay does not look up). */
export interface WrittenRecord {
  bytes: Uint8Array;
  index: { url: string; date: string; mime: string; status: number; digest: string } | null;
  id: string;
}

const warcDate = (iso: string) => new Date(iso).toISOString();

/** Response headers as stored, minus those that described bytes other than these (encoded, chunked, other length). */
function replayHeaders(headers: Record<string, string> | undefined, contentType: string, length: number): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(headers ?? {})) {
    if (!/^(content-encoding|transfer-encoding|content-length)$/i.test(k)) out[k] = v;
  }
  if (!Object.keys(out).some((k) => k.toLowerCase() === 'content-type') && contentType) out['Content-Type'] = contentType;
  out['Content-Length'] = String(length);
  return out;
}

async function finish(record: WARCRecord, payload: Uint8Array, index: WrittenRecord['index']): Promise<WrittenRecord> {
  const head = record.httpHeaders ? encoder.encode(`${record.httpHeaders.toString()}\r\n`) : new Uint8Array();
  const block = new Uint8Array(head.length + payload.length);
  block.set(head);
  block.set(payload, head.length);
  const headers = record.warcHeaders.headers;
  const digest = `sha256:${await sha256Hex(payload)}`;
  headers.set('WARC-Payload-Digest', digest);
  if (index) index.digest = digest;
  headers.set('WARC-Block-Digest', `sha256:${await sha256Hex(block)}`);
  const bytes = await WARCSerializer.serialize(record, { gzip: true });
  return { bytes, index, id: headers.get('WARC-Record-ID') ?? '' };
}

const REASONS: Record<number, string> = { 200: 'OK', 203: 'Non-Authoritative Information', 206: 'Partial Content', 404: 'Not Found', 410: 'Gone' };

async function response(url: string, date: string, status: number, headers: Record<string, string>, payload: Uint8Array, mime: string): Promise<WrittenRecord> {
  const record = WARCRecord.create({
    url, date: warcDate(date), type: 'response', warcVersion: WARC_VERSION, statusline: `HTTP/1.1 ${status} ${REASONS[status] ?? 'OK'}`, httpHeaders: headers,
  }, [payload]);
  return finish(record, payload, { url, date: warcDate(date), mime, status, digest: '' });
}

/** The original page, its HTML as captured (un-gzipped). */
export async function originalRecord(o: OriginalRow, html: Uint8Array): Promise<WrittenRecord> {
  const headers = replayHeaders(o.headers, o.contentType || 'text/html', html.length);
  return response(o.url, o.capturedAt, o.status ?? 200, headers, html, (o.contentType || 'text/html').split(';')[0].trim());
}

export async function imageRecord(m: MediaRow): Promise<WrittenRecord> {
  const bytes = new Uint8Array(await m.blob.arrayBuffer());
  return response(m.url, m.storedAt, 200, { 'Content-Type': m.type, 'Content-Length': String(bytes.length) }, bytes, m.type);
}

const escapeHtml = (s: string) => s.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);

/** The extracted article as a small HTML page (its body is the sanitized HTML the archive keeps). */
export async function articlePageRecord(a: ExportedArticle): Promise<WrittenRecord> {
  const html = encoder.encode(`<!doctype html>\n<html lang="${escapeHtml(a.language || 'vi')}"><head><meta charset="utf-8"><title>${escapeHtml(a.title)}</title></head>`
    + `<body><article><h1>${escapeHtml(a.title)}</h1>\n${a.bodyHtml}</article></body></html>\n`);
  const date = warcDate(a.capturedAt);
  const record = WARCRecord.create({ url: a.url, date, type: 'resource', warcVersion: WARC_VERSION, warcHeaders: { 'Content-Type': 'text/html; charset=utf-8' } }, [html]);
  return finish(record, html, { url: a.url, date, mime: 'text/html', status: 200, digest: '' });
}

/** The archived article and its media line, about the page record `refersTo`. */
export async function articleMetadataRecord(url: string, date: string, refersTo: string, article: ExportedArticle, media: ArticleMediaLine): Promise<WrittenRecord> {
  const json = encoder.encode(JSON.stringify({ article, media }));
  const record = WARCRecord.create({
    url, date: warcDate(date), type: 'metadata', warcVersion: WARC_VERSION, warcHeaders: { 'Content-Type': 'application/json', 'WARC-Refers-To': refersTo },
  }, [json]);
  return finish(record, json, null);
}

/** The warcinfo record that opens the WARC. */
export async function warcInfoRecord(filename: string, software: string, title: string): Promise<WrittenRecord> {
  const record = WARCRecord.createWARCInfo({ filename, warcVersion: WARC_VERSION }, { software, format: 'WARC File Format 1.1', isPartOf: title });
  return { bytes: await WARCSerializer.serialize(record, { gzip: true }), index: null, id: record.warcHeaders.headers.get('WARC-Record-ID') ?? '' };
}
