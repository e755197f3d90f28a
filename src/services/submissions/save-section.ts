import type { Deps, RequestMeta } from '../../deps.ts';
import { bumpSubmission, findOrCreateSubmission, listValues, upsertPart, upsertValue } from '../../db/queries/submissions.ts';
import type { Actor } from '../../domain/access/actor.ts';
import { DomainError } from '../../domain/errors.ts';
import { answerKey, checkSection, inputName, type Answers } from '../../domain/submission/check-section.ts';
import type { StoredValue } from '../../domain/submission/parse-field-value.ts';
import { canEditSubmission } from '../../domain/submission/submission-policy.ts';
import { isEditableState } from '../../domain/submission/submission-state.ts';
import { isDeepStrictEqual } from 'node:util';
import { recordAudit } from '../audit/record-audit.ts';
import { loadSubmissionContext, reopenedFields } from './load-submission.ts';

// Use case: save one section of a respondent's answers (the web form, autosave, the API and XLSX upload all end here).
// - Every field parses and every rule holds, or nothing is written and each problem comes back at its field.
// - No lost update: the caller says which version it started from — per answer (the form) or for the whole
//   submission (the API). If someone saved since, nothing is written and the conflict comes back with both values.
// - Each changed answer is written with its version raised and one audit row (old → new), in one transaction that
//   holds the submission's row lock, so concurrent saves are taken one at a time.

export type SaveSectionInput = {
  roundId: number;
  orgUnitCode: string;
  sectionCode: string;
  raw: Record<string, string | undefined>;
  complete: boolean;
  confirmedWarnings?: boolean;
  /** Per answer (input name → version seen); absent answers count as version 0 (not yet saved). */
  answerVersions?: Record<string, number>;
  /** The submission's version the caller read (the API). */
  baseVersion?: number;
};

export type Conflict = { name: string; label: string; mine: StoredValue; theirs: StoredValue; version: number };
export type SaveSectionResult =
  | { ok: true; version: number; changed: number; warnings: { code: string; message: string }[]; answerVersions: Record<string, number> }
  | { ok: false; reason: 'invalid'; errors: Record<string, string>; warnings: { code: string; message: string }[] }
  | { ok: false; reason: 'warnings'; warnings: { code: string; message: string }[] }
  | { ok: false; reason: 'conflict'; conflicts: Conflict[]; currentVersion: number; current: Record<string, StoredValue> }
  | { ok: false; reason: 'locked'; message: string };

export async function saveSection(deps: Pick<Deps, 'db' | 'clock'>, actor: Actor, input: SaveSectionInput, meta: RequestMeta): Promise<SaveSectionResult> {
  const ctx = await loadSubmissionContext(deps, actor, { roundId: input.roundId, orgUnitCode: input.orgUnitCode });
  if (!canEditSubmission(actor, ctx.unit)) throw new DomainError('forbidden', 'forbidden');
  const section = ctx.version.doc.forms.flatMap((f) => f.sections).find((s) => s.code === input.sectionCode);
  if (!section) throw new DomainError('not_found', 'section_not_found');
  if (!ctx.entry.allowed) return { ok: false, reason: 'locked', message: ctx.entry.message };
  if (!isEditableState(ctx.state)) return { ok: false, reason: 'locked', message: 'ส่งข้อมูลแล้ว แก้ไขไม่ได้จนกว่าจะถูกส่งกลับให้แก้ไข' };

  const checked = checkSection({ doc: ctx.version.doc, audience: ctx.audience, section, raw: input.raw, stored: ctx.answers, lastYear: ctx.lastYear?.answers ?? new Map(), complete: input.complete, confirmedWarnings: input.confirmedWarnings });
  if (Object.keys(checked.errors).length) return { ok: false, reason: 'invalid', errors: checked.errors, warnings: checked.warnings };
  if (checked.warnings.length) return { ok: false, reason: 'warnings', warnings: checked.warnings };

  const reopened = reopenedFields(ctx);
  const labels = new Map(section.fields.map((f) => [f.key, typeof f.label === 'string' ? f.label : f.label.default]));
  const now = deps.clock.now();
  return deps.db.transaction().execute(async (trx): Promise<SaveSectionResult> => {
    const submission = await findOrCreateSubmission(trx, ctx.round.id, ctx.unit.id, now);
    if (!isEditableState(submission.state)) return { ok: false, reason: 'locked', message: 'ส่งข้อมูลแล้ว แก้ไขไม่ได้จนกว่าจะถูกส่งกลับให้แก้ไข' };
    const current = new Map((await listValues(trx, submission.id)).map((r) => [answerKey(r.fieldKey, r.itemCode), r]));
    const changed = checked.values.filter((v) => {
      const was = current.get(answerKey(v.fieldKey, v.itemCode));
      return !isDeepStrictEqual(was?.value ?? null, v.value) || (was?.note ?? null) !== v.note;
    });
    const locked = reopened ? changed.filter((v) => !reopened.has(answerKey(v.fieldKey, v.itemCode))) : [];
    if (locked.length) return { ok: false, reason: 'invalid', warnings: [], errors: Object.fromEntries(locked.map((v) => [inputName(v.fieldKey, v.itemCode), 'ช่องนี้ไม่ได้ถูกส่งกลับให้แก้ไข จึงเปลี่ยนไม่ได้'])) };

    const stale = input.baseVersion !== undefined
      ? (input.baseVersion !== submission.version ? changed : [])
      : changed.filter((v) => (current.get(answerKey(v.fieldKey, v.itemCode))?.version ?? 0) !== (input.answerVersions?.[inputName(v.fieldKey, v.itemCode)] ?? 0));
    if (stale.length) {
      const currentValues: Record<string, StoredValue> = {};
      for (const [key, row] of current) currentValues[key] = row.value as StoredValue;
      return {
        ok: false, reason: 'conflict', currentVersion: submission.version, current: currentValues,
        conflicts: stale.map((v) => {
          const theirs = current.get(answerKey(v.fieldKey, v.itemCode));
          return { name: inputName(v.fieldKey, v.itemCode), label: labels.get(v.fieldKey) ?? v.fieldKey, mine: v.value, theirs: (theirs?.value ?? null) as StoredValue, version: theirs?.version ?? 0 };
        }),
      };
    }

    const answerVersions: Record<string, number> = {};
    for (const [key, row] of current) answerVersions[inputName(...(key.split('|') as [string, string?]))] = row.version;
    for (const v of changed) {
      const was = current.get(answerKey(v.fieldKey, v.itemCode));
      answerVersions[inputName(v.fieldKey, v.itemCode)] = await upsertValue(trx, submission.id, { ...v, userId: actor.userId, at: now });
      await recordAudit(trx, meta, {
        action: 'submission.value', entityType: 'submission', entityId: String(submission.id),
        oldValue: { field: v.fieldKey, item: v.itemCode || undefined, value: was?.value ?? null, note: was?.note ?? null },
        newValue: { field: v.fieldKey, item: v.itemCode || undefined, value: v.value, note: v.note },
      });
    }
    const partCode = ctx.version.doc.forms.find((f) => f.sections.includes(section))!.code;
    let version = submission.version;
    if (changed.length) {
      version = await bumpSubmission(trx, submission.id, { at: now, state: submission.state === 'awaiting_approval' ? 'in_progress' : undefined });
      await upsertPart(trx, submission.id, partCode, { state: submission.state === 'returned' ? 'returned' : 'in_progress', at: now });
    }
    return { ok: true, version, changed: changed.length, warnings: [], answerVersions };
  });
}

export type { Answers };
