// Benchmark: the picture of a round on the national dataset (bench/support/national.ts: ~7,850 LAOs, ODLOC 2567 and
// 2568 published, this year's ODLOC round open with ~30 % sent). Server time of GET /rounds/:id/picture through
// app.request() (routing, session, queries, charts, HTML, gzip), p50/p95 over N requests after the first:
//   - ODLOC 2568 (published) for the nation (an owner) and a province (its provincial office);
//   - the open round, live: unchanged between requests (the fingerprint check, then the kept picture), and with a
//     submission changed before every request (everything recounted and redrawn);
//   - the public picture of 2568.
// Then the open data of 2568 (CSV, JSON, XLSX): build time, size and peak memory, streamed to nowhere.
// Run: node --import tsx bench/national-picture.ts [requests=30]
import { performance } from 'node:perf_hooks';
import { sql } from 'kysely';
import { loadOpenData } from '../src/services/national-picture/open-data.ts';
import { openDataCsv, openDataJson, openDataXlsx } from '../src/services/national-picture/open-data-files.ts';
import { createApp } from '../src/web/app.ts';
import { createUserWithRole } from '../test/support/factories.ts';
import { Browser } from '../test/support/web.ts';
import { openNationalDataset } from './support/national.ts';
import { pageSeries } from './support/page-series.ts';

const requests = Number(process.argv[2] ?? 30);
const started = performance.now();
const ds = await openNationalDataset();
const { deps } = ds;
console.log(`dataset ready in ${((performance.now() - started) / 1000).toFixed(0)} s: ${JSON.stringify(ds.counts)}`);
console.log(ds.machine);


try {
  const app = createApp(deps);
  const owner = await createUserWithRole(deps, 'programme_admin', 'TH', { username: 'bench.owner' });
  const province = await createUserWithRole(deps, 'province_office', '22', { username: 'bench.province' });
  const asOwner = new Browser(app);
  const asProvince = new Browser(app);
  await asOwner.signIn(owner.username, owner.password);
  await asProvince.signIn(province.username, province.password);
  const anonymous = new Browser(app);
  const odloc = await deps.db.selectFrom('rounds').innerJoin('programmes', 'programmes.id', 'rounds.programme_id')
    .select(['rounds.id', 'rounds.fiscal_year', 'rounds.state']).where('programmes.code', '=', 'odloc-minimum-standards').execute();
  const published = odloc.find((r) => r.fiscal_year === 2568)!.id;
  const open = odloc.find((r) => r.state === 'open')!.id;
  const someSubmission = (await deps.db.selectFrom('submissions').select('id').where('round_id', '=', open).where('state', '=', 'submitted').executeTakeFirstOrThrow()).id;

  // A sent submission accepted or returned has its version raised: the live picture must be recounted.
  const change = async () => {
    await sql`update submissions set version = version + 1, updated_at = now() where id = ${someSubmission}`.execute(deps.db);
  };

  console.log(`\nGET /rounds/:id/picture (${requests} requests after the first)`);
  await pageSeries('ODLOC 2568 published, nation (owner)', asOwner, `/rounds/${published}/picture`, { requests });
  await pageSeries('ODLOC 2568 published, province 22 (office)', asProvince, `/rounds/${published}/picture`, { requests });
  await pageSeries('ODLOC 2568 published, nation, map by pass rate', asOwner, `/rounds/${published}/picture?measure=pass`, { requests });
  await pageSeries('open round, nation, unchanged (live)', asOwner, `/rounds/${open}/picture`, { requests });
  await pageSeries('open round, province 22, unchanged (live)', asProvince, `/rounds/${open}/picture`, { requests });
  await pageSeries('open round, nation, changed before each', asOwner, `/rounds/${open}/picture`, { requests, before: change });
  await pageSeries('open round, province 22, changed before each', asProvince, `/rounds/${open}/picture`, { requests, before: change });
  await pageSeries('public picture of ODLOC 2568', anonymous, `/public/rounds/${published}/picture`, { requests });

  console.log('\nopen data of ODLOC 2568 (streamed, read to the end)');
  for (const [name, make] of [['CSV', openDataCsv], ['JSON', openDataJson], ['XLSX', openDataXlsx]] as const) {
    global.gc?.();
    const base = process.memoryUsage().rss;
    let peak = base;
    const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 10);
    const t0 = performance.now();
    const source = await loadOpenData(deps, published);
    let bytes = 0;
    const reader = make(deps, source).getReader();
    for (let r = await reader.read(); !r.done; r = await reader.read()) bytes += r.value.length;
    const ms = performance.now() - t0;
    clearInterval(sampler);
    peak = Math.max(peak, process.memoryUsage().rss);
    console.log(`${name.padEnd(5)} ${(ms / 1000).toFixed(1).padStart(5)} s   ${(bytes / 2 ** 20).toFixed(1).padStart(5)} MiB   peak RSS +${((peak - base) / 2 ** 20).toFixed(0)} MiB over ${(base / 2 ** 20).toFixed(0)} MiB   (${source.respondents.length} respondents)`);
  }
  const t0 = performance.now();
  const res = await anonymous.get(`/public/rounds/${published}/data.csv`, { 'accept-encoding': 'gzip' });
  const wire = Buffer.from(await res.arrayBuffer()).length;
  console.log(`CSV over HTTP with gzip: ${(wire / 2 ** 20).toFixed(1)} MiB on the wire in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
} finally {
  await ds.close();
}
