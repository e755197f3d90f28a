import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { sql } from 'kysely';
import { bangkokInstant, toBangkok } from '../../src/domain/dates/bangkok-time.ts';
import { prepareData } from '../../src/services/demo/prepare-data.ts';
import { decideEntryNow } from '../../src/services/rounds/decide-entry.ts';
import { createTestApp, type TestApp } from '../support/web.ts';

// `npm start` on an empty database: every shipped programme has a round open today, demo respondents in different
// states, and ODLOC 2568 closed with data from every LAO, as it ran (extended for everyone to 26 Sep 2568).
let t: TestApp;
let dataDir: string;
before(async () => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'matrathan-demo-'));
  t = await createTestApp({ DEMO: 'true', DATA_DIR: dataDir });
  t.clock.set(bangkokInstant('2026-11-22', '10:00'));
  await prepareData(t.deps);
});
after(async () => {
  await t.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

test('a round of each shipped programme is open today, and its respondents may enter data', async () => {
  const open = await sql<{ id: number; code: string; n: number }>`
    select r.id, p.code, (select count(*)::int from round_respondents rr where rr.round_id = r.id) as n
    from rounds r join programmes p on p.id = r.programme_id where r.state = 'open' order by p.id`.execute(t.deps.db);
  assert.deepEqual(open.rows.map((r) => r.code).sort(), ['dla-outstanding-district-office', 'dla-outstanding-province-office', 'dla-standards-monitoring', 'odloc-minimum-standards']);
  for (const round of open.rows) {
    assert.ok(round.n > 0, round.code);
    const someone = await t.deps.db.selectFrom('round_respondents').select('org_unit_id').where('round_id', '=', round.id).executeTakeFirstOrThrow();
    assert.equal((await decideEntryNow(t.deps, { roundId: round.id, orgUnitId: someone.org_unit_id })).allowed, true, round.code);
  }
  const outstanding = open.rows.find((r) => r.code === 'dla-outstanding-province-office')!;
  assert.equal(outstanding.n, 67, '77 provinces less the ten left out in seed 004');
});

test('the demo LAOs are in different states: in progress, not started, and others submitted', async () => {
  const states = await sql<{ username: string; state: string | null }>`
    select u.username, s.state from "user" u join memberships m on m.user_id = u.id
    join rounds r on r.state = 'open' and r.programme_id = (select id from programmes where code = 'odloc-minimum-standards')
    left join submissions s on s.round_id = r.id and s.org_unit_id = m.org_unit_id
    where u.username in ('demo.lao_officer', 'demo.lao_officer2') order by u.username`.execute(t.deps.db);
  assert.deepEqual(states.rows, [{ username: 'demo.lao_officer', state: 'in_progress' }, { username: 'demo.lao_officer2', state: null }]);
  const byState = await sql<{ state: string; n: number }>`
    select s.state, count(*)::int as n from submissions s join rounds r on r.id = s.round_id
    where r.state = 'open' and r.programme_id = (select id from programmes where code = 'odloc-minimum-standards') group by 1`.execute(t.deps.db);
  assert.ok(byState.rows.find((r) => r.state === 'submitted')!.n > 1000);
});

test('ODLOC 2568 is published, with answers from nearly every LAO and the extension to 26 Sep 2568', async () => {
  const round = await t.deps.db.selectFrom('rounds').selectAll().where('fiscal_year', '=', 2568).executeTakeFirstOrThrow();
  assert.equal(round.state, 'published');
  assert.equal(toBangkok(round.due_at).date, '2025-08-29');
  const extension = await t.deps.db.selectFrom('extensions').selectAll().where('round_id', '=', round.id).executeTakeFirstOrThrow();
  assert.deepEqual([extension.scope, extension.status, toBangkok(extension.new_due_at).date], ['all', 'granted', '2025-09-26']);
  const counts = await sql<{ respondents: number; submitted: number; values: number }>`
    select (select count(*)::int from round_respondents where round_id = ${round.id}) as respondents,
           (select count(*)::int from submissions where round_id = ${round.id} and state = 'submitted') as submitted,
           (select count(*)::int from submission_values v join submissions s on s.id = v.submission_id where s.round_id = ${round.id}) as values`.execute(t.deps.db);
  const c = counts.rows[0]!;
  assert.ok(c.respondents > 7800, String(c.respondents));
  assert.ok(c.submitted / c.respondents > 0.9);
  assert.ok(c.values / c.submitted > 20, 'each submission carries its answers');
});

test('ODLOC 2567 is published on its own framework version, so 2568 has a year before it to compare with', async () => {
  const rows = await sql<{ code: string; state: string; submitted: number; results: number }>`
    select v.code, r.state, count(distinct s.id)::int as submitted, count(res.*)::int as results
    from rounds r join framework_versions v on v.id = r.framework_version_id
    left join submissions s on s.round_id = r.id and s.state = 'submitted' left join results res on res.submission_id = s.id
    where r.fiscal_year = 2567 group by 1, 2`.execute(t.deps.db);
  assert.equal(rows.rows.length, 1);
  const r = rows.rows[0]!;
  assert.deepEqual([r.code, r.state], ['odloc-2567', 'published']);
  assert.ok(r.submitted > 7000, String(r.submitted));
  assert.ok(r.results / r.submitted >= 10, 'results are kept for every submission');
});
