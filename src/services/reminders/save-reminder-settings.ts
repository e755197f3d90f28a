import type { Deps, RequestMeta } from '../../deps.ts';
import { findReminderSettings, saveReminderSettings } from '../../db/queries/reminders.ts';
import { findRound } from '../../db/queries/rounds.ts';
import type { Actor } from '../../domain/access/actor.ts';
import { canManageProgrammes } from '../../domain/access/policies.ts';
import { DomainError } from '../../domain/errors.ts';
import type { ReminderSettings } from '../../domain/reminders/schedule.ts';
import { recordAudit } from '../audit/record-audit.ts';

// Use case: the programme owner sets a round's scheduled reminders — how many days before each respondent's
// deadline, and after how many days late the office above is told — or turns them off.

export async function saveRoundReminderSettings(deps: Pick<Deps, 'db' | 'clock'>, actor: Actor, roundId: number, settings: ReminderSettings, meta: RequestMeta): Promise<void> {
  if (!canManageProgrammes(actor)) throw new DomainError('forbidden', 'forbidden');
  const round = await findRound(deps.db, roundId);
  if (!round) throw new DomainError('not_found', 'round_not_found');
  await deps.db.transaction().execute(async (trx) => {
    const before = await findReminderSettings(trx, roundId);
    const next = { enabled: settings.enabled, daysBefore: [...settings.daysBefore], escalateAfterDays: settings.escalateAfterDays };
    await saveReminderSettings(trx, roundId, { ...next, updatedBy: actor.userId, at: deps.clock.now() });
    await recordAudit(trx, meta, { action: 'reminder.settings', entityType: 'round', entityId: String(roundId), oldValue: before ?? null, newValue: next });
  });
}
