import type { Deps } from '../../../deps.ts';
import { listRounds } from '../../../db/queries/rounds.ts';
import type { Actor } from '../../../domain/access/actor.ts';
import { progressReaches } from '../../../domain/progress/progress-scope.ts';
import { progressBase } from './view.tsx';

// On the home page of those who follow rounds (offices, committee, owners): each open round's progress, one click.

export type OpenRoundLink = { id: number; title: string };

export async function openRoundsToFollow(deps: Pick<Deps, 'db'>, actor: Actor): Promise<OpenRoundLink[]> {
  if (!progressReaches(actor, 'summary').length) return [];
  return (await listRounds(deps.db, { states: ['open'] })).map((r) => ({ id: r.id, title: r.title }));
}

export function ProgressLinks(props: { rounds: OpenRoundLink[] }) {
  if (!props.rounds.length) return null;
  return (
    <section aria-labelledby="progress-heading">
      <h2 id="progress-heading">ความก้าวหน้าการส่งข้อมูล</h2>
      <ul>{props.rounds.map((r) => <li><a href={progressBase(r.id)}>{r.title}</a></li>)}</ul>
    </section>
  );
}
