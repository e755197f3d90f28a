import type { Db } from '../../db/pool.ts';

// Pictures (and last year's counts) kept in this process's memory, each with the version of the data it was
// counted from: a published
// round's publication instant (it never changes again), or for a live round a fingerprint of its sent submissions
// read on every request (see sentVersion) — so a live picture is recounted the moment anything changes and
// reused while nothing has. Memory rather than a table: nothing needs invalidating, several app processes each
// keep their own, a restart starts empty. Kept per database (tests run several apps in one process), at most
// `limit` pictures, the least recently used dropped first; concurrent first requests share one computation.

const limit = 200;
type Entry = { version: string; value: Promise<unknown> };
const byDb = new WeakMap<Db, Map<string, Entry>>();

export async function cachedByVersion<T>(db: Db, key: string, version: string, compute: () => Promise<T>): Promise<T> {
  let cache = byDb.get(db);
  if (!cache) byDb.set(db, (cache = new Map()));
  const hit = cache.get(key);
  cache.delete(key);
  if (hit && hit.version === version) {
    cache.set(key, hit);
    return hit.value as Promise<T>;
  }
  const entry: Entry = { version, value: compute() };
  cache.set(key, entry);
  entry.value.catch(() => {
    if (cache.get(key) === entry) cache.delete(key);
  });
  if (cache.size > limit) cache.delete(cache.keys().next().value!);
  return entry.value as Promise<T>;
}

/** How many pictures are kept for this database (for tests). */
export function cachedPictureCount(db: Db): number {
  return byDb.get(db)?.size ?? 0;
}
