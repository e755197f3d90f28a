import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { sql } from 'kysely';
import { findRound } from '../../src/db/queries/rounds.ts';
import { areaRequirements } from '../../src/domain/progress/area-completion.ts';
import { countOfFilter, progressFilters, type ProgressCounts, type ProgressFilter } from '../../src/domain/progress/progress-figures.ts';
import { decideEntry, respondentDeadline } from '../../src/domain/rounds/entry-window.ts';
import { listProgressRespondents } from '../../src/services/progress/list-progress-respondents.ts';
import { loadProgress, type ProgressSummary } from '../../src/services/progress/load-progress.ts';
import { loadExtensionFacts } from '../../src/services/rounds/extension-facts.ts';
import { createTestApp, type TestApp } from '../support/web.ts';
import { actorOf, buildProgressWorld, unitOf, type ProgressWorld } from './support.ts';

// Every figure of the progress dashboard equals a count written here independently in SQL (deadline by a correlated
// subquery, seconds by date_trunc, area completion by "no required answer missing" over every started
// submission, sent or not), for the nation, a province, a district and an LAO type; every figure's respondent list
// holds exactly the respondents the independent SQL names; and each respondent's deadline and lateness agree with
// the domain's entry rule.
let t: TestApp;
let w: ProgressWorld;
type Area = { provinceCode: string | null; districtCode: string | null; laoType: string | null };

before(async () => {
  t = await createTestApp();
  w = await buildProgressWorld(t);
});
after(() => t.close());

/** One row per respondent with its deadline worked out independently of the app's SQL. */
const direct = (area: Area) => sql`
  with d as (
    select rr.org_unit_id, rr.province_code, rr.district_code, rr.lao_type, s.id as sid, s.state, s.submitted_at,
      greatest(r.due_at, coalesce((
        select max(e.new_due_at) from extensions e left join org_units pu on pu.id = e.org_unit_id
        where e.round_id = r.id and e.status = 'granted'
          and (e.scope = 'all' or (e.scope = 'respondent' and e.org_unit_id = rr.org_unit_id) or (e.scope = 'province' and pu.province_code = rr.province_code))
      ), r.due_at)) as deadline
    from round_respondents rr join rounds r on r.id = rr.round_id left join submissions s on s.round_id = rr.round_id and s.org_unit_id = rr.org_unit_id
    where rr.round_id = ${w.roundId}
      and (${area.provinceCode}::text is null or rr.province_code = ${area.provinceCode})
      and (${area.districtCode}::text is null or rr.district_code = ${area.districtCode})
      and (${area.laoType}::text is null or rr.lao_type = ${area.laoType})
  ), x as (
    select d.*, d.state in ('submitted', 'accepted') as sent, date_trunc('second', d.submitted_at) > date_trunc('second', d.deadline) as after_deadline,
      date_trunc('second', ${w.now}::timestamptz) > date_trunc('second', d.deadline) as past_now from d
  )`;

const stateSql: Record<ProgressFilter, string> = {
  not_started: 'state is null', started: 'state is not null', in_progress: "state in ('in_progress', 'awaiting_approval', 'returned')",
  awaiting_approval: "state = 'awaiting_approval'", returned: "state = 'returned'", not_submitted: "state is null or state not in ('submitted', 'accepted')",
  submitted: "state in ('submitted', 'accepted')", accepted: "state = 'accepted'", on_time: 'sent and not after_deadline', late: 'sent and after_deadline',
  overdue: "(state is null or state not in ('submitted', 'accepted')) and past_now",
};

async function directCounts(area: Area, groupBy: 'province_code' | 'district_code' | 'lao_type' | null): Promise<Map<string, ProgressCounts>> {
  const key = groupBy ? sql.raw(`coalesce(${groupBy}, '')`) : sql`''`;
  const columns = sql.raw((Object.keys(countOfFilter) as ProgressFilter[]).map((f) => `count(*) filter (where ${stateSql[f]})::int as "${countOfFilter[f]}"`).join(', '));
  const rows = await sql<ProgressCounts & { k: string }>`${direct(area)} select ${key} as k, count(*)::int as expected, ${columns} from x group by 1`.execute(t.deps.db);
  return new Map(rows.rows.map(({ k, ...c }) => [k, c]));
}

