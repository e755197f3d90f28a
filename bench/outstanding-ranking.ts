// Benchmark: the outstanding-office rankings (seed 004) on the national dataset (bench/support/national.ts, seeded
// as `npm start` seeds the demo: the provincial round open with two in three of the 66 other provinces sent, the
// district round of province 22). Server time of GET /rounds/:id/ranking (DLA's ranking of provinces with every
// score's reasons) and of a province's district ranking through app.request() (routing, session, queries, HTML,
// gzip), p50/p95 over N requests after the first; then the report once as PDF (Chromium) and DOCX: time, size, pages.
// It fails unless at least 20 provinces are ranked. Run: node --import tsx bench/outstanding-ranking.ts [requests=30]
import fs from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { closeDocumentBrowser, configureDocumentBrowser } from '../src/documents/index.ts';
import { createApp } from '../src/web/app.ts';
import { readPdf } from '../test/documents/read-back.ts';
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
configureDocumentBrowser({ chromiumPath: process.env.CHROMIUM_PATH || undefined });


try {
  const app = createApp(deps);
  const owner = new Browser(app);
  const office = new Browser(app);
  const ownerUser = await createUserWithRole(deps, 'programme_admin', 'TH', { username: 'bench.owner' });
  const officeUser = await createUserWithRole(deps, 'province_office', '22', { username: 'bench.province' });
  await owner.signIn(ownerUser.username, ownerUser.password);
  await office.signIn(officeUser.username, officeUser.password);
  const round = async (code: string) => (await deps.db.selectFrom('rounds').innerJoin('programmes', 'programmes.id', 'rounds.programme_id')
    .select('rounds.id').where('programmes.code', '=', code).where('rounds.state', '=', 'open').executeTakeFirstOrThrow()).id;
  const provinceRound = await round('dla-outstanding-province-office');
  const districtRound = await round('dla-outstanding-district-office');
  const sent = await deps.db.selectFrom('submissions').select((eb) => eb.fn.countAll<number>().as('n')).where('round_id', '=', provinceRound).where('state', 'in', ['submitted', 'accepted']).executeTakeFirstOrThrow();
  console.log(`\nprovincial round ${provinceRound}: ${sent.n} provinces sent`);
  if (Number(sent.n) < 20) throw new Error('fewer than 20 provinces sent: the ranking would not be real');

  console.log(`\nGET (${requests} requests after the first)`);
  const html = await pageSeries('ranking of provinces (owner)', owner, `/rounds/${provinceRound}/ranking`, { requests, width: 40 });
  const ranked = (html.match(/<details class="ranking-reasons"/g) ?? []).length;
  console.log(`  ${ranked} provinces ranked on the page, each with its reasons`);
  if (ranked < 20) throw new Error(`only ${ranked} provinces ranked on the page`);
  await pageSeries('district ranking of province 22 (office)', office, `/rounds/${districtRound}/provinces/22/district-ranking`, { requests, width: 40 });

  const outDir = path.resolve('.tmp/documents');
  fs.mkdirSync(outDir, { recursive: true });
  for (const format of ['pdf', 'docx'] as const) {
    for (const run of ['first (browser start)', 'second']) {
      if (format === 'docx' && run !== 'second') continue;
      const t0 = performance.now();
      const res = await owner.get(`/rounds/${provinceRound}/ranking?format=${format}`);
      const bytes = Buffer.from(await res.arrayBuffer());
      const ms = performance.now() - t0;
      const pages = format === 'pdf' ? `, ${(await readPdf(bytes)).length} pages` : '';
      console.log(`report ${format.toUpperCase()} ${run.padEnd(22)} ${ms.toFixed(0).padStart(6)} ms   ${(bytes.length / 1024).toFixed(0)} KiB${pages}`);
      fs.writeFileSync(path.join(outDir, `ranking-demo.${format}`), bytes);
    }
  }
} finally {
  await closeDocumentBrowser();
  await ds.close();
}
