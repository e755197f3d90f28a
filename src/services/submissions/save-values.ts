import type { Deps, RequestMeta } from '../../deps.ts';
import type { Actor } from '../../domain/access/actor.ts';
import { DomainError } from '../../domain/errors.ts';
import type { Section } from '../../domain/framework/framework-schema.ts';
import { answerKey, checkSection, type Answers } from '../../domain/submission/check-section.ts';
import { formatFieldValue, type StoredValue } from '../../domain/submission/parse-field-value.ts';
import { canEditSubmission } from '../../domain/submission/submission-policy.ts';
import { listAnswerSlots, type AnswerSlot } from './answer-slots.ts';
import { loadSubmissionContext, type SubmissionContext } from './load-submission.ts';
import { changedAnswers, lockedReason, writeAnswers, type CheckedAnswer, type Warning } from './save-section.ts';

// Use case: save any answers of a submission at once, by answer key — the JSON API's PATCH and the XLSX upload.
// All or nothing across sections: every touched section is checked first (with the other sections' new values in
// view, so a rule spanning two sections sees both), then everything is written in one transaction under one check
// of the submission's version (save-section.ts writeAnswers). Keys not given keep their stored value and note.
// Cross-field warnings do not stop the save: they come back with it (the API has no one to confirm them).

export type SaveValuesInput = {
  roundId: number;
  orgUnitCode: string;
  /** Answer key (`field` or `field|item`) → what was typed; null or '' clears the answer. */
  values: Record<string, string | null>;
  /** Answer key → the short explanation a value far from last year's needs. */
  notes?: Record<string, string>;
  /** The submission's version the caller read. */
  baseVersion: number;
  /** Accept only the keys of this form (an upload of one form's template). */
  formCode?: string;
  /** Check everything and say what would change; write nothing. */
  dryRun?: boolean;
  /** The context the caller already loaded for the same actor, round and respondent: not read again. */
  context?: SubmissionContext;
};

export type ValueChange = { key: string; label: string; from: StoredValue; to: StoredValue };
export type SaveValuesResult =
  | { ok: true; dryRun: boolean; version: number; changes: ValueChange[]; warnings: Warning[] }
  | { ok: false; reason: 'invalid'; errors: Record<string, string> }
  | { ok: false; reason: 'conflict'; currentVersion: number; current: Record<string, StoredValue> }
  | { ok: false; reason: 'locked'; message: string };

export const unknownKeyMessage = 'ไม่มีช่องข้อมูลนี้ในแบบของหน่วยงานนี้ ตรวจชื่อช่อง (key) จากรายการช่องข้อมูลของการส่งข้อมูล';

export async function saveValues(deps: Pick<Deps, 'db' | 'clock'>, actor: Actor, input: SaveValuesInput, meta: RequestMeta): Promise<SaveValuesResult> {
  const ctx = input.context ?? (await loadSubmissionContext(deps, actor, { roundId: input.roundId, orgUnitCode: input.orgUnitCode }));
  if (!canEditSubmission(actor, ctx.unit)) throw new DomainError('forbidden', 'forbidden');
  const { doc } = ctx.version;
  const slots = new Map(listAnswerSlots(doc, ctx.audience, { formCode: input.formCode }).map((s) => [s.key, s]));
  const unknown = [...Object.keys(input.values), ...Object.keys(input.notes ?? {})].filter((k) => !slots.has(k));
  if (unknown.length) return { ok: false, reason: 'invalid', errors: Object.fromEntries(unknown.map((k) => [k, unknownKeyMessage])) };
  const locked = lockedReason(ctx);
  if (locked) return locked;

  // The touched sections, each as a whole form post: given keys as sent, the rest as stored (so they do not change).
  const touched = new Set([...Object.keys(input.values), ...Object.keys(input.notes ?? {})].map((k) => slots.get(k)!.section));
  const storedNote = new Map(ctx.rows.map((r) => [answerKey(r.fieldKey, r.itemCode), r.note]));
  const byName = new Map([...slots.values()].map((s) => [s.name, s]));
  const raws = new Map<Section, Record<string, string | undefined>>();
  for (const slot of slots.values()) {
    if (!touched.has(slot.section)) continue;
    const raw = raws.get(slot.section) ?? {};
    raws.set(slot.section, raw);
    raw[slot.name] = slot.key in input.values ? (input.values[slot.key] ?? '') : formatFieldValue(slot.field, ctx.answers.get(slot.key));
    const note = input.notes?.[slot.key] ?? storedNote.get(slot.key);
    if (note) raw[`${slot.name}__note`] = note;
  }

  const check = (stored: Answers) => [...raws].map(([section, raw]) => ({
    section,
    result: checkSection({ doc, audience: ctx.audience, section, raw, stored, lastYear: ctx.lastYear?.answers ?? new Map(), complete: false }),
  }));
  // First pass: the new values; second pass: every section's rules with all of them in view.
  const merged: Answers = new Map(ctx.answers);
  for (const { result } of check(ctx.answers)) for (const v of result.values) merged.set(answerKey(v.fieldKey, v.itemCode), v.value);
  const checked = check(merged);

  const errors: Record<string, string> = {};
  for (const { result } of checked) for (const [name, message] of Object.entries(result.errors)) errors[byName.get(name)?.key ?? name] = message;
  if (Object.keys(errors).length) return { ok: false, reason: 'invalid', errors };
  const warnings = [...new Map(checked.flatMap(({ result }) => result.warnings).map((w) => [w.code, w])).values()];
  const answers: CheckedAnswer[] = checked.flatMap(({ section, result }) => result.values.map((v) => ({ ...v, sectionCode: section.code })));

  if (input.dryRun) {
    const changes = describe(changedAnswers(answers, new Map(ctx.rows.map((r) => [answerKey(r.fieldKey, r.itemCode), r]))), slots, ctx.answers);
    return { ok: true, dryRun: true, version: ctx.submission?.version ?? 0, changes, warnings };
  }
  const written = await writeAnswers(deps, actor, ctx, answers, { baseVersion: input.baseVersion }, meta);
  if (written.ok) {
    const changes = describe(changedAnswers(answers, new Map(ctx.rows.map((r) => [answerKey(r.fieldKey, r.itemCode), r]))), slots, ctx.answers);
    return { ok: true, dryRun: false, version: written.version, changes, warnings };
  }
  if (written.reason === 'invalid') return { ok: false, reason: 'invalid', errors: Object.fromEntries(Object.entries(written.errors).map(([name, m]) => [byName.get(name)?.key ?? name, m])) };
  if (written.reason === 'conflict') return { ok: false, reason: 'conflict', currentVersion: written.currentVersion, current: written.current };
  return written;
}

function describe(changed: CheckedAnswer[], slots: Map<string, AnswerSlot>, stored: Answers): ValueChange[] {
  return changed.map((v) => {
    const key = answerKey(v.fieldKey, v.itemCode);
    return { key, label: slots.get(key)?.label ?? key, from: stored.get(key) ?? null, to: v.value };
  });
}
