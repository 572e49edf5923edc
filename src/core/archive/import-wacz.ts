import { ImportFileError } from './import-parse';
import type { FileEntry } from './zip-io';
import type { ImportPlan, ReadOptions } from './import-package';

export function openWaczImport(_reader: unknown, _entries: Map<string, FileEntry>, _options: ReadOptions): Promise<ImportPlan> {
  return Promise.reject(new ImportFileError('not-ours', 'WACZ'));
}
