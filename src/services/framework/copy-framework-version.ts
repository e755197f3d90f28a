import type { Deps, RequestMeta } from '../../deps.ts';
import { findFrameworkVersion, findLatestVersion, insertFrameworkVersion } from '../../db/queries/frameworks.ts';
import type { Actor } from '../../domain/access/actor.ts';
import { canManageProgrammes } from '../../domain/access/policies.ts';
import { DomainError } from '../../domain/errors.ts';
import { frameworkSchema, listIndicators, type FrameworkDocument } from '../../domain/framework/framework-schema.ts';
import { recordAudit } from '../audit/record-audit.ts';

// Use case: a new version starts as a copy of the programme's latest one, as a draft, with every indicator mapped
// to itself in the version it came from (so years compare until the owner changes them).

export function copyDocument(source: FrameworkDocument, next: { code: string; title: string; fiscalYear: number }): FrameworkDocument {
  const doc = structuredClone(source);
  doc.version = { ...doc.version, code: next.code, title: next.title, fiscalYear: next.fiscalYear, previous: source.version.code };
  if (doc.version.dataFiscalYear !== undefined) doc.version.dataFiscalYear = next.fiscalYear - 1;
  for (const { indicator } of listIndicators(doc)) indicator.previous = indicator.code;
  return doc;
}

export async function copyFrameworkVersion(
  deps: Pick<Deps, 'db'>,
  actor: Actor,
  input: { programmeId: number; code: string; title: string; fiscalYear: number },
  meta: RequestMeta,
): Promise<{ versionId: number }> {
  if (!canManageProgrammes(actor)) throw new DomainError('forbidden', 'forbidden');
  const latest = await findLatestVersion(deps.db, input.programmeId);
  if (!latest) throw new DomainError('not_found', 'framework_not_found');
  if (await findFrameworkVersion(deps.db, { code: input.code })) throw new DomainError('invalid', 'framework_code_taken', { field: 'code' });
  const doc = copyDocument(frameworkSchema.parse(latest.document), input);
  return deps.db.transaction().execute(async (trx) => {
    const versionId = await insertFrameworkVersion(trx, {
      programmeId: input.programmeId, code: input.code, title: input.title, fiscalYear: input.fiscalYear, previousVersionId: latest.id, document: doc, sourceFileName: null, createdBy: actor.userId,
    });
    await recordAudit(trx, meta, { action: 'framework.copy', entityType: 'framework_version', entityId: String(versionId), oldValue: { from: latest.code }, newValue: { code: input.code } });
    return { versionId };
  });
}
