import { sql } from 'kysely';
import type { Db } from '../pool.ts';
import type { ReminderChannel, ReminderSendKind } from '../schema.ts';

// Reminder templates and settings, sends with their targets, progress, the log, call notes, schedule marks and
// linked LINE ids. No business rules here (the deliveries' claims are in reminder-deliveries.ts).

export type TemplateRow = { code: string; kind: 'respondent' | 'escalation'; title: string; subject: string; body: string; example: boolean; updatedAt: Date; updatedByName: string | null };

export async function listTemplates(db: Db): Promise<TemplateRow[]> {
  return db.selectFrom('reminder_templates as t').leftJoin('user as u', 'u.id', 't.updated_by')
    .select(['t.code', 't.kind', 't.title', 't.subject', 't.body', 't.example', 't.updated_at as updatedAt', 'u.name as updatedByName'])
    .orderBy('t.sort_order').orderBy('t.code').execute();
}

export async function updateTemplate(db: Db, code: string, t: { subject: string; body: string; updatedBy: string; at: Date }): Promise<boolean> {
  const r = await db.updateTable('reminder_templates').set({ subject: t.subject, body: t.body, example: false, updated_by: t.updatedBy, updated_at: t.at })
    .where('code', '=', code).executeTakeFirst();
  return Number(r.numUpdatedRows) > 0;
}

export type SettingsRow = { enabled: boolean; daysBefore: number[]; escalateAfterDays: number };

export async function findReminderSettings(db: Db, roundId: number): Promise<SettingsRow | undefined> {
  return db.selectFrom('reminder_settings').select(['enabled', 'days_before as daysBefore', 'escalate_after_days as escalateAfterDays'])
    .where('round_id', '=', roundId).executeTakeFirst();
}

export async function saveReminderSettings(db: Db, roundId: number, s: SettingsRow & { updatedBy: string; at: Date }): Promise<void> {
  const values = { enabled: s.enabled, days_before: s.daysBefore, escalate_after_days: s.escalateAfterDays, updated_by: s.updatedBy, updated_at: s.at };
  await db.insertInto('reminder_settings').values({ round_id: roundId, ...values }).onConflict((oc) => oc.column('round_id').doUpdateSet(values)).execute();
}

export type SendInsert = { roundId: number; kind: ReminderSendKind; templateCode: string; subject: string; body: string; channels: ReminderChannel[]; filter: unknown; sentBy: string | null; at: Date };
export type TargetInsert = { orgUnitId: number; subject: string; body: string; link: string };

/** The send, its targets with their text, and one delivery per person and channel, in the caller's transaction.
 * A target's people: an LAO's officers and executives; an office respondent's staff; for a district or province
 * (an escalation) its district or provincial office. Only active accounts; e-mail to those with an address, LINE
 * to those who linked an id. Returns the send's id and the deliveries made per channel. */
export async function insertSend(db: Db, s: SendInsert, targets: TargetInsert[]): Promise<{ sendId: number; deliveries: Partial<Record<ReminderChannel, number>> }> {
  const send = await db.insertInto('reminder_sends').values({
    round_id: s.roundId, kind: s.kind, template_code: s.templateCode, subject: s.subject, body: s.body, channels: s.channels,
    filter: JSON.stringify(s.filter ?? {}), sent_by: s.sentBy, created_at: s.at, target_count: targets.length,
  }).returning('id').executeTakeFirstOrThrow();
  for (let i = 0; i < targets.length; i += 2000) {
    const chunk = targets.slice(i, i + 2000).map((t) => ({ u: t.orgUnitId, s: t.subject, b: t.body, l: t.link }));
    await sql`insert into reminder_targets (send_id, org_unit_id, subject, body, link)
      select ${send.id}, r.u, r.s, r.b, r.l from jsonb_to_recordset(${JSON.stringify(chunk)}::jsonb) as r(u int, s text, b text, l text)`.execute(db);
  }
  const made = await sql<{ channel: ReminderChannel; n: number }>`
    with t as (
      select t.org_unit_id, case when u.kind in ('province_office', 'district_office') then u.parent_id else u.id end as member_unit,
             case u.kind when 'lao' then array['lao_officer', 'lao_executive'] when 'district' then array['district_office']
                         when 'province' then array['province_office'] else array[u.kind] end as roles
      from reminder_targets t join org_units u on u.id = t.org_unit_id where t.send_id = ${send.id}
    ), people as (
      select distinct t.org_unit_id, usr.id as user_id, usr.email, l.line_user_id
      from t join memberships m on m.org_unit_id = t.member_unit and m.role = any(t.roles)
      join "user" usr on usr.id = m.user_id and usr."isActive"
      left join user_line_links l on l.user_id = usr.id
    ), counted as (
      update reminder_targets rt set recipient_count = x.n
      from (select org_unit_id, count(*)::int as n from people group by org_unit_id) x
      where rt.send_id = ${send.id} and rt.org_unit_id = x.org_unit_id
    ), ins as (
      insert into reminder_deliveries (send_id, org_unit_id, user_id, channel, address)
      select ${send.id}, p.org_unit_id, p.user_id, ch.channel, case ch.channel when 'email' then p.email when 'line' then p.line_user_id end
      from people p cross join unnest(${s.channels}::text[]) as ch(channel)
      where ch.channel = 'in_app' or (ch.channel = 'email' and coalesce(p.email, '') <> '') or (ch.channel = 'line' and p.line_user_id is not null)
      on conflict do nothing
      returning channel
    )
    select channel, count(*)::int as n from ins group by channel`.execute(db);
  const deliveries = Object.fromEntries(made.rows.map((r) => [r.channel, r.n])) as Partial<Record<ReminderChannel, number>>;
  if (made.rows.length === 0) await db.updateTable('reminder_sends').set({ finished_at: s.at }).where('id', '=', send.id).execute();
  return { sendId: send.id, deliveries };
}

