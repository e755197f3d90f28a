import type { Deps, RequestMeta } from '../../deps.ts';
import { findFrameworkVersion, findProgrammeByCode, insertFrameworkVersion, lockFrameworkVersion, replaceDraftDocument, upsertProgramme } from '../../db/queries/frameworks.ts';
import type { Actor } from '../../domain/access/actor.ts';
import { canManageProgrammes } from '../../domain/access/policies.ts';
import { DomainError } from '../../domain/errors.ts';
import type { FrameworkProblem } from '../../domain/framework/check-framework.ts';
import { frameworkSchema, type FrameworkDocument } from '../../domain/framework/framework-schema.ts';
import { readFrameworkFile } from '../../domain/framework/read-framework-file.ts';
import { recordAudit } from '../audit/record-audit.ts';

// Use case: import a framework file as a draft version (or replace a draft of the same code). Every problem is
// reported at once; a file with any problem changes nothing. A frozen version (one a round uses) is never replaced:
// the owner makes a new version instead. `version.previous` must already be in the system.

export type ImportFrameworkResult =
  | { ok: true; versionId: number; code: string; replaced: boolean; dryRun: boolean; doc: FrameworkDocument }
  | { ok: false; problems: FrameworkProblem[] };

export async function importFramework(
  deps: Pick<Deps, 'db'>,
  actor: Actor | null,
  input: { bytes: Uint8Array; fileName: string; dryRun?: boolean },
  meta: RequestMeta,
): Promise<ImportFrameworkResult> {
  if (actor && !canManageProgrammes(actor)) throw new DomainError('forbidden', 'forbidden');
  const read = await readFrameworkFile(input.bytes, async (code) => {
    const row = await findFrameworkVersion(deps.db, { code });
    return row ? frameworkSchema.parse(row.document) : null;
  });
  if (!read.ok) return { ok: false, problems: read.problems };
  const doc = read.doc;

  const existingProgramme = await findProgrammeByCode(deps.db, doc.programme.code);
  if (existingProgramme && (existingProgramme.respondents !== doc.programme.respondents || existingProgramme.owner !== doc.programme.owner)) {
    return { ok: false, problems: [{ path: ['programme'], message: `โครงการ "${doc.programme.code}" มีอยู่แล้วโดยผู้ตอบหรือเจ้าของต่างจากไฟล์นี้ (ตรวจรหัสโครงการ)` }] };
  }
  const existing = await findFrameworkVersion(deps.db, { code: doc.version.code });
  if (existing?.status === 'frozen') {
    return { ok: false, problems: [{ path: ['version', 'code'], message: `กรอบรุ่น "${doc.version.code}" ถูกใช้ในรอบการประเมินแล้ว แก้ไขไม่ได้ — ตั้งรหัสรุ่นใหม่` }] };
  }
  if (input.dryRun) return { ok: true, versionId: existing?.id ?? 0, code: doc.version.code, replaced: Boolean(existing), dryRun: true, doc };

  return deps.db.transaction().execute(async (trx) => {
    const programmeId = await upsertProgramme(trx, { code: doc.programme.code, title: doc.programme.title, owner: doc.programme.owner, respondents: doc.programme.respondents, frequency: doc.programme.frequency, scored: doc.programme.scored });
    const previous = doc.version.previous ? await findFrameworkVersion(trx, { code: doc.version.previous }) : undefined;
    const locked = await lockFrameworkVersion(trx, doc.version.code);
    if (locked?.status === 'frozen') throw new DomainError('conflict', 'framework_frozen');
    const values = { title: doc.version.title, fiscalYear: doc.version.fiscalYear, previousVersionId: previous?.id ?? null, document: doc, sourceFileName: input.fileName };
    let versionId: number;
    if (locked) {
      await replaceDraftDocument(trx, locked.id, values);
      versionId = locked.id;
    } else {
      versionId = await insertFrameworkVersion(trx, { ...values, programmeId, code: doc.version.code, createdBy: actor?.userId ?? null });
    }
    await recordAudit(trx, meta, { action: locked ? 'framework.replace_draft' : 'framework.import', entityType: 'framework_version', entityId: String(versionId), newValue: { code: doc.version.code, file: input.fileName } });
    return { ok: true as const, versionId, code: doc.version.code, replaced: Boolean(locked), dryRun: false, doc };
  });
}
