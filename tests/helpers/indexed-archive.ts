// Articles added and indexed in one transaction, as an import batch does.
import { indexArticlesInTx, SEARCH_TABLES } from '../../src/core/search';
import type { ArchiveDb } from '../../src/core/archive/db';
import type { Article } from '../../src/core/types';

export async function addIndexed(db: ArchiveDb, articles: Article[]): Promise<void> {
  await db.transaction('rw', ['articles', ...SEARCH_TABLES], async () => {
    await db.articles.bulkAdd(articles);
    await indexArticlesInTx(db, articles);
  });
}