export type SendRow = {
  id: number; roundId: number; kind: ReminderSendKind; templateCode: string; templateTitle: string | null; subject: string; channels: ReminderChannel[];
  filter: Record<string, unknown>; sentBy: string | null; sentByName: string | null; createdAt: Date; targetCount: number; finishedAt: Date | null;
};

const sendColumns = sql`s.id, s.round_id as "roundId", s.kind, s.template_code as "templateCode", tp.title as "templateTitle", s.subject, s.channels, s.filter,
  s.sent_by as "sentBy", u.name as "sentByName", s.created_at as "createdAt", s.target_count as "targetCount", s.finished_at as "finishedAt"`;

export async function findSend(db: Db, roundId: number, sendId: number): Promise<SendRow | undefined> {
  const r = await sql<SendRow>`select ${sendColumns} from reminder_sends s left join reminder_templates tp on tp.code = s.template_code
    left join "user" u on u.id = s.sent_by where s.id = ${sendId} and s.round_id = ${roundId}`.execute(db);
  return r.rows[0];
}

/** Sends of a round with a target under any of the paths (all when null), newest first, with their counts. */
export async function listSends(db: Db, roundId: number, paths: string[] | null, limit = 100): Promise<(SendRow & { sent: number; failed: number; total: number; noRecipient: number })[]> {
  const reach = paths === null ? sql`true` : paths.length ? sql`exists (select 1 from reminder_targets rt join org_units ou on ou.id = rt.org_unit_id
    where rt.send_id = s.id and (${sql.join(paths.map((p) => sql`ou.path like ${`${p}%`}`), sql` or `)}))` : sql`false`;
  const r = await sql<SendRow & { sent: number; failed: number; total: number; noRecipient: number }>`
    select ${sendColumns},
      (select count(*) filter (where d.state = 'sent')::int from reminder_deliveries d where d.send_id = s.id) as sent,
      (select count(*) filter (where d.state = 'failed')::int from reminder_deliveries d where d.send_id = s.id) as failed,
      (select count(*)::int from reminder_deliveries d where d.send_id = s.id) as total,
      (select count(*)::int from reminder_targets rt where rt.send_id = s.id and rt.recipient_count = 0) as "noRecipient"
    from reminder_sends s left join reminder_templates tp on tp.code = s.template_code left join "user" u on u.id = s.sent_by
    where s.round_id = ${roundId} and ${reach} order by s.created_at desc, s.id desc limit ${limit}`.execute(db);
  return r.rows;
}

export type SendProgress = { channel: ReminderChannel; queued: number; sending: number; sent: number; failed: number }[];

export async function sendProgress(db: Db, sendId: number): Promise<SendProgress> {
  const r = await sql<SendProgress[number]>`
    select channel, count(*) filter (where state = 'queued')::int as queued, count(*) filter (where state = 'sending')::int as sending,
           count(*) filter (where state = 'sent')::int as sent, count(*) filter (where state = 'failed')::int as failed
    from reminder_deliveries where send_id = ${sendId} group by channel order by array_position(array['in_app', 'email', 'line'], channel)`.execute(db);
  return r.rows;
}

/** A send's targets nobody could be told (no active account), and its failed deliveries, for the progress page. */
export async function listSendProblems(db: Db, sendId: number, limit = 200): Promise<{ noRecipient: { code: string; name: string; kind: string }[]; failed: { name: string; userName: string; channel: ReminderChannel; error: string | null }[]; targetPaths: string[] }> {
  const [noRecipient, failed, paths] = await Promise.all([
    sql<{ code: string; name: string; kind: string }>`select u.code, u.name_th as name, u.kind from reminder_targets t join org_units u on u.id = t.org_unit_id
      where t.send_id = ${sendId} and t.recipient_count = 0 order by u.name_th limit ${limit}`.execute(db),
    sql<{ name: string; userName: string; channel: ReminderChannel; error: string | null }>`select u.name_th as name, usr.name as "userName", d.channel, d.error
      from reminder_deliveries d join org_units u on u.id = d.org_unit_id join "user" usr on usr.id = d.user_id
      where d.send_id = ${sendId} and d.state = 'failed' order by d.id limit ${limit}`.execute(db),
    sql<{ path: string }>`select distinct u.path from reminder_targets t join org_units u on u.id = t.org_unit_id where t.send_id = ${sendId}`.execute(db),
  ]);
  return { noRecipient: noRecipient.rows, failed: failed.rows, targetPaths: paths.rows.map((p) => p.path) };
}

