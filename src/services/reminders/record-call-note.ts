import type { Deps, RequestMeta } from '../../deps.ts';
import { findRespondent } from '../../db/queries/rounds.ts';
import { findOrgUnitById } from '../../db/queries/org-units.ts';
import { insertCallNote } from '../../db/queries/reminders.ts';
import type { Actor } from '../../domain/access/actor.ts';
import { canChaseUnit } from '../../domain/reminders/chase-state.ts';
import { DomainError } from '../../domain/errors.ts';
import { recordAudit } from '../audit/record-audit.ts';
import { loadChaseRound } from './chase-query.ts';

// Use case: the office that chases a respondent records that it phoned them ("โทรติดตามแล้ว"), with a short note;
// shown on the respondent's row of the chase page and in the chase log.

export const callNoteMaxLength = 500;

export async function recordCallNote(deps: Pick<Deps, 'db' | 'clock'>, actor: Actor, input: { roundId: number; orgUnitId: number; note: string }, meta: RequestMeta): Promise<number> {
  const round = await loadChaseRound(deps, actor, input.roundId);
  const unit = await findOrgUnitById(deps.db, input.orgUnitId);
  if (!unit || !(await findRespondent(deps.db, round.id, unit.id))) throw new DomainError('not_found', 'respondent_not_found');
  if (!canChaseUnit(actor, unit)) throw new DomainError('forbidden', 'forbidden');
  const note = input.note.trim();
  if (!note || note.length > callNoteMaxLength) throw new DomainError('invalid', 'call_note', { field: 'note' });
  return deps.db.transaction().execute(async (trx) => {
    const id = await insertCallNote(trx, { roundId: round.id, orgUnitId: unit.id, note, createdBy: actor.userId, at: deps.clock.now() });
    await recordAudit(trx, meta, { action: 'reminder.call_note', entityType: 'call_note', entityId: String(id), newValue: { roundId: round.id, orgUnitId: unit.id, note } });
    return id;
  });
}
