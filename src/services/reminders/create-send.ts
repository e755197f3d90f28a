import type { Deps } from '../../deps.ts';
import type { Db } from '../../db/pool.ts';
import type { ChaseTarget } from '../../db/queries/chase-list.ts';
import { insertSend, type SendInsert, type TargetInsert } from '../../db/queries/reminders.ts';
import type { ReminderChannel } from '../../db/schema.ts';
import { formatDeadline, renderReminder, type TemplateText } from '../../domain/reminders/templates.ts';
import { queueDelivery } from './deliver-reminders.ts';

// What every kind of send shares: the text rendered for each target, the rows written, and the delivery work
// queued — all with the caller's transaction, so the send, its deliveries and its jobs exist together or not at all.

export const submissionLink = (roundId: number, code: string) => `/rounds/${roundId}/submissions/${encodeURIComponent(code)}`;

/** The template filled in for each respondent: its name, the round, its own deadline and the link to its data. */
export function renderRespondentTargets(deps: Pick<Deps, 'config'>, template: TemplateText, round: { id: number; title: string }, targets: ChaseTarget[]): TargetInsert[] {
  return targets.map((t) => {
    const link = submissionLink(round.id, t.code);
    const text = renderReminder(template, { lao: t.name, round: round.title, dueDate: formatDeadline(t.deadline), link: `${deps.config.publicUrl}${link}` });
    return { orgUnitId: t.orgUnitId, subject: text.subject, body: text.body, link };
  });
}

/** The channels a send may use here: in the product always, e-mail, and LINE only where it is configured. */
export function usableChannels(deps: Pick<Deps, 'line'>, wanted: readonly ReminderChannel[]): ReminderChannel[] {
  return (['in_app', 'email', 'line'] as const).filter((c) => wanted.includes(c) && (c !== 'line' || deps.line !== null));
}

export async function createSend(trx: Db, send: SendInsert, targets: TargetInsert[]): Promise<{ sendId: number; deliveries: number }> {
  const { sendId, deliveries } = await insertSend(trx, send, targets);
  for (const channel of Object.keys(deliveries) as ReminderChannel[]) await queueDelivery(trx, sendId, channel);
  return { sendId, deliveries: Object.values(deliveries).reduce((a, b) => a + (b ?? 0), 0) };
}
