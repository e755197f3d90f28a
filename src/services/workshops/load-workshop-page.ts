import type { Deps } from '../../deps.ts';
import { countAttendees, countAttendeesByProvince, listAttendeesOf, listProvinceNames, listWorkshopDocuments, listWorkshops, type AttendeeRow, type ProvinceCount, type WorkshopDocumentRow, type WorkshopRow } from '../../db/queries/workshops.ts';
import type { Actor } from '../../domain/access/actor.ts';
import { reachPaths } from '../../domain/access/policies.ts';
import { audienceInWords, registeringLaos, type ViewerLao, type WorkshopViewer } from '../../domain/workshops/workshop-audience.ts';
import { canSeeWorkshop, orderWorkshops, placesLeft, registrationState, type RegistrationState } from '../../domain/workshops/workshop-policy.ts';
import { loadVisibleWorkshop, loadWorkshopViewer } from './workshop-viewer.ts';

// What the workshop pages show each person. LAO people: the details, the documents, and their own LAO's attendees
// with the places left. Offices: how many LAOs of their reach registered (counts, never names). Owners: the counts
// per province and the export. The list and the home page: the workshops of the person's audience, upcoming first.

export type LaoRegistration = { lao: ViewerLao; attendees: AttendeeRow[]; placesLeft: number | null };
export type WorkshopPage = {
  viewer: WorkshopViewer; workshop: WorkshopRow; audienceWords: string; documents: WorkshopDocumentRow[]; registration: RegistrationState;
  laos: LaoRegistration[]; counts: ProvinceCount[] | null; countsScope: 'nation' | 'reach' | null; now: Date;
};

async function provinceNamer(deps: Pick<Deps, 'db'>): Promise<(code: string) => string> {
  const names = new Map((await listProvinceNames(deps.db)).map((p) => [p.code, p.name]));
  return (code) => names.get(code) ?? code;
}

export async function loadWorkshopPage(deps: Pick<Deps, 'db' | 'clock'>, actor: Actor, workshopId: number): Promise<WorkshopPage> {
  const viewer = await loadWorkshopViewer(deps, actor);
  const workshop = await loadVisibleWorkshop(deps, viewer, workshopId);
  const now = deps.clock.now();
  const laos = registeringLaos(viewer, workshop);
  const officePaths = reachPaths(actor, ['province_office', 'district_office', 'committee_member']);
  const countsScope = viewer.owner || viewer.nation ? 'nation' : officePaths.length ? 'reach' : null;
  const [documents, attendees, counts, name] = await Promise.all([
    listWorkshopDocuments(deps.db, workshop.id),
    listAttendeesOf(deps.db, workshop.id, laos.map((l) => l.id)),
    countsScope ? countAttendeesByProvince(deps.db, workshop.id, countsScope === 'nation' ? null : officePaths) : Promise.resolve(null),
    provinceNamer(deps),
  ]);
  return {
    viewer, workshop, audienceWords: audienceInWords(workshop, name), documents, registration: registrationState(workshop, now), now, counts, countsScope,
    laos: laos.map((lao) => {
      const mine = attendees.filter((a) => a.orgUnitId === lao.id);
      return { lao, attendees: mine, placesLeft: placesLeft(workshop, mine.length) };
    }),
  };
}

export type WorkshopListItem = WorkshopRow & { audienceWords: string; registered: number | null; registrationOpen: boolean };

/** The workshops the person may see, upcoming first; `upcomingOnly` for the home page. With their LAOs' counts. */
export async function listWorkshopsFor(deps: Pick<Deps, 'db' | 'clock'>, actor: Actor, opts: { upcomingOnly?: boolean } = {}): Promise<{ viewer: WorkshopViewer; items: WorkshopListItem[] }> {
  const now = deps.clock.now();
  const [viewer, rows] = await Promise.all([loadWorkshopViewer(deps, actor), listWorkshops(deps.db, opts.upcomingOnly ? { endingAfter: now } : {})]);
  const visible = orderWorkshops(rows.filter((w) => canSeeWorkshop(viewer, w)), now);
  if (!visible.length) return { viewer, items: [] };
  const [counts, name] = await Promise.all([countAttendees(deps.db, visible.map((w) => w.id), viewer.laos.map((l) => l.id)), provinceNamer(deps)]);
  const items = visible.map((w) => {
    const mine = registeringLaos(viewer, w);
    const registered = mine.length ? counts.filter((c) => c.workshopId === w.id && mine.some((l) => l.id === c.orgUnitId)).reduce((s, c) => s + c.count, 0) : null;
    return { ...w, audienceWords: audienceInWords(w, name), registered, registrationOpen: registrationState(w, now).open };
  });
  return { viewer, items };
}
