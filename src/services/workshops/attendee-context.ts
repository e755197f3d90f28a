import type { Deps } from '../../deps.ts';
import type { WorkshopRow } from '../../db/queries/workshops.ts';
import type { Actor } from '../../domain/access/actor.ts';
import { findClash } from '../../db/queries/workshops.ts';
import type { AttendeeField, ParsedAttendee } from '../../domain/workshops/attendee-input.ts';
import { DomainError } from '../../domain/errors.ts';
import { canRegisterFor, registrationState } from '../../domain/workshops/workshop-policy.ts';
import { loadVisibleWorkshop, loadWorkshopViewer } from './workshop-viewer.ts';

// What registering, changing and removing an attendee all check first: the workshop is one the person sees, the
// LAO is theirs and in the audience (else 403), and registration is still open (else a Thai message, nothing saved).

export type AttendeeOutcome<T = object> = ({ ok: true } & T) | { ok: false; errors: Partial<Record<AttendeeField | 'form', string>> };

export async function loadAttendeeContext(deps: Pick<Deps, 'db' | 'clock'>, actor: Actor, workshopId: number, orgUnitId: number): Promise<{ workshop: WorkshopRow; closed: string | null }> {
  const viewer = await loadWorkshopViewer(deps, actor);
  const workshop = await loadVisibleWorkshop(deps, viewer, workshopId);
  if (!canRegisterFor(viewer, workshop, orgUnitId)) throw new DomainError('forbidden', 'workshop_registration');
  const state = registrationState(workshop, deps.clock.now());
  return { workshop, closed: state.open ? null : state.message };
}

export const clashErrors = (clash: { byName: boolean; byEmail: boolean }): Partial<Record<AttendeeField, string>> => ({
  ...(clash.byName ? { name: 'ผู้นี้ลงทะเบียนในนามหน่วยงานของท่านแล้ว แก้ไขรายชื่อเดิมแทนการเพิ่มใหม่' } : {}),
  ...(clash.byEmail ? { email: 'อีเมลนี้ใช้กับผู้เข้าร่วมอีกคนของหน่วยงานท่านแล้ว ตรวจอีกครั้ง' } : {}),
});

/** Bad input: its messages, plus "already registered" for a name or e-mail that was fine but is taken. */
export async function refusedInput(deps: Pick<Deps, 'db'>, parsed: Extract<ParsedAttendee, { ok: false }>, at: { workshopId: number; orgUnitId: number; exceptId?: number }): Promise<AttendeeOutcome<never>> {
  if (parsed.nameKey === null && parsed.emailKey === null) return { ok: false, errors: parsed.errors };
  const clash = await findClash(deps.db, { ...at, nameKey: parsed.nameKey ?? '', email: parsed.emailKey });
  return { ok: false, errors: { ...clashErrors({ byName: parsed.nameKey !== null && clash.byName, byEmail: clash.byEmail }), ...parsed.errors } };
}
