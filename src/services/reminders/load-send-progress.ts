import type { Deps } from '../../deps.ts';
import { findSend, listSendProblems, sendProgress, type SendProgress, type SendRow } from '../../db/queries/reminders.ts';
import type { RoundRow } from '../../db/queries/rounds.ts';
import type { Actor } from '../../domain/access/actor.ts';
import { chaseReach } from '../../domain/reminders/chase-state.ts';
import { isWithin } from '../../domain/org/org-unit.ts';
import { DomainError } from '../../domain/errors.ts';
import { loadChaseRound } from './chase-query.ts';

// A send's progress: per channel, how many wait, are being sent, went out or failed; the targets nobody could be
// told; the failures. Seen by whoever sent it and by the offices (and owners) whose reach covers one of its targets.

export type SendProgressPage = {
  round: RoundRow; send: SendRow; channels: SendProgress; total: number; done: number; finished: boolean;
  noRecipient: { code: string; name: string; kind: string }[]; failed: { name: string; userName: string; channel: string; error: string | null }[];
};

export async function loadSendProgress(deps: Pick<Deps, 'db'>, actor: Actor, roundId: number, sendId: number): Promise<SendProgressPage> {
  const round = await loadChaseRound(deps, actor, roundId);
  const send = await findSend(deps.db, round.id, sendId);
  if (!send) throw new DomainError('not_found', 'reminder_send_not_found');
  const [channels, problems] = await Promise.all([sendProgress(deps.db, send.id), listSendProblems(deps.db, send.id)]);
  const reach = chaseReach(actor);
  const sees = reach === null || send.sentBy === actor.userId || problems.targetPaths.some((p) => reach.some((r) => isWithin(p, r.path)));
  if (!sees) throw new DomainError('not_found', 'reminder_send_not_found');
  const total = channels.reduce((a, c) => a + c.queued + c.sending + c.sent + c.failed, 0);
  const done = channels.reduce((a, c) => a + c.sent + c.failed, 0);
  return { round, send, channels, total, done, finished: send.finishedAt !== null || done === total, noRecipient: problems.noRecipient, failed: problems.failed };
}
