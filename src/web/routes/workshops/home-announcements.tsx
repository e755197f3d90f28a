import type { Deps } from '../../../deps.ts';
import type { Actor } from '../../../domain/access/actor.ts';
import { listWorkshopsFor, type WorkshopListItem } from '../../../services/workshops/load-workshop-page.ts';
import { WorkshopCard } from './list-view.tsx';

// On the home page: the upcoming workshops of the person's audience (the letter of seed 001 reaching them without
// the paper chain), each with its link and, for LAO people, how many of their LAO are registered.

/** The three soonest, for the home page. */
export async function upcomingWorkshops(deps: Pick<Deps, 'db' | 'clock'>, actor: Actor): Promise<WorkshopListItem[]> {
  const { items } = await listWorkshopsFor(deps, actor, { upcomingOnly: true });
  return items.slice(0, 3);
}

export function WorkshopAnnouncements(props: { items: WorkshopListItem[]; now: Date }) {
  if (!props.items.length) return null;
  return (
    <section aria-labelledby="workshops-heading">
      <h2 id="workshops-heading">การอบรมที่กำลังจะจัด</h2>
      <ul class="cards workshop-cards">{props.items.map((w) => <WorkshopCard item={w} now={props.now} heading="h3" />)}</ul>
      <p><a href="/workshops">ดูการอบรมและคู่มือทั้งหมด</a></p>
    </section>
  );
}
