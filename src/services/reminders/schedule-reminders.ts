import type { Deps } from '../../deps.ts';
import { listChaseTargets, type ChaseTarget } from '../../db/queries/chase-list.ts';
import { attachScheduleMarks, findReminderSettings, insertScheduleMarks, listScheduleMarks, listTemplates, listUnitsByCodes, type TemplateRow } from '../../db/queries/reminders.ts';
import { listRounds, type RoundRow } from '../../db/queries/rounds.ts';
import type { ReminderSendKind } from '../../db/schema.ts';
import { districtOfficeCode, provinceOfficeCode } from '../../domain/org/org-unit.ts';
import { beforeDueReminder, defaultReminderSettings, escalationDue, type ReminderSettings } from '../../domain/reminders/schedule.ts';
import { formatDeadline, renderReminder } from '../../domain/reminders/templates.ts';
import { recordAudit } from '../audit/record-audit.ts';
import { chaseQuery } from './chase-query.ts';
import { createSend, renderRespondentTargets, usableChannels } from './create-send.ts';

// Scheduled reminders, run every hour by the worker's cron (and safe to run at any time, any number of times): for
// every open round, respondents still holding their data are reminded N days before their own deadline, and those
// still holding it N days after it are reported to the office above (the district office for an LAO, the provincial
// office for a district office). Each respondent is marked per reason in the same transaction as the send that
// tells them, so a second run — or a second worker — finds nothing left to send.

const system = { actorUserId: null, ip: null, requestId: 'scheduled-reminders' };

export async function loadReminderSettings(deps: Pick<Deps, 'db'>, roundId: number): Promise<ReminderSettings> {
  return (await findReminderSettings(deps.db, roundId)) ?? defaultReminderSettings;
}

export async function runScheduledReminders(deps: Deps): Promise<{ beforeDue: number; escalated: number }> {
  const templates = await listTemplates(deps.db);
  const totals = { beforeDue: 0, escalated: 0 };
  for (const round of await listRounds(deps.db, { states: ['open'] })) {
    const settings = await loadReminderSettings(deps, round.id);
    if (!settings.enabled) continue;
    const now = deps.clock.now();
    const targets = await listChaseTargets(deps.db, await chaseQuery(deps, null, round, {}));
    const marks = new Map<number, Set<string>>();
    for (const m of await listScheduleMarks(deps.db, round.id, '')) (marks.get(m.orgUnitId) ?? marks.set(m.orgUnitId, new Set()).get(m.orgUnitId)!).add(m.mark);
    const none = new Set<string>();
    const due = targets.flatMap((t) => {
      const r = beforeDueReminder(t.deadline, now, settings.daysBefore, marks.get(t.orgUnitId) ?? none);
      return r ? [{ target: t, mark: r.mark }] : [];
    });
    const late = targets.flatMap((t) => {
      const mark = t.kind === 'province_office' ? null : escalationDue(t.deadline, now, settings.escalateAfterDays, marks.get(t.orgUnitId) ?? none);
      return mark ? [{ target: t, mark }] : [];
    });
    const beforeDue = templates.find((t) => t.code === 'before_due');
    if (due.length && beforeDue) totals.beforeDue += await remindRespondents(deps, round, 'before_due', beforeDue, due);
    const escalation = templates.find((t) => t.code === 'escalation');
    if (late.length && escalation) totals.escalated += await escalate(deps, round, escalation, late);
  }
  return totals;
}

/** Reminds the respondents not yet marked for their reason; returns how many were reminded. */
export async function remindRespondents(deps: Deps, round: RoundRow, kind: ReminderSendKind, template: TemplateRow, due: { target: ChaseTarget; mark: string }[], channels = usableChannels(deps, ['in_app', 'email', 'line'])): Promise<number> {
  return deps.db.transaction().execute(async (trx) => {
    const fresh = await insertScheduleMarks(trx, round.id, due.map((d) => ({ orgUnitId: d.target.orgUnitId, mark: d.mark })));
    if (fresh.length === 0) return 0;
    const freshIds = new Set(fresh.map((f) => f.orgUnitId));
    const targets = due.filter((d) => freshIds.has(d.target.orgUnitId)).map((d) => d.target);
    const { sendId } = await createSend(trx, {
      roundId: round.id, kind, templateCode: template.code, subject: template.subject, body: template.body, channels, filter: { scheduled: kind }, sentBy: null, at: deps.clock.now(),
    }, renderRespondentTargets(deps, template, round, targets));
    await attachScheduleMarks(trx, round.id, fresh, sendId);
    await recordAudit(trx, system, { action: `reminder.${kind}`, entityType: 'reminder_send', entityId: String(sendId), newValue: { roundId: round.id, targets: targets.length } });
    return targets.length;
  });
}

