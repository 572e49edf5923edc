/** Failure kinds that reach a person; the UI turns each code into a Vietnamese/English sentence. */
type ArchiveErrorCode = 'quota' | 'storage';

export class ArchiveError extends Error {
  constructor(public readonly code: ArchiveErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'ArchiveError';
  }
}

export function isQuotaError(error: unknown): boolean {
  for (let e: unknown = error, depth = 0; e && depth < 5; depth++) {
    const name = (e as { name?: string }).name ?? '';
    if (name === 'QuotaExceededError' || name === 'NS_ERROR_DOM_QUOTA_REACHED') return true;
    e = (e as { inner?: unknown }).inner ?? (e as { cause?: unknown }).cause;
  }
  return false;
}

export function toArchiveError(error: unknown): ArchiveError {
  if (error instanceof ArchiveError) return error;
  if (isQuotaError(error)) return new ArchiveError('quota', 'The browser storage quota is exhausted', { cause: error });
  const message = error instanceof Error ? error.message : String(error);
  return new ArchiveError('storage', message, { cause: error });
}
