// Benchmark: the public list of who has sent (issue 6) on the national dataset (bench/support/national.ts: ~7,850
// LAOs; this year's ODLOC round open with ~30% submitted), as anonymous HTTP requests through createApp: the whole
// nation, the biggest province (นครราชสีมา), a name search across the nation, a later page, the index of rounds,
// and a revalidation answered 304. Server time = app.request() to the last byte of the gzip body, sequential, after
// a warm-up. Also the header's unread-notification count (the query every signed-in page runs), for a person with
// 20 unread and 2,000 read notifications among 200,000 others'.
// Run: node --import tsx bench/public-list.ts [requests=200]
import os from 'node:os';
import { performance } from 'node:perf_hooks';
import { sql } from 'kysely';
import { countUnreadNotifications } from '../src/db/queries/notifications.ts';
import { createApp } from '../src/web/app.ts';
import { openNationalDataset } from './support/national.ts';

const requests = Number(process.argv[2] ?? 200);
const stats = (ms: number[]) => {
  const s = [...ms].sort((a, b) => a - b);
  const at = (q: number) => s[Math.min(s.length - 1, Math.floor(q * s.length))]!;
  return { p50: at(0.5), p95: at(0.95), max: s[s.length - 1]! };
};

const ds = await openNationalDataset();
try {
  const { deps } = ds;
  const app = createApp(deps);
  const round = (await sql<{ id: number; title: string }>`
    select r.id, r.title from rounds r join programmes p on p.id = r.programme_id where p.code like 'odloc%' and r.state = 'open' order by r.fiscal_year desc limit 1`.execute(deps.db)).rows[0]!;
  const states = (await sql<{ state: string; n: number }>`select state, count(*)::int as n from submissions where round_id = ${round.id} group by 1 order by 1`.execute(deps.db)).rows;
  // Other work on the machine skews every figure: the load average is printed with them.
  console.log(`${ds.machine}; load average ${os.loadavg().map((l) => l.toFixed(1)).join(' ')}\nround ${round.id} ${round.title}: ${JSON.stringify(states)}; dataset ${JSON.stringify(ds.counts)}`);

  const base = `/public/rounds/${round.id}/respondents`;
  const cases: [string, string, Record<string, string>?][] = [
    ['list, nation, page 1', base],
    ['list, province 30 (นครราชสีมา)', `${base}?province=30`],
    ['list, name search "บ้าน" (nation)', `${base}?q=${encodeURIComponent('บ้าน')}`],
    ['list, nation, page 10', `${base}?page=10`],
    ['index of rounds', '/public/rounds'],
  ];
  const etag = (await app.request(base)).headers.get('etag')!;
  cases.push(['list, nation, revalidation (304)', base, { 'if-none-match': etag }]);
  for (const [name, path, headers] of cases) {
    const once = async () => {
      const start = performance.now();
      const res = await app.request(path, { headers: { 'accept-encoding': 'gzip', ...headers } });
      const bytes = (await res.arrayBuffer()).byteLength;
      if (res.status !== (headers ? 304 : 200)) throw new Error(`${path}: ${res.status}`);
      return { ms: performance.now() - start, bytes };
    };
    for (let i = 0; i < 10; i++) await once();
    const ms: number[] = [];
    let bytes = 0;
    for (let i = 0; i < requests; i++) {
      const r = await once();
      ms.push(r.ms);
      bytes = r.bytes;
    }
    const s = stats(ms);
    console.log(`${name.padEnd(40)} p50 ${s.p50.toFixed(1)} ms  p95 ${s.p95.toFixed(1)} ms  max ${s.max.toFixed(1)} ms  ${(bytes / 1024).toFixed(1)} KB gzip`);
  }

  // The header count: one person with 20 unread and 2,000 read among 200,000 notifications of 10,000 others.
  await sql`insert into "user" (id, name, email, "emailVerified", "createdAt", "updatedAt") select 'bench-n-' || g, 'ผู้ใช้ ' || g, 'n' || g || '@bench.example', true, now(), now() from generate_series(0, 10000) g`.execute(deps.db);
  await sql`insert into notifications (user_id, kind, title, body, read_at) select 'bench-n-' || (g % 10000 + 1), 'reminder', 'เตือน', 'ทดสอบ', case when g % 3 = 0 then null else now() end from generate_series(1, 200000) g`.execute(deps.db);
  await sql`insert into notifications (user_id, kind, title, body, read_at) select 'bench-n-0', 'reminder', 'เตือน', 'ทดสอบ', case when g <= 20 then null else now() end from generate_series(1, 2020) g`.execute(deps.db);
  await sql`analyze notifications`.execute(deps.db);
  const ms: number[] = [];
  for (let i = 0; i < 10; i++) await countUnreadNotifications(deps.db, 'bench-n-0');
  for (let i = 0; i < requests * 5; i++) {
    const start = performance.now();
    const n = await countUnreadNotifications(deps.db, 'bench-n-0');
    ms.push(performance.now() - start);
    if (n !== 20) throw new Error(`unread ${n}`);
  }
  const s = stats(ms);
  const plan = (await sql<{ 'QUERY PLAN': string }>`explain select count(*) from notifications where user_id = 'bench-n-0' and read_at is null`.execute(deps.db)).rows.map((r) => r['QUERY PLAN']).join(' / ');
  console.log(`${'unread count (header), query'.padEnd(40)} p50 ${s.p50.toFixed(2)} ms  p95 ${s.p95.toFixed(2)} ms  max ${s.max.toFixed(2)} ms\n  plan: ${plan}`);
  console.log(`load average at the end ${os.loadavg().map((l) => l.toFixed(1)).join(' ')}`);
} finally {
  await ds.close();
}
