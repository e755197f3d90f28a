import { registeringLaos, viewerInAudience, type WorkshopAudience, type WorkshopViewer } from './workshop-audience.ts';

// Who may do what with a workshop and its registrations. Attendees' names, phones and e-mail addresses are
// personal data: only the people of the LAO that registered them and the programme owners ever see them; the
// offices see counts.

export type WorkshopFacts = WorkshopAudience & { startsAt: Date; endsAt: Date; registrationClosesAt: Date; maxAttendeesPerLao: number | null };

export function canManageWorkshops(v: Pick<WorkshopViewer, 'owner'>): boolean {
  return v.owner;
}

export function canSeeWorkshop(v: WorkshopViewer, w: WorkshopAudience): boolean {
  return viewerInAudience(v, w);
}

/** May the viewer register, change or remove attendees of this LAO? Its own officers and executives, while the
 * LAO is in the audience. */
export function canRegisterFor(v: WorkshopViewer, w: WorkshopAudience, orgUnitId: number): boolean {
  return registeringLaos(v, w).some((l) => l.id === orgUnitId);
}

/** Whose attendee lists (names and contacts) the viewer may read: the owners everyone's, LAO people their own. */
export function canReadAttendeesOf(v: WorkshopViewer, w: WorkshopAudience, orgUnitId: number): boolean {
  return v.owner || canRegisterFor(v, w, orgUnitId);
}

export type RegistrationState =
  | { open: true; closesAt: Date }
  | { open: false; reason: 'closed' | 'ended'; message: string };

/** Registration is open until its closing second (Asia/Bangkok, stored as the instant) and never after the end. */
export function registrationState(w: Pick<WorkshopFacts, 'registrationClosesAt' | 'endsAt'>, now: Date): RegistrationState {
  if (now.getTime() >= w.endsAt.getTime()) return { open: false, reason: 'ended', message: 'การอบรมนี้จบแล้ว ลงทะเบียนหรือแก้ไขรายชื่อไม่ได้' };
  if (now.getTime() > w.registrationClosesAt.getTime()) return { open: false, reason: 'closed', message: 'ปิดรับลงทะเบียนแล้ว เพิ่ม แก้ไข หรือลบรายชื่อไม่ได้ หากจำเป็นติดต่อผู้จัดการอบรม' };
  return { open: true, closesAt: w.registrationClosesAt };
}

/** How many more the LAO may register (null: no limit). */
export function placesLeft(w: Pick<WorkshopFacts, 'maxAttendeesPerLao'>, registered: number): number | null {
  return w.maxAttendeesPerLao === null ? null : Math.max(0, w.maxAttendeesPerLao - registered);
}

/** Upcoming first (soonest first), then the past ones (latest first): what a list of workshops shows. */
export function orderWorkshops<T extends { startsAt: Date; endsAt: Date; id: number }>(rows: readonly T[], now: Date): T[] {
  const t = now.getTime();
  const upcoming = rows.filter((r) => r.endsAt.getTime() > t).sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime() || a.id - b.id);
  const past = rows.filter((r) => r.endsAt.getTime() <= t).sort((a, b) => b.startsAt.getTime() - a.startsAt.getTime() || b.id - a.id);
  return [...upcoming, ...past];
}
