// The chase page and a send on the national dataset: how long the list (with each respondent's deadline, answered
// share and recipients) takes for the nation and for a large province, and how long one "ส่ง" to every late
// respondent of the nation takes to write (send, targets, deliveries, jobs, in one transaction).
// Usage: npm exec -- node --import tsx bench/chase.ts
import { performance } from 'node:perf_hooks';
import { sql } from 'kysely';
import type { Actor } from '../src/domain/access/actor.ts';
import { loadChasePage } from '../src/services/reminders/load-chase-page.ts';
import { startReminderSend } from '../src/services/reminders/start-reminder-send.ts';
import { openNationalDataset } from './support/national.ts';

const ds = await openNationalDataset();
try {
  const { deps } = ds;
  const round = (await sql<{ id: number; title: string }>`select r.id, r.title from rounds r join programmes p on p.id = r.programme_id
    where r.state = 'open' and p.respondents = 'lao' order by (select count(*) from round_respondents rr where rr.round_id = r.id) desc limit 1`.execute(deps.db)).rows[0]!;
  const province = (await sql<{ id: number; path: string; name: string; n: number }>`select p.id, p.path, p.name_th as name, count(*)::int as n from org_units p join round_respondents rr on rr.province_code = p.code
    where p.kind = 'province' and rr.round_id = ${round.id} group by p.id order by n desc limit 1`.execute(deps.db)).rows[0]!;
  const user = (await sql<{ id: string }>`insert into "user" (id, name, email, "emailVerified", "createdAt", "updatedAt", "isActive") values ('bench-chaser', 'ผู้ติดตาม', 'chaser@bench.example', true, now(), now(), true) returning id`.execute(deps.db)).rows[0]!;
  const member = (role: 'programme_admin' | 'province_office', unit: { id: number; path: string; name: string }): Actor => ({
    userId: user.id, username: null, name: 'ผู้ติดตาม', email: 'chaser@bench.example', twoFactorEnabled: true,
    memberships: [{ id: 1, role, unitId: unit.id, unitCode: '', unitKind: role === 'programme_admin' ? 'country' : 'province', unitPath: unit.path, unitNameTh: unit.name, officeUnitId: null }],
  });
  const country = (await sql<{ id: number; path: string; name: string }>`select id, path, name_th as name from org_units where kind = 'country'`.execute(deps.db)).rows[0]!;
  const owner = member('programme_admin', country);
  const office = member('province_office', province);

  const time = async (label: string, runs: number, f: () => Promise<unknown>) => {
    await f();
    const ms: number[] = [];
    for (let i = 0; i < runs; i++) {
      const t0 = performance.now();
      await f();
      ms.push(performance.now() - t0);
    }
    ms.sort((a, b) => a - b);
    const at = (q: number) => ms[Math.min(ms.length - 1, Math.floor(q * ms.length))]!.toFixed(0);
    console.log(`${label}: p50 ${at(0.5)} ms, p95 ${at(0.95)} ms (${runs} runs)`);
  };
  console.log(`${ds.machine}; ${JSON.stringify(ds.counts)}; round ${round.id} "${round.title}"; largest province ${province.name} (${province.n} respondents)`);
  await time('chase page, owner, the nation (all held)', 20, () => loadChasePage(deps, owner, round.id, {}, 1));
  await time('chase page, owner, the nation, at risk', 20, () => loadChasePage(deps, owner, round.id, { state: 'at_risk' }, 1));
  await time('chase page, owner, the nation, late, page 20', 20, () => loadChasePage(deps, owner, round.id, { state: 'late' }, 20));
  await time(`chase page, provincial office of ${province.name}`, 20, () => loadChasePage(deps, office, round.id, {}, 1));
  const held = (await loadChasePage(deps, owner, round.id, {}, 1)).total;
  const t0 = performance.now();
  const sent = await startReminderSend(deps, owner, { roundId: round.id, filter: {}, unitIds: null, templateCode: 'before_due', channels: ['email'] }, { actorUserId: user.id, ip: null, requestId: 'bench' });
  const deliveries = (await sql<{ n: number }>`select count(*)::int as n from reminder_deliveries where send_id = ${sent.sendId}`.execute(deps.db)).rows[0]!.n;
  console.log(`one send to every held respondent of the nation: ${sent.targets} targets (of ${held}), ${deliveries} deliveries, written in ${(performance.now() - t0).toFixed(0)} ms`);
} finally {
  await ds.close();
}
process.exit(0);
