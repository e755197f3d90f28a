import type { Deps, RequestMeta } from '../../deps.ts';
import { bumpSubmission, findOrCreateSubmission, listValues, upsertPart, upsertValues, type StoredValueRow } from '../../db/queries/submissions.ts';
import type { Actor } from '../../domain/access/actor.ts';
import { DomainError } from '../../domain/errors.ts';
import { answerKey, checkSection, inputName, type Answers, type SectionCheck } from '../../domain/submission/check-section.ts';
import type { StoredValue } from '../../domain/submission/parse-field-value.ts';
import { canEditSubmission } from '../../domain/submission/submission-policy.ts';
import { divisionPartCode, divisionScope, inScope } from '../../domain/outstanding/division-scope.ts';
import { isEditableState } from '../../domain/submission/submission-state.ts';
import { isDeepStrictEqual } from 'node:util';
import { recordAudits } from '../audit/record-audit.ts';
import { refreshResults } from '../results/refresh-results.ts';
import { loadSubmissionContext, reopenedFields, type SubmissionContext } from './load-submission.ts';

// Use case: save one section of a respondent's answers (the web form and autosave). The API and XLSX upload save
// several sections at once through save-values.ts, which shares the pieces below: the lock check and the write.
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
  /** The context this request already loaded for the same actor, round and respondent (a page handler has one):
   * not read a second time. Versions are still compared under the row lock. */
  context?: SubmissionContext;
};

export type Warning = { code: string; message: string };
export type Conflict = { name: string; label: string; mine: StoredValue; theirs: StoredValue; version: number };
export type Locked = { ok: false; reason: 'locked'; message: string };
export type WriteResult =
  | { ok: true; version: number; changed: number; warnings: Warning[]; answerVersions: Record<string, number> }
  | { ok: false; reason: 'invalid'; errors: Record<string, string>; warnings: Warning[] }
  | { ok: false; reason: 'conflict'; conflicts: Conflict[]; currentVersion: number; current: Record<string, StoredValue> }
  | Locked;
export type SaveSectionResult = WriteResult | { ok: false; reason: 'warnings'; warnings: Warning[] };

/** A checked answer and the section it belongs to (which says which part — form — it touches). */
export type CheckedAnswer = SectionCheck['values'][number] & { sectionCode: string };

const sentMessage = 'ส่งข้อมูลแล้ว แก้ไขไม่ได้จนกว่าจะถูกส่งกลับให้แก้ไข';

/** Whether the respondent's data is closed to changes now: the entry window has shut, or it has been sent. */
export function lockedReason(ctx: Pick<SubmissionContext, 'entry' | 'state'>): Locked | null {
  if (!ctx.entry.allowed) return { ok: false, reason: 'locked', message: ctx.entry.message };
  if (!isEditableState(ctx.state)) return { ok: false, reason: 'locked', message: sentMessage };
  return null;
}

/** The answers whose value or note differ from what is stored. */
export function changedAnswers<T extends SectionCheck['values'][number]>(answers: T[], current: Map<string, Pick<StoredValueRow, 'value' | 'note'>>): T[] {
  return answers.filter((v) => {
    const was = current.get(answerKey(v.fieldKey, v.itemCode));
    return !isDeepStrictEqual(was?.value ?? null, v.value) || (was?.note ?? null) !== v.note;
  });
}

export async function saveSection(deps: Pick<Deps, 'db' | 'clock'>, actor: Actor, input: SaveSectionInput, meta: RequestMeta): Promise<SaveSectionResult> {
  const ctx = input.context ?? (await loadSubmissionContext(deps, actor, { roundId: input.roundId, orgUnitCode: input.orgUnitCode }));
  if (!canEditSubmission(actor, ctx.unit)) throw new DomainError('forbidden', 'forbidden');
  const section = ctx.version.doc.forms.flatMap((f) => f.sections).find((s) => s.code === input.sectionCode);
  if (!section) throw new DomainError('not_found', 'section_not_found');
  const locked = lockedReason(ctx);
  if (locked) return locked;

  const scope = divisionScope(actor, ctx.unit, ctx.version.doc);
  const checked = checkSection({ doc: ctx.version.doc, audience: ctx.audience, section, raw: input.raw, stored: ctx.answers, lastYear: ctx.lastYear?.answers ?? new Map(), complete: input.complete, confirmedWarnings: input.confirmedWarnings, requiredOnly: scope?.fields ?? null });
  if (Object.keys(checked.errors).length) return { ok: false, reason: 'invalid', errors: checked.errors, warnings: checked.warnings };
  if (checked.warnings.length) return { ok: false, reason: 'warnings', warnings: checked.warnings };
  return writeAnswers(deps, actor, ctx, checked.values.map((v) => ({ ...v, sectionCode: section.code })), { baseVersion: input.baseVersion, answerVersions: input.answerVersions }, meta);
}

