// Fetching one image for the archive: a timeout, a size cap checked on Content-Length and again while the bytes
// stream in (a server may lie or say nothing), and the type taken from the bytes. Every failure is a reason the
// article's note can show, never an exception: an image that cannot be kept never fails the save.
import type { MediaSkipReason } from '../archive/media-rows';
import { sha256Hex, sniffImageType } from './bytes';

export type FetchLike = (url: string, init: { signal: AbortSignal; credentials: RequestCredentials; redirect: RequestRedirect; referrerPolicy?: ReferrerPolicy }) => Promise<Response>;

export type FetchedImage =
  | { ok: true; bytes: Uint8Array; type: string; sha256: string }
  | { ok: false; reason: MediaSkipReason; detail?: string };

export async function fetchImage(fetcher: FetchLike, url: string, limits: { maxBytes: number; timeoutMs: number }): Promise<FetchedImage> {
  if (!/^https?:\/\//i.test(url)) return { ok: false, reason: 'network', detail: 'not http(s)' };
  const controller = new AbortController();
  let timedOut = false;
  const timer = setTimeout(() => { timedOut = true; controller.abort(); }, limits.timeoutMs);
  try {
    const response = await fetcher(url, { signal: controller.signal, credentials: 'omit', redirect: 'follow' });
    if (!response.ok) return { ok: false, reason: 'http-error', detail: String(response.status) };
    const declared = Number(response.headers.get('content-length') ?? NaN);
    if (declared > limits.maxBytes) return { ok: false, reason: 'too-large', detail: String(declared) };
    const bytes = await readCapped(response, limits.maxBytes, controller);
    if (!bytes) return { ok: false, reason: 'too-large', detail: `>${limits.maxBytes}` };
    const type = sniffImageType(bytes);
    if (!type) return { ok: false, reason: 'not-image', detail: response.headers.get('content-type')?.split(';')[0] ?? undefined };
    return { ok: true, bytes, type, sha256: await sha256Hex(bytes) };
  } catch (error) {
    if (timedOut) return { ok: false, reason: 'timeout', detail: `${Math.round(limits.timeoutMs / 1000)} s` };
    return { ok: false, reason: 'network', detail: error instanceof Error ? error.message.slice(0, 200) : String(error).slice(0, 200) };
  } finally {
    clearTimeout(timer);
  }
}

/** The body's bytes, or null as soon as they pass `max` (the download is cut there). */
async function readCapped(response: Response, max: number, controller: AbortController): Promise<Uint8Array | null> {
  if (!response.body) {
    const whole = new Uint8Array(await response.arrayBuffer());
    return whole.byteLength > max ? null : whole;
  }
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > max) {
      controller.abort();
      await reader.cancel().catch(() => undefined);
      return null;
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) { bytes.set(chunk, offset); offset += chunk.byteLength; }
  return bytes;
}
