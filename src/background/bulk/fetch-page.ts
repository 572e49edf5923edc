// Fetches one page for a bulk run: a timeout, no cookies sent cross-site beyond the browser's defaults, a size cap,
// and the failure kinds the scheduler retries on.
import { decodeHtml } from '../../core/bulk/decode-html';
import type { FetchFailure } from '../../core/bulk/scheduler';

const MAX_BYTES = 20 * 1024 * 1024;

type FetchedPage = { html: string; finalUrl: string } | { failure: FetchFailure } | { notHtml: string } | { tooLarge: true };

export async function fetchPage(url: string, timeoutMs: number): Promise<FetchedPage> {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), timeoutMs);
  try {
    const response = await fetch(url, { signal: controller.signal, redirect: 'follow', cache: 'no-cache' });
    if (!response.ok) return { failure: { kind: 'http', status: response.status } };
    const type = response.headers.get('content-type');
    if (type && !/html|xml/i.test(type)) return { notHtml: type.split(';')[0] };
    const length = Number(response.headers.get('content-length') ?? 0);
    if (length > MAX_BYTES) return { tooLarge: true };
    const bytes = new Uint8Array(await response.arrayBuffer());
    if (bytes.length > MAX_BYTES) return { tooLarge: true };
    return { html: decodeHtml(bytes, type), finalUrl: response.url || url };
  } catch (error) {
    if (controller.signal.aborted) return { failure: { kind: 'timeout' } };
    return { failure: { kind: 'network', message: error instanceof Error ? error.message : String(error) } };
  } finally {
    clearTimeout(timer);
  }
}