/**
 * Writes checked answers (of one section or several) in one transaction under the submission's row lock: the
 * version check, each changed answer with its audit row, the submission's version raised once, the touched parts.
 */
export async function writeAnswers(
  deps: Pick<Deps, 'db' | 'clock'>,
  actor: Actor,
  ctx: SubmissionContext,
  answers: CheckedAnswer[],
  expect: { baseVersion?: number | undefined; answerVersions?: Record<string, number> | undefined },
  meta: RequestMeta,
): Promise<WriteResult> {
  const { doc } = ctx.version;
  const reopened = reopenedFields(ctx);
  const labels = new Map(doc.forms.flatMap((f) => f.sections.flatMap((s) => s.fields)).map((f) => [f.key, typeof f.label === 'string' ? f.label : f.label.default]));
  const partOf = new Map(doc.forms.flatMap((f) => f.sections.map((s) => [s.code, f.code] as const)));
  const now = deps.clock.now();
  return deps.db.transaction().execute(async (trx): Promise<WriteResult> => {
    const submission = await findOrCreateSubmission(trx, ctx.round.id, ctx.unit.id, now);
    if (!isEditableState(submission.state)) return { ok: false, reason: 'locked', message: sentMessage };
    const current = new Map((await listValues(trx, submission.id)).map((r) => [answerKey(r.fieldKey, r.itemCode), r]));
    const changed = changedAnswers(answers, current);
    const locked = reopened ? changed.filter((v) => !reopened.has(answerKey(v.fieldKey, v.itemCode))) : [];
    if (locked.length) return { ok: false, reason: 'invalid', warnings: [], errors: Object.fromEntries(locked.map((v) => [inputName(v.fieldKey, v.itemCode), 'ช่องนี้ไม่ได้ถูกส่งกลับให้แก้ไข จึงเปลี่ยนไม่ได้'])) };
    // A division's officer changes only what its indicators read; whatever path the answers came by.
    const scope = divisionScope(actor, ctx.unit, doc);
    const others = changed.filter((v) => !inScope(scope, v.fieldKey));
    if (others.length) return { ok: false, reason: 'invalid', warnings: [], errors: Object.fromEntries(others.map((v) => [inputName(v.fieldKey, v.itemCode), 'ช่องนี้เป็นของกลุ่มงานอื่น กลุ่มงานของท่านเปลี่ยนไม่ได้'])) };

    const stale = expect.baseVersion !== undefined
      ? (expect.baseVersion !== submission.version ? changed : [])
      : changed.filter((v) => (current.get(answerKey(v.fieldKey, v.itemCode))?.version ?? 0) !== (expect.answerVersions?.[inputName(v.fieldKey, v.itemCode)] ?? 0));
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
    const written = await upsertValues(trx, submission.id, changed, actor.userId, now);
    for (const v of changed) answerVersions[inputName(v.fieldKey, v.itemCode)] = written.get(`${v.fieldKey}|${v.itemCode}`)!;
    await recordAudits(trx, meta, changed.map((v) => {
      const was = current.get(answerKey(v.fieldKey, v.itemCode));
      return {
        action: 'submission.value', entityType: 'submission', entityId: String(submission.id),
        oldValue: { field: v.fieldKey, item: v.itemCode || undefined, value: was?.value ?? null, note: was?.note ?? null },
        newValue: { field: v.fieldKey, item: v.itemCode || undefined, value: v.value, note: v.note },
      };
    }));
    let version = submission.version;
    if (changed.length) {
      const merged: Answers = new Map([...current].map(([k, row]) => [k, row.value as StoredValue]));
      for (const v of changed) merged.set(answerKey(v.fieldKey, v.itemCode), v.value);
      await refreshResults(trx, [{ submissionId: submission.id, frameworkVersionId: ctx.version.id, doc, audience: ctx.audience, answers: merged }], now);
      version = await bumpSubmission(trx, submission.id, { at: now, state: submission.state === 'awaiting_approval' ? 'in_progress' : undefined });
      for (const partCode of new Set(changed.map((v) => partOf.get(v.sectionCode)!))) {
        await upsertPart(trx, submission.id, partCode, { state: submission.state === 'returned' ? 'returned' : 'in_progress', at: now });
      }
      // A division that changes its answers after saying it was done is no longer done.
      for (const key of scope?.divisions ?? []) await upsertPart(trx, submission.id, divisionPartCode(key), { state: 'in_progress', at: now });
    }
    return { ok: true, version, changed: changed.length, warnings: [], answerVersions };
  });
}

export type { Answers };
