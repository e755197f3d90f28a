import type { Deps, RequestMeta } from '../../deps.ts';
import { listTemplates, updateTemplate } from '../../db/queries/reminders.ts';
import type { Actor } from '../../domain/access/actor.ts';
import { canManageProgrammes } from '../../domain/access/policies.ts';
import { DomainError } from '../../domain/errors.ts';
import { checkTemplateText } from '../../domain/reminders/templates.ts';
import { recordAudit } from '../audit/record-audit.ts';

// Use case: a programme owner rewrites a reminder template in their own words (it stops being the shipped example).

export type SaveTemplateResult = { ok: true } | { ok: false; errors: Partial<Record<'subject' | 'body', string>> };

export async function saveReminderTemplate(deps: Pick<Deps, 'db' | 'clock'>, actor: Actor, input: { code: string; subject: string; body: string }, meta: RequestMeta): Promise<SaveTemplateResult> {
  if (!canManageProgrammes(actor)) throw new DomainError('forbidden', 'forbidden');
  const current = (await listTemplates(deps.db)).find((t) => t.code === input.code);
  if (!current) throw new DomainError('not_found', 'reminder_template_not_found');
  const text = { subject: input.subject.trim(), body: input.body.replace(/\r\n/g, '\n').trim() };
  const errors = checkTemplateText(text, current.kind);
  if (Object.keys(errors).length) return { ok: false, errors };
  await deps.db.transaction().execute(async (trx) => {
    await updateTemplate(trx, current.code, { ...text, updatedBy: actor.userId, at: deps.clock.now() });
    await recordAudit(trx, meta, { action: 'reminder.template', entityType: 'reminder_template', entityId: current.code, oldValue: { subject: current.subject, body: current.body }, newValue: text });
  });
  return { ok: true };
}
