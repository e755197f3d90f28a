import type { Deps, RequestMeta } from '../../deps.ts';
import { deleteAttendee, findAttendee, lockLaoRegistration } from '../../db/queries/workshops.ts';
import type { Actor } from '../../domain/access/actor.ts';
import { DomainError } from '../../domain/errors.ts';
import { recordAudit } from '../audit/record-audit.ts';
import { loadAttendeeContext, type AttendeeOutcome } from './attendee-context.ts';
import { findAttendeeOf } from './change-attendee.ts';

// Use case: the LAO removes one of its attendees (someone else goes instead, or no one), until registration closes.
// The row goes with an audit row that keeps what was removed.

export async function removeAttendee(deps: Pick<Deps, 'db' | 'clock'>, actor: Actor, input: { workshopId: number; attendeeId: number }, meta: RequestMeta): Promise<AttendeeOutcome> {
  const attendee = await findAttendeeOf(deps, input.workshopId, input.attendeeId);
  const { workshop, closed } = await loadAttendeeContext(deps, actor, input.workshopId, attendee.orgUnitId);
  if (closed) return { ok: false, errors: { form: closed } };
  await deps.db.transaction().execute(async (trx) => {
    await lockLaoRegistration(trx, workshop.id, attendee.orgUnitId);
    const current = await findAttendee(trx, attendee.id);
    if (!current) throw new DomainError('not_found', 'workshop_attendee_not_found');
    await deleteAttendee(trx, attendee.id);
    await recordAudit(trx, meta, { action: 'workshop_attendee.remove', entityType: 'workshop_attendee', entityId: String(attendee.id), oldValue: { workshopId: workshop.id, orgUnitId: attendee.orgUnitId, name: current.name, position: current.position, phone: current.phone, email: current.email } });
  });
  return { ok: true };
}