async function directIds(area: Area, filter: ProgressFilter): Promise<number[]> {
  const rows = await sql<{ id: number }>`${direct(area)} select org_unit_id as id from x where ${sql.raw(stateSql[filter])} order by 1`.execute(t.deps.db);
  return rows.rows.map((r) => r.id);
}

/** Per area: respondents of a type the area applies to, and those with no required answer missing. */
async function directAreas(area: Area): Promise<Map<string, { expected: number; complete: number }>> {
  const req = areaRequirements(w.doc).flatMap((r) => r.slots.map((s) => ({ audience: r.audience ?? '', area: r.areaCode, field_key: s.fieldKey, item_code: s.itemCode })));
  const rows = await sql<{ area: string; expected: number; complete: number }>`
    with req as (select * from jsonb_to_recordset(${JSON.stringify(req)}::jsonb) as t(audience text, area text, field_key text, item_code text)),
    areas as (select distinct audience, area from req),
    resp as (
      select rr.org_unit_id, coalesce(rr.lao_type, '') as audience, s.id as sid
      from round_respondents rr left join submissions s on s.round_id = rr.round_id and s.org_unit_id = rr.org_unit_id
      where rr.round_id = ${w.roundId}
        and (${area.provinceCode}::text is null or rr.province_code = ${area.provinceCode})
        and (${area.districtCode}::text is null or rr.district_code = ${area.districtCode})
        and (${area.laoType}::text is null or rr.lao_type = ${area.laoType})
    )
    select a.area, count(*)::int as expected,
      (count(*) filter (where resp.sid is not null and not exists (
        select 1 from req r where r.audience = a.audience and r.area = a.area and not exists (
          select 1 from submission_values v where v.submission_id = resp.sid and v.field_key = r.field_key and v.item_code = r.item_code
            and v.value is not null and v.value <> 'null'::jsonb))))::int as complete
    from resp join areas a on a.audience = resp.audience group by 1`.execute(t.deps.db);
  return new Map(rows.rows.map((r) => [r.area, { expected: r.expected, complete: r.complete }]));
}

const owner = async () => actorOf('programme_admin', await unitOf(t, 'country', 'TH'));
const areas: { name: string; area: Area; by: 'province_code' | 'district_code' | null }[] = [
  { name: 'the nation', area: { provinceCode: null, districtCode: null, laoType: null }, by: 'province_code' },
  { name: 'จันทบุรี', area: { provinceCode: '22', districtCode: null, laoType: null }, by: 'district_code' },
  { name: 'อำเภอเมืองชลบุรี', area: { provinceCode: '20', districtCode: '2001', laoType: null }, by: null },
  { name: 'every อบต.', area: { provinceCode: null, districtCode: null, laoType: 'sao' }, by: 'province_code' },
  { name: 'เทศบาลตำบล of นครราชสีมา', area: { provinceCode: '30', districtCode: null, laoType: 'subdistrict' }, by: 'district_code' },
];

async function summaryOf(area: Area): Promise<ProgressSummary> {
  const r = await loadProgress(t.deps, await owner(), { roundId: w.roundId, provinceCode: area.provinceCode, districtCode: area.districtCode, laoType: area.laoType as never });
  assert.ok(r.ok, JSON.stringify(!r.ok && r.errors));
  return r.summary;
}

test('the world has every state, late and on-time sends, and extensions that move some deadlines', async () => {
  const all = (await directCounts(areas[0]!.area, null)).get('')!;
  assert.ok(all.expected > 280, String(all.expected));
  for (const f of ['notStarted', 'inProgress', 'awaitingApproval', 'returned', 'accepted', 'onTime', 'late', 'overdue'] as const) assert.ok(all[f] > 5, `${f}: ${all[f]}`);
  const moved = await sql<{ n: number }>`select count(distinct province_code)::int as n from round_respondents where round_id = ${w.roundId}`.execute(t.deps.db);
  assert.equal(moved.rows[0]!.n, 3);
});

