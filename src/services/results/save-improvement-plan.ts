import type { Deps, RequestMeta } from '../../deps.ts';
import { findImprovementPlanForUpdate, insertImprovementPlan, updateImprovementPlan, type ImprovementPlanRow, type ImprovementPlanWrite } from '../../db/queries/improvement-plans.ts';
import type { Actor } from '../../domain/access/actor.ts';
import { DomainError } from '../../domain/errors.ts';
import { visibleIndicators } from '../../domain/framework/framework-view.ts';
import { scoreIndicator } from '../../domain/results/score-indicator.ts';
import { isRespondentMember } from '../../domain/submission/submission-policy.ts';
import { recordAudit } from '../audit/record-audit.ts';
import { loadSubmissionContext } from '../submissions/load-submission.ts';
import { planStates } from './load-results.ts';

// Use case: the respondent's own people write or update the improvement plan (แผนพัฒนา) of one indicator that
// needs development: action, owner, due date, progress. Optimistic locking by the plan's version (0 = a first
// plan): a stale save changes nothing and gets the current plan back. The write and its audit row share a
// transaction. A plan already made stays editable (its progress) even after the indicator's result has moved on.

export type SaveImprovementPlanResult =
  | { ok: true; version: number }
  | { ok: false; reason: 'conflict'; current: Omit<ImprovementPlanRow, 'updatedByName'> | null }
  | { ok: false; reason: 'not_needed' };

export async function saveImprovementPlan(
  deps: Pick<Deps, 'db' | 'clock'>,
  actor: Actor,
  input: { roundId: number; orgUnitCode: string; indicatorCode: string; version: number; plan: ImprovementPlanWrite },
  meta: RequestMeta,
): Promise<SaveImprovementPlanResult> {
  const ctx = await loadSubmissionContext(deps, actor, { roundId: input.roundId, orgUnitCode: input.orgUnitCode });
  if (!isRespondentMember(actor, ctx.unit)) throw new DomainError('forbidden', 'forbidden');
  const indicator = visibleIndicators(ctx.version.doc, ctx.audience).find((i) => i.indicator.code === input.indicatorCode)?.indicator;
  if (!indicator) throw new DomainError('not_found', 'indicator_not_found');
  const submission = ctx.submission;
  const needed = planStates.includes(scoreIndicator(ctx.version.doc, ctx.audience, indicator, ctx.answers).state);
  if (!submission) return { ok: false, reason: 'not_needed' };
  const at = deps.clock.now();
  return deps.db.transaction().execute(async (trx) => {
    const current = await findImprovementPlanForUpdate(trx, submission.id, indicator.code);
    if (!current && !needed) return { ok: false, reason: 'not_needed' } as const;
    if ((current?.version ?? 0) !== input.version) return { ok: false, reason: 'conflict', current: current ?? null } as const;
    const version = current
      ? await updateImprovementPlan(trx, submission.id, indicator.code, current.version, input.plan, actor.userId, at)
      : await insertImprovementPlan(trx, submission.id, indicator.code, input.plan, actor.userId, at);
    if (version === undefined) return { ok: false, reason: 'conflict', current: (await findImprovementPlanForUpdate(trx, submission.id, indicator.code)) ?? null } as const;
    const old = current ? { action: current.action, owner: current.owner, dueDate: current.dueDate, progress: current.progress, progressPercent: current.progressPercent, progressNote: current.progressNote, version: current.version } : null;
    await recordAudit(trx, meta, {
      action: current ? 'improvement_plan.update' : 'improvement_plan.create', entityType: 'improvement_plan', entityId: `${submission.id}:${indicator.code}`,
      oldValue: old, newValue: { ...input.plan, version },
    });
    return { ok: true, version } as const;
  });
}
