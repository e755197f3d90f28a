import type { Deps, RequestMeta } from '../../deps.ts';
import { findFrameworkVersion, replaceDraftDocument } from '../../db/queries/frameworks.ts';
import type { Actor } from '../../domain/access/actor.ts';
import { canManageProgrammes } from '../../domain/access/policies.ts';
import { DomainError } from '../../domain/errors.ts';
import { checkFramework } from '../../domain/framework/check-framework.ts';
import { frameworkSchema } from '../../domain/framework/framework-schema.ts';
import { formatProblem } from '../../domain/framework/read-framework-file.ts';
import { parseMasterListText } from '../../domain/framework/master-list-text.ts';
import { recordAudit } from '../audit/record-audit.ts';

// Use case: the programme owner edits a master list (such as DLA's list of standards) of a draft version. A frozen
// version is what a round was answered against and stays as it was: copy it to a new version first.

export async function editMasterList(
  deps: Pick<Deps, 'db'>,
  actor: Actor,
  input: { versionId: number; listCode: string; text: string },
  meta: RequestMeta,
): Promise<{ ok: true } | { ok: false; problems: string[] }> {
  if (!canManageProgrammes(actor)) throw new DomainError('forbidden', 'forbidden');
  return deps.db.transaction().execute(async (trx) => {
    const row = await findFrameworkVersion(trx, { id: input.versionId });
    if (!row) throw new DomainError('not_found', 'framework_not_found');
    if (row.status === 'frozen') throw new DomainError('conflict', 'framework_frozen');
    const doc = frameworkSchema.parse(row.document);
    const list = doc.lists?.find((l) => l.code === input.listCode);
    if (!list) throw new DomainError('not_found', 'framework_not_found');
    const parsed = parseMasterListText(input.text);
    if (parsed.problems.length) return { ok: false as const, problems: parsed.problems.map((p) => p.message) };
    const before = list.items;
    list.items = parsed.items;
    const previous = row.previousVersionId ? await findFrameworkVersion(trx, { id: row.previousVersionId }) : undefined;
    const problems = checkFramework(doc, previous ? frameworkSchema.parse(previous.document) : undefined);
    if (problems.length) return { ok: false as const, problems: problems.map(formatProblem) };
    await replaceDraftDocument(trx, row.id, { title: row.title, fiscalYear: row.fiscalYear, previousVersionId: row.previousVersionId, document: doc, sourceFileName: row.sourceFileName });
    await recordAudit(trx, meta, { action: 'framework.edit_list', entityType: 'framework_version', entityId: String(row.id), oldValue: { list: input.listCode, items: before }, newValue: { list: input.listCode, items: parsed.items } });
    return { ok: true as const };
  });
}
