import type { Deps, RequestMeta } from '../../deps.ts';
import { findClash, insertAttendee, listAttendeesOf, lockLaoRegistration } from '../../db/queries/workshops.ts';
import type { Actor } from '../../domain/access/actor.ts';
import { parseAttendee } from '../../domain/workshops/attendee-input.ts';
import { placesLeft } from '../../domain/workshops/workshop-policy.ts';
import { recordAudit } from '../audit/record-audit.ts';
import { clashErrors, loadAttendeeContext, refusedInput, type AttendeeOutcome } from './attendee-context.ts';

// Use case: an LAO's officer or executive registers one attendee (more than one per LAO may attend: seed 001).
// Refused with a message at the field: bad input, the same person twice, the LAO's places used up, registration
// closed. The limit and duplicates are counted under a lock held for this LAO and workshop, then the row and its
// audit row are written in the same transaction.

export async function registerAttendee(deps: Pick<Deps, 'db' | 'clock'>, actor: Actor, input: { workshopId: number; orgUnitId: number; raw: Record<string, string | undefined> }, meta: RequestMeta): Promise<AttendeeOutcome<{ attendeeId: number }>> {
  const { workshop, closed } = await loadAttendeeContext(deps, actor, input.workshopId, input.orgUnitId);
  if (closed) return { ok: false, errors: { form: closed } };
  const parsed = parseAttendee(input.raw);
  if (!parsed.ok) return refusedInput(deps, parsed, { workshopId: workshop.id, orgUnitId: input.orgUnitId });
  return deps.db.transaction().execute(async (trx): Promise<AttendeeOutcome<{ attendeeId: number }>> => {
    await lockLaoRegistration(trx, workshop.id, input.orgUnitId);
    const clash = await findClash(trx, { workshopId: workshop.id, orgUnitId: input.orgUnitId, nameKey: parsed.nameKey, email: parsed.emailKey });
    if (clash.byName || clash.byEmail) return { ok: false, errors: clashErrors(clash) };
    const registered = (await listAttendeesOf(trx, workshop.id, [input.orgUnitId])).length;
    if (placesLeft(workshop, registered) === 0) {
      return { ok: false, errors: { form: `ลงทะเบียนได้ไม่เกิน ${workshop.maxAttendeesPerLao!.toLocaleString('th-TH')} คนต่อหน่วยงาน หน่วยงานของท่านลงทะเบียนครบแล้ว หากต้องการเปลี่ยนผู้เข้าร่วม ให้แก้ไขหรือลบรายชื่อเดิม` } };
    }
    const values = { ...parsed.value, nameKey: parsed.nameKey };
    const attendeeId = await insertAttendee(trx, workshop.id, input.orgUnitId, values, actor.userId, deps.clock.now());
    await recordAudit(trx, meta, { action: 'workshop_attendee.register', entityType: 'workshop_attendee', entityId: String(attendeeId), newValue: { workshopId: workshop.id, orgUnitId: input.orgUnitId, ...parsed.value } });
    return { ok: true, attendeeId };
  });
}