/** Tells each office above the late respondents it has not been told about yet, one message per office listing them. */
async function escalate(deps: Deps, round: RoundRow, template: TemplateRow, late: { target: ChaseTarget; mark: string }[]): Promise<number> {
  const [districts, provinces, districtOffices, provinceOffices] = await Promise.all([
    listUnitsByCodes(deps.db, 'district', late.filter((l) => l.target.kind === 'lao').map((l) => l.target.districtCode ?? '')),
    listUnitsByCodes(deps.db, 'province', late.filter((l) => l.target.kind !== 'lao').map((l) => l.target.provinceCode ?? '')),
    listUnitsByCodes(deps.db, 'district_office', late.map((l) => districtOfficeCode(l.target.districtCode ?? ''))),
    listUnitsByCodes(deps.db, 'province_office', late.map((l) => provinceOfficeCode(l.target.provinceCode ?? ''))),
  ]);
  const above = (t: ChaseTarget) => {
    if (t.kind === 'lao') {
      const unit = districts.find((d) => d.code === t.districtCode);
      return unit && { unit, office: districtOffices.find((o) => o.code === districtOfficeCode(unit.code))?.name ?? `สำนักงานส่งเสริมการปกครองท้องถิ่นอำเภอ${unit.name}`, filter: `district=${unit.code}` };
    }
    const unit = provinces.find((p) => p.code === t.provinceCode);
    return unit && { unit, office: provinceOffices.find((o) => o.code === provinceOfficeCode(unit.code))?.name ?? `สำนักงานส่งเสริมการปกครองท้องถิ่นจังหวัด${unit.name}`, filter: `province=${unit.code}` };
  };
  return deps.db.transaction().execute(async (trx) => {
    const fresh = await insertScheduleMarks(trx, round.id, late.map((l) => ({ orgUnitId: l.target.orgUnitId, mark: l.mark })));
    const freshIds = new Set(fresh.map((f) => f.orgUnitId));
    const groups = new Map<number, { above: NonNullable<ReturnType<typeof above>>; targets: ChaseTarget[] }>();
    for (const { target } of late.filter((l) => freshIds.has(l.target.orgUnitId))) {
      const a = above(target);
      if (!a) continue;
      (groups.get(a.unit.id) ?? groups.set(a.unit.id, { above: a, targets: [] }).get(a.unit.id)!).targets.push(target);
    }
    if (groups.size === 0) return 0;
    const rendered = [...groups.values()].map(({ above: a, targets }) => {
      const link = `/rounds/${round.id}/chase?${a.filter}&state=late`;
      const list = targets.map((t) => `- ${t.name} (กำหนดส่ง ${formatDeadline(t.deadline)})`).join('\n');
      const text = renderReminder(template, { office: a.office, round: round.title, count: targets.length.toLocaleString('th-TH'), list, link: `${deps.config.publicUrl}${link}` });
      return { orgUnitId: a.unit.id, subject: text.subject, body: text.body, link };
    });
    const { sendId } = await createSend(trx, {
      roundId: round.id, kind: 'escalation', templateCode: template.code, subject: template.subject, body: template.body, channels: usableChannels(deps, ['in_app', 'email', 'line']),
      filter: { scheduled: 'escalation' }, sentBy: null, at: deps.clock.now(),
    }, rendered);
    await attachScheduleMarks(trx, round.id, fresh, sendId);
    await recordAudit(trx, system, { action: 'reminder.escalation', entityType: 'reminder_send', entityId: String(sendId), newValue: { roundId: round.id, offices: groups.size, respondents: freshIds.size } });
    return freshIds.size;
  });
}
