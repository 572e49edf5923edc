// Runs inside an extension context (passed to Playwright's or Puppeteer's evaluate): the archived article saved from
// `url`, read straight from the archive's IndexedDB, with its body text and the path that extracted it.
export function storedArticleOf(url: string): Promise<{ bodyText: string; method: string } | null> {
  return new Promise((done, fail) => {
    const open = indexedDB.open('provincial-news-archive');
    open.onerror = () => fail(open.error);
    open.onsuccess = () => {
      const all = open.result.transaction('articles').objectStore('articles').getAll();
      all.onsuccess = () => {
        const a = (all.result as Array<{ url: string; bodyText: string; extractor: { method: string } }>).find((x) => x.url === url);
        open.result.close();
        done(a ? { bodyText: a.bodyText, method: a.extractor.method } : null);
      };
    };
  });
}

/** Runs inside an extension context: every row of one object store of one of the extension's IndexedDB databases. */
export function allRowsOf({ database, store }: { database: string; store: string }): Promise<unknown[]> {
  return new Promise((done, fail) => {
    const open = indexedDB.open(database);
    open.onerror = () => fail(open.error);
    open.onsuccess = () => {
      const all = open.result.transaction(store).objectStore(store).getAll();
      all.onsuccess = () => {
        open.result.close();
        done(all.result);
      };
    };
  });
}
