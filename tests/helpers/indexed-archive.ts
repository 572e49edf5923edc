// Articles added and indexed in one transaction, as an import batch does (through the archive store).
import type { ArchiveDb } from '../../src/core/archive/db';
import { writeArchive } from '../../src/core/archive/store';
import type { Article } from '../../src/core/types';

export async function addIndexed(db: ArchiveDb, articles: Article[]): Promise<void> {
  await writeArchive(db, (w) => w.putArticles(articles), { origin: 'import' });
}