export async function insertCallNote(db: Db, n: { roundId: number; orgUnitId: number; note: string; createdBy: string; at: Date }): Promise<number> {
  const r = await db.insertInto('call_notes').values({ round_id: n.roundId, org_unit_id: n.orgUnitId, note: n.note, created_by: n.createdBy, created_at: n.at })
    .returning('id').executeTakeFirstOrThrow();
  return r.id;
}

export async function listCallNotes(db: Db, roundId: number, paths: string[] | null, limit = 200): Promise<{ id: number; code: string; unitName: string; note: string; createdAt: Date; byName: string | null }[]> {
  const reach = paths === null ? sql`true` : paths.length ? sql`(${sql.join(paths.map((p) => sql`u.path like ${`${p}%`}`), sql` or `)})` : sql`false`;
  const r = await sql<{ id: number; code: string; unitName: string; note: string; createdAt: Date; byName: string | null }>`
    select n.id, u.code, u.name_th as "unitName", n.note, n.created_at as "createdAt", usr.name as "byName"
    from call_notes n join org_units u on u.id = n.org_unit_id left join "user" usr on usr.id = n.created_by
    where n.round_id = ${roundId} and ${reach} order by n.created_at desc, n.id desc limit ${limit}`.execute(db);
  return r.rows;
}

/** Marks the respondents not yet marked; returns those newly marked (the others were reminded for this already). */
export async function insertScheduleMarks(db: Db, roundId: number, marks: { orgUnitId: number; mark: string }[]): Promise<{ orgUnitId: number; mark: string }[]> {
  if (marks.length === 0) return [];
  const r = await sql<{ orgUnitId: number; mark: string }>`
    insert into reminder_schedule_marks (round_id, org_unit_id, mark)
    select ${roundId}, m.u, m.k from jsonb_to_recordset(${JSON.stringify(marks.map((m) => ({ u: m.orgUnitId, k: m.mark })))}::jsonb) as m(u int, k text)
    on conflict do nothing returning org_unit_id as "orgUnitId", mark`.execute(db);
  return r.rows;
}

export async function attachScheduleMarks(db: Db, roundId: number, marks: { orgUnitId: number; mark: string }[], sendId: number): Promise<void> {
  if (marks.length === 0) return;
  await sql`update reminder_schedule_marks m set send_id = ${sendId}
    from jsonb_to_recordset(${JSON.stringify(marks.map((x) => ({ u: x.orgUnitId, k: x.mark })))}::jsonb) as x(u int, k text)
    where m.round_id = ${roundId} and m.org_unit_id = x.u and m.mark = x.k`.execute(db);
}

export async function listScheduleMarks(db: Db, roundId: number, prefix: string): Promise<{ orgUnitId: number; mark: string }[]> {
  return db.selectFrom('reminder_schedule_marks').select(['org_unit_id as orgUnitId', 'mark']).where('round_id', '=', roundId).where('mark', 'like', `${prefix}%`).execute();
}

export async function findLineUserId(db: Db, userId: string): Promise<string | null> {
  return (await db.selectFrom('user_line_links').select('line_user_id').where('user_id', '=', userId).executeTakeFirst())?.line_user_id ?? null;
}

export async function setLineUserId(db: Db, userId: string, lineUserId: string | null, at: Date): Promise<void> {
  if (lineUserId === null) await db.deleteFrom('user_line_links').where('user_id', '=', userId).execute();
  else await db.insertInto('user_line_links').values({ user_id: userId, line_user_id: lineUserId, linked_at: at })
    .onConflict((oc) => oc.column('user_id').doUpdateSet({ line_user_id: lineUserId, linked_at: at })).execute();
}

export async function listUnitsByCodes(db: Db, kind: string, codes: string[]): Promise<{ id: number; code: string; name: string }[]> {
  if (codes.length === 0) return [];
  return db.selectFrom('org_units').select(['id', 'code', 'name_th as name']).where('kind', '=', kind).where('code', 'in', [...new Set(codes)]).execute();
}

export async function findExtensionRoundId(db: Db, extensionId: number): Promise<number | undefined> {
  return (await db.selectFrom('extensions').select('round_id').where('id', '=', extensionId).executeTakeFirst())?.round_id;
}

export async function listUnitsByIds(db: Db, ids: number[]): Promise<{ id: number; path: string; kind: string }[]> {
  if (ids.length === 0) return [];
  return db.selectFrom('org_units').select(['id', 'path', 'kind']).where('id', 'in', [...new Set(ids)]).execute();
}
