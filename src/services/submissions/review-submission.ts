import type { Deps, RequestMeta } from '../../deps.ts';
import { bumpSubmission, findSubmission, insertReviewComment, listReviewComments, upsertPart } from '../../db/queries/submissions.ts';
import { notifyRespondents } from '../../db/queries/rounds.ts';
import type { Actor } from '../../domain/access/actor.ts';
import { DomainError } from '../../domain/errors.ts';
import { canReviewSubmission } from '../../domain/submission/submission-policy.ts';
import { canReviewFrom } from '../../domain/submission/submission-state.ts';
import { recordAudit } from '../audit/record-audit.ts';
import { loadSubmissionContext } from './load-submission.ts';

// Use cases of the office above: comment on fields (optionally asking for a correction), return the submission
// with a reason (only the fields asked about reopen), or accept it. The respondent's people are told.

export async function addReviewComment(
  deps: Pick<Deps, 'db' | 'clock'>,
  actor: Actor,
  input: { roundId: number; orgUnitCode: string; fieldKey: string | null; itemCode?: string; sectionCode?: string | null; body: string; returnsField: boolean },
  meta: RequestMeta,
): Promise<{ id: number }> {
  const ctx = await loadSubmissionContext(deps, actor, input);
  if (!canReviewSubmission(actor, ctx.unit)) throw new DomainError('forbidden', 'forbidden');
  if (!ctx.submission || !canReviewFrom(ctx.state)) throw new DomainError('conflict', 'submission_not_submitted');
  const known = ctx.version.doc.forms.flatMap((f) => f.sections.flatMap((s) => s.fields.map((fl) => fl.key)));
  if (input.fieldKey && !known.includes(input.fieldKey)) throw new DomainError('invalid', 'review_field_unknown', { field: 'fieldKey' });
  return deps.db.transaction().execute(async (trx) => {
    const id = await insertReviewComment(trx, { submissionId: ctx.submission!.id, fieldKey: input.fieldKey, itemCode: input.itemCode ?? '', sectionCode: input.sectionCode ?? null, body: input.body, returnsField: input.returnsField, authorId: actor.userId, at: deps.clock.now() });
    await recordAudit(trx, meta, { action: 'submission.comment', entityType: 'submission', entityId: String(ctx.submission!.id), newValue: { id, field: input.fieldKey, body: input.body, returnsField: input.returnsField } });
    return { id };
  });
}

export async function decideSubmission(
  deps: Pick<Deps, 'db' | 'clock'>,
  actor: Actor,
  input: { roundId: number; orgUnitCode: string; decision: 'accepted' | 'returned'; reason: string | null },
  meta: RequestMeta,
): Promise<void> {
  const ctx = await loadSubmissionContext(deps, actor, input);
  if (!canReviewSubmission(actor, ctx.unit)) throw new DomainError('forbidden', 'forbidden');
  const now = deps.clock.now();
  await deps.db.transaction().execute(async (trx) => {
    const submission = await findSubmission(trx, ctx.round.id, ctx.unit.id, { forUpdate: true });
    if (!submission || !canReviewFrom(submission.state)) throw new DomainError('conflict', 'submission_not_submitted');
    if (input.decision === 'returned') {
      const open = (await listReviewComments(trx, submission.id)).filter((c) => c.returnsField && !c.resolvedAt && c.fieldKey);
      if (!open.length) throw new DomainError('invalid', 'return_needs_fields', { field: 'reason' });
      const forms = ctx.version.doc.forms.filter((f) => f.sections.some((s) => s.fields.some((fl) => open.some((c) => c.fieldKey === fl.key))));
      for (const form of forms) await upsertPart(trx, submission.id, form.code, { state: 'returned', at: now });
    }
    await bumpSubmission(trx, submission.id, { state: input.decision, at: now });
    await recordAudit(trx, meta, { action: `submission.${input.decision === 'accepted' ? 'accept' : 'return'}`, entityType: 'submission', entityId: String(submission.id), oldValue: { state: submission.state }, newValue: { state: input.decision, reason: input.reason } });
    await notifyRespondents(trx, {
      roundId: ctx.round.id, scope: 'respondent', orgUnitId: ctx.unit.id, provinceCode: ctx.unit.provinceCode, alsoUserId: null,
      kind: `submission_${input.decision}`,
      title: input.decision === 'accepted' ? `รับรองข้อมูลแล้ว: ${ctx.round.title}` : `ส่งกลับให้แก้ไข: ${ctx.round.title}`,
      body: input.decision === 'accepted' ? 'ผู้ตรวจรับรองข้อมูลที่ส่งแล้ว' : `เหตุผล: ${input.reason ?? ''} — แก้ไขเฉพาะช่องที่ระบุ แล้วส่งอีกครั้ง`,
      link: `/rounds/${ctx.round.id}/submissions/${encodeURIComponent(ctx.unit.code)}`,
    });
  });
}
