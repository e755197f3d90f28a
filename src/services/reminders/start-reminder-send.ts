import type { Deps, RequestMeta } from '../../deps.ts';
import { listChaseTargets } from '../../db/queries/chase-list.ts';
import { listTemplates, listUnitsByIds } from '../../db/queries/reminders.ts';
import { canChaseUnit } from '../../domain/reminders/chase-state.ts';
import type { ReminderChannel } from '../../db/schema.ts';
import type { Actor } from '../../domain/access/actor.ts';
import { DomainError } from '../../domain/errors.ts';
import { recordAudit } from '../audit/record-audit.ts';
import { chaseQuery, loadChaseRound, type ChaseFilter } from './chase-query.ts';
import { createSend, renderRespondentTargets, usableChannels } from './create-send.ts';

// Use case: the office above (or an owner) sends a templated reminder to the respondents it picked on the chase
// page — the ticked ones, or every one matching the filter — in one action. The targets are worked out again here
// from the actor's reach and the filter (never from what the browser claims): a ticked unit outside the reach is
// refused, and only those still holding their data are reminded. The send, its deliveries and the delivery jobs are written in one transaction.

export type StartSendInput = {
  roundId: number;
  filter: ChaseFilter;
  /** The ticked respondents; null: every respondent matching the filter. */
  unitIds: number[] | null;
  templateCode: string;
  channels: ReminderChannel[];
};

export async function startReminderSend(deps: Deps, actor: Actor, input: StartSendInput, meta: RequestMeta): Promise<{ sendId: number; targets: number; skipped: number }> {
  const round = await loadChaseRound(deps, actor, input.roundId);
  if (round.state !== 'open') throw new DomainError('conflict', 'round_not_open', { field: 'send' });
  const template = (await listTemplates(deps.db)).find((t) => t.code === input.templateCode && t.kind === 'respondent');
  if (!template) throw new DomainError('invalid', 'reminder_template', { field: 'templateCode' });
  if (input.unitIds !== null && input.unitIds.length === 0) throw new DomainError('invalid', 'reminder_no_selection', { field: 'units' });
  if (input.unitIds !== null) {
    // a unit outside the actor's reach is refused outright, not quietly dropped
    const units = await listUnitsByIds(deps.db, input.unitIds);
    if (units.length !== new Set(input.unitIds).size || units.some((u) => !canChaseUnit(actor, u))) throw new DomainError('forbidden', 'forbidden');
  }
  const query = await chaseQuery(deps, actor, round, input.filter, input.unitIds ? { unitIds: input.unitIds } : {});
  const targets = await listChaseTargets(deps.db, query);
  if (targets.length === 0) throw new DomainError('invalid', 'reminder_no_targets', { field: 'units' });
  const channels = usableChannels(deps, ['in_app', ...input.channels]);
  const rendered = renderRespondentTargets(deps, template, round, targets);
  const filter = { ...input.filter, selected: input.unitIds ? input.unitIds.length : null };
  const { sendId } = await deps.db.transaction().execute(async (trx) => {
    const made = await createSend(trx, {
      roundId: round.id, kind: 'manual', templateCode: template.code, subject: template.subject, body: template.body, channels, filter, sentBy: actor.userId, at: deps.clock.now(),
    }, rendered);
    await recordAudit(trx, meta, { action: 'reminder.send', entityType: 'reminder_send', entityId: String(made.sendId), newValue: { roundId: round.id, templateCode: template.code, channels, filter, targets: targets.length, deliveries: made.deliveries } });
    return made;
  });
  return { sendId, targets: targets.length, skipped: input.unitIds ? input.unitIds.length - targets.length : 0 };
}
