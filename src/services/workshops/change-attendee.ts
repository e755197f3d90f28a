import type { Deps, RequestMeta } from '../../deps.ts';
import { findAttendee, findClash, lockLaoRegistration, updateAttendee, type AttendeeRow } from '../../db/queries/workshops.ts';
import type { Actor } from '../../domain/access/actor.ts';
import { DomainError } from '../../domain/errors.ts';
import { parseAttendee } from '../../domain/workshops/attendee-input.ts';
import { recordAudit } from '../audit/record-audit.ts';
import { clashErrors, loadAttendeeContext, refusedInput, type AttendeeOutcome } from './attendee-context.ts';
import { workshopIdOf } from './workshop-viewer.ts';

// Use case: the LAO corrects one of its attendees, until registration closes. An attendee of another workshop is
// "not found"; one of another LAO is refused (only its own people and the owners see it).

/** The attendee, if it belongs to this workshop; its LAO decides who may touch it. */
export async function findAttendeeOf(deps: Pick<Deps, 'db'>, workshopId: number, attendeeId: number): Promise<AttendeeRow> {
  const attendee = await findAttendee(deps.db, workshopIdOf(attendeeId));
  if (!attendee || attendee.workshopId !== workshopIdOf(workshopId)) throw new DomainError('not_found', 'workshop_attendee_not_found');
  return attendee;
}

const facts = (a: Pick<AttendeeRow, 'name' | 'position' | 'phone' | 'email'>) => ({ name: a.name, position: a.position, phone: a.phone, email: a.email });

export async function changeAttendee(deps: Pick<Deps, 'db' | 'clock'>, actor: Actor, input: { workshopId: number; attendeeId: number; raw: Record<string, string | undefined> }, meta: RequestMeta): Promise<AttendeeOutcome> {
  const attendee = await findAttendeeOf(deps, input.workshopId, input.attendeeId);
  const { workshop, closed } = await loadAttendeeContext(deps, actor, input.workshopId, attendee.orgUnitId);
  if (closed) return { ok: false, errors: { form: closed } };
  const parsed = parseAttendee(input.raw);
  if (!parsed.ok) return refusedInput(deps, parsed, { workshopId: workshop.id, orgUnitId: attendee.orgUnitId, exceptId: attendee.id });
  return deps.db.transaction().execute(async (trx): Promise<AttendeeOutcome> => {
    await lockLaoRegistration(trx, workshop.id, attendee.orgUnitId);
    const clash = await findClash(trx, { workshopId: workshop.id, orgUnitId: attendee.orgUnitId, nameKey: parsed.nameKey, email: parsed.emailKey, exceptId: attendee.id });
    if (clash.byName || clash.byEmail) return { ok: false, errors: clashErrors(clash) };
    const current = await findAttendee(trx, attendee.id);
    if (!current) throw new DomainError('not_found', 'workshop_attendee_not_found');
    await updateAttendee(trx, attendee.id, { ...parsed.value, nameKey: parsed.nameKey }, actor.userId, deps.clock.now());
    await recordAudit(trx, meta, { action: 'workshop_attendee.update', entityType: 'workshop_attendee', entityId: String(attendee.id), oldValue: facts(current), newValue: facts(parsed.value) });
    return { ok: true };
  });
}

/** The edit page: the attendee, if the person may change it, and why not when registration has closed. */
export async function loadAttendeeForEdit(deps: Pick<Deps, 'db' | 'clock'>, actor: Actor, input: { workshopId: number; attendeeId: number }) {
  const attendee = await findAttendeeOf(deps, input.workshopId, input.attendeeId);
  const { workshop, closed } = await loadAttendeeContext(deps, actor, input.workshopId, attendee.orgUnitId);
  return { workshop, attendee, closed };
}
