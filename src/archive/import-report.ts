// What the import tells the person, decided from the checked file and the import's report: the dialog's lines, the
// sentences of a refused file and of the result with its rejected rows. No DOM and no browser API: the words come in.
import type { ImportReport } from '../core/archive/import-apply';
import { ImportFileError } from '../core/archive/import-parse';
import type { ImportSource } from '../core/archive/import-read';

/** The page's words: a message by key with its substitutions, and a number as the reader writes it. */
export interface Words {
  t: (key: string, ...substitutions: string[]) => string;
  count: (n: number) => string;
}

const FILE_ERROR_KEYS: Record<string, string> = {
  empty: 'importErrorEmpty', 'not-json': 'importErrorNotJson', truncated: 'importErrorTruncated',
  'wrong-shape': 'importErrorWrongShape', 'future-version': 'importErrorFutureVersion', 'too-large': 'importErrorTooLarge',
  // ZIP and WACZ packages.
  'unsafe-path': 'importErrorUnsafePath', 'bad-hash': 'importErrorBadHash', 'bad-record': 'importErrorBadRecord', 'not-ours': 'importErrorNotOurs',
};

/** A whole-file problem: what is wrong and that nothing was changed; the technical detail goes below it. */
export function fileErrorNotice(error: unknown, words: Words): { message: string; details: string[] } {
  const key = error instanceof ImportFileError ? FILE_ERROR_KEYS[error.code] ?? 'importErrorNotJson' : 'importErrorUnreadable';
  return { message: `${words.t(key)} ${words.t('importNothingChanged')}`, details: [error instanceof Error ? error.message : String(error)] };
}

export const rowCount = (source: ImportSource): number => (source.streamed ? source.rows : source.rows.length);

/** The dialog's summary: the file, its valid rows and the rows it will reject. */
export function importSummary(fileName: string, source: ImportSource, words: Words): string {
  return words.t('importSummary', fileName, words.count(source.valid), words.count(rowCount(source) - source.valid));
}

/** Whether the file names collections its articles can be gathered into again. */
export const canGather = (source: ImportSource): boolean => !!source.collection || source.collections.length > 0;

/** The names shown in the import dialog before "and N more". */
const NAMES_SHOWN = 4;

/** The dialog's offer to gather the articles into the collections the file names. */
export function gatherText(source: ImportSource, words: Words): string {
  if (source.collection) return words.t('importIntoCollection', source.collection);
  const shown = source.collections.slice(0, NAMES_SHOWN).map((n) => `“${n}”`).join(', ');
  const more = source.collections.length - NAMES_SHOWN;
  return words.t('importIntoCollections', more > 0 ? `${shown} ${words.t('importMoreCollections', words.count(more))}` : shown);
}

/** Each collection to gather into with its imported articles; a collection's export puts every article in it. */
export function collectionMembers(source: ImportSource, report: ImportReport): Map<string, string[]> {
  const members = new Map<string, string[]>(report.collections ?? []);
  if (source.collection && report.ids?.length) members.set(source.collection, [...(members.get(source.collection) ?? []), ...report.ids]);
  return members;
}

/** The sentence added to the report after gathering (with its leading space): done, or failed. */
export function gatheredSentence(source: ImportSource, report: ImportReport, members: Map<string, string[]>, ok: boolean, words: Words): string {
  if (ok) return ` ${source.collection ? words.t('importGathered', words.count(report.ids?.length ?? 0), source.collection) : words.t('importGatheredMany', words.count(members.size))}`;
  return ` ${source.collection ? words.t('importGatherFailed', source.collection) : words.t('importGatherManyFailed')}`;
}

/** The import's result: counts, the gathering sentence, and one line per row not imported (an error if any was rejected). */
export function importReportNotice(report: ImportReport, gathered: string, words: Words): { message: string; error: boolean; details: string[] } {
  const { count, t } = words;
  return {
    message: t('importReport', count(report.added), count(report.updated), count(report.skipped), count(report.rejected)) + gathered,
    error: report.rejected > 0,
    details: report.problems.map((p) => `${t('importRow', String(p.row))}: ${p.reason}`),
  };
}
