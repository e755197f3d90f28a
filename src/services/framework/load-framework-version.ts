import type { Db } from '../../db/pool.ts';
import { findFrameworkVersion, findFrameworkVersionHead, type FrameworkVersionRow } from '../../db/queries/frameworks.ts';
import { DomainError } from '../../domain/errors.ts';
import { frameworkSchema, type FrameworkDocument } from '../../domain/framework/framework-schema.ts';

// A stored version with its document parsed. Parsed documents are kept by id and last change, since a frozen
// version never changes and a draft's updated_at moves with every edit.

export type LoadedFrameworkVersion = FrameworkVersionRow & { doc: FrameworkDocument };

const cache = new Map<string, FrameworkDocument>();

export async function loadFrameworkVersion(db: Db, by: { id: number } | { code: string }): Promise<LoadedFrameworkVersion> {
  // The document (tens of KB of JSON) is read only when this version's last change is not cached yet.
  const head = await findFrameworkVersionHead(db, by);
  if (!head) throw new DomainError('not_found', 'framework_not_found');
  const key = `${head.id}:${head.updatedAt.getTime()}`;
  let doc = cache.get(key);
  if (!doc) {
    const row = await findFrameworkVersion(db, { id: head.id });
    if (!row) throw new DomainError('not_found', 'framework_not_found');
    doc = frameworkSchema.parse(row.document);
    if (cache.size > 50) cache.clear();
    cache.set(key, doc);
  }
  return { ...head, doc };
}
