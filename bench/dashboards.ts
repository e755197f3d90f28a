// Benchmark: the progress dashboards on the national dataset (bench/support/national.ts: ~7,850 LAOs, three ODLOC
// years, this year's round open with ~30% submitted), as HTTP requests through createApp with a signed-in session:
// the national page (programme owner), the page of the biggest province (นครราชสีมา, its provincial office), and
// the respondent list (nation, and the province). Server time = app.request() to the last byte of the (gzip)
// body, sequential, after a warm-up. The LAOs get an executive and an officer each (their names and e-mail are on
// the list) and the open round's submissions an audit trail, so the list reads what it reads in service.
// Run: node --import tsx bench/dashboards.ts [requests=200]
import os from 'node:os';
import { performance } from 'node:perf_hooks';
import { sql } from 'kysely';
import type { Deps } from '../src/deps.ts';
import { findOrgUnitByAnyCode } from '../src/db/queries/org-units.ts';
import type { Role } from '../src/domain/access/roles.ts';
import { createAccount } from '../src/services/users/create-account.ts';
import { createApp } from '../src/web/app.ts';
import { Browser } from '../test/support/web.ts';
import { openNationalDataset } from './support/national.ts';

const requests = Number(process.argv[2] ?? 200);
const password = 'correct horse battery staple';

/** An executive and an officer for every LAO, and ten audited actions on each submission of the open ODLOC round. */
export async function addPeopleAndActivity(deps: Deps, roundId: number): Promise<void> {
  await sql`
    insert into "user" (id, name, email, "emailVerified", "createdAt", "updatedAt", "isActive")
    select 'bench-' || r.role || '-' || u.id, r.title || ' ' || u.name_th, r.role || '.' || u.code || '@lao.example', true, now(), now(), true
    from org_units u cross join (values ('lao_executive', 'นายก'), ('lao_officer', 'เจ้าหน้าที่')) as r(role, title) where u.kind = 'lao'`.execute(deps.db);
  await sql`
    insert into memberships (user_id, role, org_unit_id) select 'bench-' || r.role || '-' || u.id, r.role, u.id
    from org_units u cross join (values ('lao_executive'), ('lao_officer')) as r(role) where u.kind = 'lao'`.execute(deps.db);
  await sql`
    insert into audit_events (occurred_at, action, entity_type, entity_id)
    select s.updated_at - (g * interval '1 hour'), 'submission.value', 'submission', s.id::text
    from submissions s cross join generate_series(0, 9) g where s.round_id = ${roundId}`.execute(deps.db);
  await sql`analyze`.execute(deps.db);
}

export async function signInAs(deps: Deps, app: ReturnType<typeof createApp>, role: Role, unitCode: string): Promise<Browser> {
  const unit = await findOrgUnitByAnyCode(deps.db, unitCode);
  if (!unit) throw new Error(`no unit ${unitCode}`);
  const username = `bench.${role}.${unitCode}`;
  await createAccount(deps, { name: `ทดสอบ ${role}`, email: `${username}@bench.example`, username, password, role, orgUnitId: unit.id }, { actorUserId: null, ip: null, requestId: null });
  const browser = new Browser(app);
  const res = await browser.signIn(username, password);
  if (res.status !== 303) throw new Error(`sign-in of ${username}: ${res.status}`);
  return browser;
}

type Series = { name: string; p50: number; p95: number; max: number; bytes: number };

async function series(name: string, browser: Browser, path: string, n: number): Promise<Series> {
  const once = async () => {
    const start = performance.now();
    const res = await browser.get(path, { 'accept-encoding': 'gzip' });
    const body = new Uint8Array(await res.arrayBuffer());
    const ms = performance.now() - start;
    if (res.status !== 200) throw new Error(`${path}: ${res.status}`);
    return { ms, bytes: body.length };
  };
  for (let i = 0; i < Math.min(10, n); i++) await once();
  const ms: number[] = [];
  let bytes = 0;
  for (let i = 0; i < n; i++) ({ bytes } = await once().then((r) => (ms.push(r.ms), r)));
  ms.sort((a, b) => a - b);
  const at = (q: number) => ms[Math.min(ms.length - 1, Math.floor(q * ms.length))]!;
  return { name, p50: at(0.5), p95: at(0.95), max: ms[ms.length - 1]!, bytes };
}

if (process.argv[1]?.endsWith('dashboards.ts')) {
  const built = performance.now();
  const ds = await openNationalDataset();
  try {
    const round = await ds.deps.db.selectFrom('rounds').select('id').where('state', '=', 'open').where('fiscal_year', '>=', 2569).where('title', 'like', 'การประเมินมาตรฐานขั้นต่ำ%').executeTakeFirstOrThrow();
    await addPeopleAndActivity(ds.deps, round.id);
    console.log(`dataset ${JSON.stringify(ds.counts)} in ${((performance.now() - built) / 1000).toFixed(0)} s; ${ds.machine}`);
    const app = createApp(ds.deps);
    const owner = await signInAs(ds.deps, app, 'programme_admin', 'TH');
    const province = await signInAs(ds.deps, app, 'province_office', '30');
    const base = `/rounds/${round.id}/progress`;
    const results = [
      await series('national progress page (programme owner)', owner, base, requests),
      await series('province progress page, นครราชสีมา (provincial office)', province, base, requests),
      await series('national page, one LAO type (อบต.)', owner, `${base}?type=sao`, requests),
      await series('respondent list, nation, page 1 by name', owner, `${base}/respondents`, requests),
      await series('respondent list, nation, not sent, stalest first', owner, `${base}/respondents?state=not_submitted&sort=stale`, requests),
      await series('respondent list, นครราชสีมา', province, `${base}/respondents`, requests),
      await series('XLSX, นครราชสีมา (summary + 310 respondents)', province, `${base}.xlsx`, Math.min(requests, 20)),
      await series('XLSX, the nation (summary + 7,850 respondents)', owner, `${base}.xlsx`, Math.min(requests, 5)),
    ];
    console.log(`${requests} sequential requests each (XLSX: ${Math.min(requests, 20)} and ${Math.min(requests, 5)}) after 10 warm-up; gzip; server time in ms; load average ${os.loadavg().map((l) => l.toFixed(1)).join(' ')}`);
    for (const r of results) console.log(`${r.name.padEnd(58)} p50 ${r.p50.toFixed(1).padStart(6)}  p95 ${r.p95.toFixed(1).padStart(6)}  max ${r.max.toFixed(1).padStart(6)}  ${(r.bytes / 1024).toFixed(1)} KiB`);
  } finally {
    await ds.close();
  }
}
