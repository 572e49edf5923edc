// Named collections: sets of archived articles an archivist gathers ("Cải cách hành chính 2024"), viewed, searched
// and exported together. They live in the settings table (so full backups and restores carry them) as one row:
// membership lists of article ids, which an article deletion leaves alone (a deleted article simply no longer
// matches; its undo brings it back into its collections).
import type { ArchiveDb } from './db';
import { writeArchive, type ArchiveReader } from './store';
import { tagIdentity } from '../text/normalize';
import * as v from 'valibot';
import { cleanCollectionName, CollectionSchema, type Collection } from '../shapes/settings';

export type { Collection };

type CollectionProblem = 'empty-name' | 'name-taken' | 'missing';

export class CollectionError extends Error {
  constructor(public readonly problem: CollectionProblem, public readonly collectionName: string) {
    super(`${problem}: ${collectionName}`);
    this.name = 'CollectionError';
  }
}

const KEY = 'collections';
/** A collection name as stored (core/shapes/settings.ts). */
export const cleanName = cleanCollectionName;

/** Reads, changes and writes the collections row in one transaction, so two pages cannot lose each other's edits. */
async function change<T>(db: ArchiveDb, edit: (all: Collection[]) => T): Promise<T> {
  return writeArchive(db, async (w) => {
    const all = await read(w.read);
    const out = edit(all);
    await w.putSetting(KEY, all);
    return out;
  });
}

/** The stored collections; rows that are not collections (a hand-edited or damaged backup) are left out. */
async function read(db: Pick<ArchiveReader, 'settings'>): Promise<Collection[]> {
  const value = (await db.settings.get(KEY))?.value;
  if (!Array.isArray(value)) return [];
  return value.flatMap((c): Collection[] => {
    const parsed = v.safeParse(CollectionSchema, c);
    return parsed.success ? [parsed.output] : [];
  });
}

function find(all: Collection[], id: string): Collection {
  const found = all.find((c) => c.id === id);
  if (!found) throw new CollectionError('missing', id);
  return found;
}

function checkName(all: Collection[], name: string, except?: string): string {
  const clean = cleanName(name);
  if (!clean) throw new CollectionError('empty-name', name);
  if (all.some((c) => c.id !== except && tagIdentity(c.name) === tagIdentity(clean))) throw new CollectionError('name-taken', clean);
  return clean;
}

function newCollection(name: string, now = new Date()): Collection {
  return { id: crypto.randomUUID(), name, createdAt: now.toISOString(), ids: [] };
}

/** Every collection, by name (Vietnamese order). */
export async function listCollections(db: ArchiveDb): Promise<Collection[]> {
  return (await read(db)).sort((a, b) => a.name.localeCompare(b.name, 'vi'));
}

export async function getCollection(db: ArchiveDb, id: string): Promise<Collection | null> {
  return (await read(db)).find((c) => c.id === id) ?? null;
}

export function createCollection(db: ArchiveDb, name: string, options: { now?: Date } = {}): Promise<Collection> {
  return change(db, (all) => {
    const collection = newCollection(checkName(all, name), options.now);
    all.push(collection);
    return collection;
  });
}

export function renameCollection(db: ArchiveDb, id: string, name: string): Promise<Collection> {
  return change(db, (all) => {
    const collection = find(all, id);
    collection.name = checkName(all, name, id);
    return { ...collection };
  });
}

/** Deletes the collection, never its articles; returns it for an undo (restoreCollection). */
export function deleteCollection(db: ArchiveDb, id: string): Promise<Collection> {
  return change(db, (all) => {
    const collection = find(all, id);
    all.splice(all.indexOf(collection), 1);
    return collection;
  });
}

export function restoreCollection(db: ArchiveDb, collection: Collection): Promise<void> {
  return change(db, (all) => {
    if (all.some((c) => c.id === collection.id)) return;
    // A collection of the same name made meanwhile keeps its name; the restored one says it came back.
    const taken = all.some((c) => tagIdentity(c.name) === tagIdentity(collection.name));
    all.push({ ...collection, name: taken ? `${collection.name} (2)` : collection.name });
  });
}

/** Adds articles (those already in it stay where they are); returns the collection and how many were new to it. */
export function addToCollection(db: ArchiveDb, id: string, articleIds: readonly string[]): Promise<{ collection: Collection; added: number }> {
  return change(db, (all) => {
    const collection = find(all, id);
    return { collection: { ...collection }, added: addMembers(collection, articleIds) };
  });
}

/**
 * Puts articles into collections by name (any case; made when missing), all in one transaction: an imported export
 * becomes its collections again. Returns how many collections were given articles and how many memberships were new.
 */
export function addToNamedCollections(db: ArchiveDb, members: ReadonlyMap<string, readonly string[]>, options: { now?: Date } = {}): Promise<{ collections: number; added: number }> {
  return change(db, (all) => {
    let added = 0;
    for (const [name, ids] of members) added += addMembers(namedCollection(all, name, options.now), ids);
    return { collections: members.size, added };
  });
}

/** The collection of that name (any case), made if there is none. */
function namedCollection(all: Collection[], name: string, now?: Date): Collection {
  const clean = cleanName(name);
  if (!clean) throw new CollectionError('empty-name', name);
  let collection = all.find((c) => tagIdentity(c.name) === tagIdentity(clean));
  if (!collection) {
    collection = newCollection(clean, now);
    all.push(collection);
  }
  return collection;
}

/** The names of the collections each article is in (Vietnamese order), for exports. */
export async function collectionNamesByArticle(db: ArchiveDb): Promise<Map<string, string[]>> {
  const byArticle = new Map<string, string[]>();
  for (const c of await listCollections(db)) {
    for (const id of new Set(c.ids)) {
      const names = byArticle.get(id);
      if (names) names.push(c.name);
      else byArticle.set(id, [c.name]);
    }
  }
  return byArticle;
}

function addMembers(collection: Collection, articleIds: readonly string[]): number {
  const members = new Set(collection.ids);
  let added = 0;
  for (const articleId of articleIds) {
    if (members.has(articleId)) continue;
    members.add(articleId);
    collection.ids.push(articleId);
    added++;
  }
  return added;
}

/** Takes articles out of the collection (not out of the archive); returns how many were in it. */
export function removeFromCollection(db: ArchiveDb, id: string, articleIds: readonly string[]): Promise<number> {
  return change(db, (all) => {
    const collection = find(all, id);
    const out = new Set(articleIds);
    const before = collection.ids.length;
    collection.ids = collection.ids.filter((a) => !out.has(a));
    return before - collection.ids.length;
  });
}
