import type { Deps, RequestMeta } from '../../deps.ts';
import { bumpSubmission, findOrCreateSubmission, listParts, upsertPart } from '../../db/queries/submissions.ts';
import { visibleFields } from '../../domain/framework/framework-view.ts';
import type { Actor } from '../../domain/access/actor.ts';
import { DomainError } from '../../domain/errors.ts';
import { canEditSubmission, canSubmitSubmission, isRespondentMember } from '../../domain/submission/submission-policy.ts';
import { isEditableState } from '../../domain/submission/submission-state.ts';
import { recordAudit } from '../audit/record-audit.ts';
import { findGaps } from './check-completeness.ts';
import { loadSubmissionContext } from './load-submission.ts';
import { loadActor } from '../access/load-actor.ts';
import { divisionKeyOfPart, divisionScope, divisionWork } from '../../domain/outstanding/division-scope.ts';

// Use cases inside the respondent: the executive assigns a form (area) to an officer; the officer marks it ready
// when every required answer of it is in. In a provincial office, a division (part `division:<KEY>`) says it is done
// when its indicators are answered and their evidence attached (domain/outstanding/division-scope.ts).

export async function assignPart(deps: Pick<Deps, 'db' | 'clock'>, actor: Actor, input: { roundId: number; orgUnitCode: string; partCode: string; userId: string | null }, meta: RequestMeta): Promise<void> {
  const ctx = await loadSubmissionContext(deps, actor, input);
  if (!canSubmitSubmission(actor, ctx.unit) || divisionScope(actor, ctx.unit, ctx.version.doc)) throw new DomainError('forbidden', 'forbidden');
  if (!ctx.version.doc.forms.some((f) => f.code === input.partCode)) throw new DomainError('not_found', 'part_not_found');
  if (input.userId) {
    const assignee = await loadActor(deps.db, input.userId);
    if (!assignee || !isRespondentMember(assignee, ctx.unit)) throw new DomainError('invalid', 'assignee_not_member', { field: 'userId' });
  }
  await deps.db.transaction().execute(async (trx) => {
    const submission = await findOrCreateSubmission(trx, ctx.round.id, ctx.unit.id, deps.clock.now());
    await upsertPart(trx, submission.id, input.partCode, { assignedUserId: input.userId, at: deps.clock.now() });
    await recordAudit(trx, meta, { action: 'submission.assign', entityType: 'submission', entityId: String(submission.id), newValue: { part: input.partCode, userId: input.userId } });
  });
}

export async function markPartReady(deps: Pick<Deps, 'db' | 'clock'>, actor: Actor, input: { roundId: number; orgUnitCode: string; partCode: string }, meta: RequestMeta): Promise<{ ok: true } | { ok: false; messages: string[] }> {
  const ctx = await loadSubmissionContext(deps, actor, input);
  if (!canEditSubmission(actor, ctx.unit)) throw new DomainError('forbidden', 'forbidden');
  if (!isEditableState(ctx.state)) throw new DomainError('conflict', 'submission_state');
  const scope = divisionScope(actor, ctx.unit, ctx.version.doc);
  const division = divisionKeyOfPart(input.partCode);
  const work = division ? divisionWork(ctx.version.doc).find((w) => w.key === division) : undefined;
  if (division && !work) throw new DomainError('not_found', 'part_not_found');
  // A division says only that it is done; the office staff may say so for a division with no one in the system.
  if (scope && (!division || !scope.divisions.includes(division))) throw new DomainError('forbidden', 'forbidden');
  const all = await findGaps(deps.db, ctx);
  const gaps = work
    ? all.filter((g) => (g.kind === 'missing_value' && work.fields.includes(g.name.split('__')[0]!)) || (g.kind === 'missing_evidence' && work.indicators.some((i) => g.name === `evidence-${i.code}`)))
    : all.filter((g) => g.formCode === input.partCode && g.kind === 'missing_value');
  if (gaps.length) return { ok: false, messages: gaps.map((g) => g.message) };
  await deps.db.transaction().execute(async (trx) => {
    const submission = await findOrCreateSubmission(trx, ctx.round.id, ctx.unit.id, deps.clock.now());
    await upsertPart(trx, submission.id, input.partCode, { state: 'ready', at: deps.clock.now() });
    // Every form of this respondent ready: it waits for the executive to send it.
    const forms = new Set(visibleFields(ctx.version.doc, ctx.audience).map((f) => f.form.code));
    const ready = new Set((await listParts(trx, submission.id)).filter((p) => p.state === 'ready').map((p) => p.partCode));
    if (!division && submission.state === 'in_progress' && [...forms].every((f) => ready.has(f))) await bumpSubmission(trx, submission.id, { state: 'awaiting_approval', at: deps.clock.now() });
    await recordAudit(trx, meta, { action: 'submission.part_ready', entityType: 'submission', entityId: String(submission.id), newValue: { part: input.partCode } });
  });
  return { ok: true };
}
