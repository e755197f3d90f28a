import { sql } from 'kysely';
import type { Deps, RequestMeta } from '../../deps.ts';
import type { Db } from '../../db/pool.ts';
import { bumpSubmission, findOrCreateSubmission, insertSnapshot, listValues, resolveReviewComments } from '../../db/queries/submissions.ts';
import type { Actor } from '../../domain/access/actor.ts';
import { DomainError } from '../../domain/errors.ts';
import { answerKey } from '../../domain/submission/check-section.ts';
import { canSubmitSubmission } from '../../domain/submission/submission-policy.ts';
import { divisionScope } from '../../domain/outstanding/division-scope.ts';
import { canSubmitFrom } from '../../domain/submission/submission-state.ts';
import { recordAudit } from '../audit/record-audit.ts';
import { failpoint } from '../failpoint.ts';
import { findGaps, type Gap } from './check-completeness.ts';
import { loadSubmissionContext } from './load-submission.ts';

// Use case: the executive (or the office) sends the submission. All or nothing: the snapshot of what was sent, the
// state, the resolved review comments and the audit row are one transaction — a crash anywhere leaves it sent or
// not sent (failpoints prove it). Idempotent: a retry with the same Idempotency-Key gets the first answer; a double
// click without a key finds it already sent and answers the same.

export type SubmitResult =
  | { ok: true; status: 'submitted'; submittedAt: string; version: number; seq: number; replayed: boolean }
  | { ok: false; reason: 'incomplete'; gaps: Gap[] }
  | { ok: false; reason: 'locked'; message: string };

export async function submitSubmission(
  deps: Pick<Deps, 'db' | 'clock' | 'config'>,
  actor: Actor,
  input: { roundId: number; orgUnitCode: string; idempotencyKey?: string },
  meta: RequestMeta,
): Promise<SubmitResult> {
  const ctx = await loadSubmissionContext(deps, actor, input);
  // A division reports to its own office; the office sends (seed 004).
  if (!canSubmitSubmission(actor, ctx.unit) || divisionScope(actor, ctx.unit, ctx.version.doc)) throw new DomainError('forbidden', 'forbidden');
  const scope = `submit:${ctx.round.id}:${ctx.unit.id}`;
  if (input.idempotencyKey) {
    const earlier = await findIdempotent(deps.db, actor.userId, input.idempotencyKey, scope);
    if (earlier) return { ...(earlier as SubmitResult & { ok: true }), replayed: true };
  }
  if (ctx.state === 'submitted' || ctx.state === 'accepted') return already(ctx.submission!);
  if (!ctx.entry.allowed) return { ok: false, reason: 'locked', message: ctx.entry.message };
  const gaps = await findGaps(deps.db, ctx);
  if (gaps.length) return { ok: false, reason: 'incomplete', gaps };

  const now = deps.clock.now();
  return deps.db.transaction().execute(async (trx): Promise<SubmitResult> => {
    if (input.idempotencyKey) {
      // The key is claimed first: a parallel retry waits here on the unique key, then finds the stored answer.
      const claimed = await sql`insert into idempotency_keys (user_id, key, scope, status, response) values (${actor.userId}, ${input.idempotencyKey}, ${scope}, 0, '{}'::jsonb)
        on conflict do nothing`.execute(trx);
      if (Number(claimed.numAffectedRows ?? 0) === 0) {
        const earlier = await findIdempotent(trx, actor.userId, input.idempotencyKey, scope);
        if (earlier) return { ...(earlier as SubmitResult & { ok: true }), replayed: true };
        throw new DomainError('conflict', 'idempotency_key_reused');
      }
    }
    const submission = await findOrCreateSubmission(trx, ctx.round.id, ctx.unit.id, now);
    if (submission.state === 'submitted' || submission.state === 'accepted') return already(submission);
    if (!canSubmitFrom(submission.state)) throw new DomainError('conflict', 'submission_state');
    const values = Object.fromEntries((await listValues(trx, submission.id)).map((v) => [answerKey(v.fieldKey, v.itemCode), v.value]));
    const seq = await insertSnapshot(trx, submission.id, values, now, actor.userId);
    failpoint(deps.config, 'submit.after_snapshot');
    const version = await bumpSubmission(trx, submission.id, { state: 'submitted', at: now, submittedAt: now, submittedBy: actor.userId });
    await resolveReviewComments(trx, submission.id, now);
    await trx.updateTable('submission_parts').set({ state: 'ready', updated_at: now }).where('submission_id', '=', submission.id).execute();
    failpoint(deps.config, 'submit.before_audit');
    await recordAudit(trx, meta, { action: 'submission.submit', entityType: 'submission', entityId: String(submission.id), oldValue: { state: submission.state }, newValue: { state: 'submitted', seq, late: !ctx.entry.allowed || ctx.entry.late } });
    const result: SubmitResult = { ok: true, status: 'submitted', submittedAt: now.toISOString(), version, seq, replayed: false };
    if (input.idempotencyKey) await sql`update idempotency_keys set status = 200, response = ${JSON.stringify(result)}::jsonb where user_id = ${actor.userId} and key = ${input.idempotencyKey}`.execute(trx);
    failpoint(deps.config, 'submit.before_commit');
    return result;
  });
}

function already(s: { submittedAt: Date | null; version: number }): SubmitResult {
  return { ok: true, status: 'submitted', submittedAt: (s.submittedAt ?? new Date(0)).toISOString(), version: s.version, seq: 0, replayed: true };
}

async function findIdempotent(db: Db, userId: string, key: string, scope: string): Promise<unknown | null> {
  const row = await db.selectFrom('idempotency_keys').select(['scope', 'status', 'response']).where('user_id', '=', userId).where('key', '=', key).executeTakeFirst();
  if (!row || row.status === 0) return null;
  if (row.scope !== scope) throw new DomainError('conflict', 'idempotency_key_reused');
  return row.response;
}