for (const { name, area, by } of areas) {
  test(`${name}: the totals, the breakdown and the types equal the direct counts`, async () => {
    const s = await summaryOf(area);
    assert.deepEqual(s.total, (await directCounts(area, null)).get('')!);
    if (by) {
      const expected = await directCounts(area, by);
      assert.equal(s.byPlace.length, expected.size);
      for (const row of s.byPlace) {
        const { code: _c, name: _n, ...counts } = row;
        assert.deepEqual(counts, expected.get(row.code ?? ''), `${by} ${row.code}`);
      }
    } else assert.equal(s.byPlace.length, 0);
    const types = await directCounts(area, 'lao_type');
    assert.equal(s.byType.length, types.size);
    for (const row of s.byType) {
      const { laoType: _t, ...counts } = row;
      assert.deepEqual(counts, types.get(row.laoType ?? ''), `type ${row.laoType}`);
    }
  });

  test(`${name}: each framework area's complete count equals the direct count over the answers`, async () => {
    const s = await summaryOf(area);
    const expected = await directAreas(area);
    assert.deepEqual(s.byArea.map((a) => a.code), ['A1', 'A2', 'A3']);
    for (const a of s.byArea) assert.deepEqual({ expected: a.expected, complete: a.complete }, expected.get(a.code), a.code);
    assert.ok(s.byArea.some((a) => a.complete > s.total.submitted), 'open work with an area complete is counted');
  });
}

test('every figure opens a list of exactly the respondents the direct SQL names', async () => {
  for (const { area } of [areas[0]!, areas[1]!, areas[4]!]) {
    const s = await summaryOf(area);
    for (const filter of progressFilters) {
      const r = await listProgressRespondents(t.deps, await owner(), { roundId: w.roundId, ...area, laoType: area.laoType as never, state: filter, sort: 'name', page: 'all' });
      assert.ok(r.ok);
      assert.equal(r.list.total, s.total[countOfFilter[filter]], filter);
      assert.deepEqual(r.list.rows.map((x) => x.orgUnitId).sort((a, b) => a - b), await directIds(area, filter), filter);
    }
  }
});

test("each respondent's deadline and lateness agree with the entry rule (latest granted extension, to the second)", async () => {
  const round = (await findRound(t.deps.db, w.roundId))!;
  const facts = await loadExtensionFacts(t.deps.db, w.roundId);
  const r = await listProgressRespondents(t.deps, await owner(), { roundId: w.roundId, provinceCode: null, districtCode: null, laoType: null, state: null, sort: 'name', page: 'all' });
  assert.ok(r.ok);
  let late = 0;
  let boundary = 0;
  for (const row of r.list.rows) {
    const who = { orgUnitId: row.orgUnitId, provinceCode: row.provinceCode };
    const own = respondentDeadline({ ...round, state: 'open' }, facts, who);
    assert.equal(row.deadline.getTime(), own.deadline.getTime(), `deadline of ${row.code}`);
    if (row.sent) {
      const decision = decideEntry({ ...round, state: 'open' }, facts, who, row.submittedAt!);
      assert.ok(decision.allowed, row.code);
      assert.equal(row.sentLate, decision.allowed && decision.late, `lateness of ${row.code}`);
      if (row.sentLate) late++;
      if (Math.floor(row.submittedAt!.getTime() / 1000) === Math.floor(row.deadline.getTime() / 1000)) boundary++;
    } else assert.equal(row.sentLate, false);
  }
  assert.ok(late > 0 && boundary > 0, `late ${late}, at the deadline's second ${boundary}`);
  const extended = r.list.rows.find((x) => x.orgUnitId === w.extendedLao)!;
  assert.equal(extended.deadline.getTime(), w.dueAt.getTime() + 12 * 86_400_000, 'its own extension, not the one for everyone');
});
