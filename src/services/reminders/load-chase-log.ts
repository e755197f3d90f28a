import type { Deps } from '../../deps.ts';
import { listCallNotes, listSends } from '../../db/queries/reminders.ts';
import type { RoundRow } from '../../db/queries/rounds.ts';
import type { Actor } from '../../domain/access/actor.ts';
import { chaseReach } from '../../domain/reminders/chase-state.ts';
import { loadChaseRound } from './chase-query.ts';

// The chase log of a round: the reminders sent (by people and by the schedule) that touched the asker's reach, and
// the notes about calls made to respondents within it.

export type ChaseLog = { round: RoundRow; sends: Awaited<ReturnType<typeof listSends>>; calls: Awaited<ReturnType<typeof listCallNotes>> };

export async function loadChaseLog(deps: Pick<Deps, 'db'>, actor: Actor, roundId: number): Promise<ChaseLog> {
  const round = await loadChaseRound(deps, actor, roundId);
  const reach = chaseReach(actor);
  const paths = reach === null ? null : [...new Set(reach.map((r) => r.path))];
  const [sends, calls] = await Promise.all([listSends(deps.db, round.id, paths), listCallNotes(deps.db, round.id, paths)]);
  return { round, sends, calls };
}
