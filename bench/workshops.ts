// Benchmark: a nationwide workshop (issue 7, seed 001) on the national dataset (bench/support/national.ts: ~7,850
// LAOs), with two attendees registered for every LAO (~15,700 rows, inserted in bulk), timed through the use cases
// the pages call: a registration (the write path: per-LAO lock, duplicate check, insert, audit), the workshop page
// for the owner (counts per province) and for an LAO officer (their attendees), the home page's announcements for an
// LAO officer, and the owners' export as XLSX and CSV (whole file built in memory). Sequential, after a warm-up.
// Run: node --import tsx bench/workshops.ts [requests=100]
import os from 'node:os';
import { performance } from 'node:perf_hooks';
import { sql } from 'kysely';
import { loadActor } from '../src/services/access/load-actor.ts';
import { createAccount } from '../src/services/users/create-account.ts';
import { createWorkshop } from '../src/services/workshops/create-workshop.ts';
import { attendeesCsv, attendeesWorkbook, loadAttendeeExport } from '../src/services/workshops/export-attendees.ts';
import { listWorkshopsFor, loadWorkshopPage } from '../src/services/workshops/load-workshop-page.ts';
import { registerAttendee } from '../src/services/workshops/register-attendee.ts';
import { removeAttendee } from '../src/services/workshops/remove-attendee.ts';
import { openNationalDataset } from './support/national.ts';

const requests = Number(process.argv[2] ?? 100);
const stats = (ms: number[]) => {
  const s = [...ms].sort((a, b) => a - b);
  const at = (q: number) => s[Math.min(s.length - 1, Math.floor(q * s.length))]!;
  return { p50: at(0.5), p95: at(0.95), max: s[s.length - 1]! };
};
const time = async (name: string, n: number, run: (i: number) => Promise<unknown>) => {
  for (let i = 0; i < Math.min(5, n); i++) await run(-1 - i);
  const ms: number[] = [];
  for (let i = 0; i < n; i++) {
    const start = performance.now();
    await run(i);
    ms.push(performance.now() - start);
  }
  const s = stats(ms);
  console.log(`${name.padEnd(44)} p50 ${s.p50.toFixed(1)} ms  p95 ${s.p95.toFixed(1)} ms  max ${s.max.toFixed(1)} ms  (n=${n})`);
};

const ds = await openNationalDataset();
try {
  const { deps } = ds;
  const meta = { actorUserId: null, ip: null, requestId: 'bench' };
  console.log(`${ds.machine}; load average ${os.loadavg().map((l) => l.toFixed(1)).join(' ')}; dataset ${JSON.stringify(ds.counts)}`);
  const lao = (await sql<{ id: number; code: string }>`select id, code from org_units where kind = 'lao' and province_code = '30' order by code limit 1`.execute(deps.db)).rows[0]!;
  const country = (await sql<{ id: number }>`select id from org_units where kind = 'country'`.execute(deps.db)).rows[0]!;
  const ownerId = await createAccount(deps, { name: 'เจ้าของโครงการ', email: 'owner@bench.example', username: 'bench.owner', password: 'correct horse battery staple', role: 'programme_admin', orgUnitId: country.id }, meta);
  const officerId = await createAccount(deps, { name: 'เจ้าหน้าที่', email: 'officer@bench.example', username: 'bench.officer', password: 'correct horse battery staple', role: 'lao_officer', orgUnitId: lao.id }, meta);
  const owner = (await loadActor(deps.db, ownerId))!;
  const officer = (await loadActor(deps.db, officerId))!;
  const programme = (await sql<{ id: number }>`select id from programmes where code = 'odloc-minimum-standards'`.execute(deps.db)).rows[0]!;
  const now = deps.clock.now().getTime();
  const day = 86_400_000;
  const made = await createWorkshop(deps, owner, {
    programmeId: programme.id, title: 'ประชุมเชิงปฏิบัติการชี้แจงแนวทางการประเมินมาตรฐานขั้นต่ำ (ทดสอบ)', startsAt: new Date(now + 20 * day), endsAt: new Date(now + 20 * day + 7 * 3600_000),
    onlineUrl: 'https://example.webex.com/meet/bench', place: null, laoTypes: null, provinceCodes: null, registrationClosesAt: new Date(now + 15 * day), maxAttendeesPerLao: 5, description: '',
  }, meta);
  if (!made.ok) throw new Error(JSON.stringify(made.errors));
  const id = made.workshopId;
  await sql`insert into workshop_attendees (workshop_id, org_unit_id, name, name_key, position, phone, email)
    select ${id}, u.id, 'ผู้เข้าร่วม ' || u.code || '-' || g, 'p' || u.code || '-' || g, 'นักวิเคราะห์นโยบายและแผน', '081-234-5678', 'p' || g || '.' || u.code || '@bench.example'
    from org_units u cross join generate_series(1, 2) g where u.kind = 'lao' and u.id <> ${lao.id}`.execute(deps.db);
  await sql`analyze workshop_attendees`.execute(deps.db);
  const rows = (await sql<{ n: number }>`select count(*)::int as n from workshop_attendees where workshop_id = ${id}`.execute(deps.db)).rows[0]!.n;
  console.log(`workshop ${id}: ${rows.toLocaleString()} attendees`);

  await time('register one attendee (and remove it again)', requests, async () => {
    const r = await registerAttendee(deps, officer, { workshopId: id, orgUnitId: lao.id, raw: { name: 'นางสาวทดสอบ ระบบ', position: 'ปลัด', phone: '0812345678', email: '' } }, meta);
    if (!r.ok) throw new Error(JSON.stringify(r.errors));
    await removeAttendee(deps, officer, { workshopId: id, attendeeId: r.attendeeId }, meta);
  });
  await time('workshop page model, owner (nation counts)', requests, () => loadWorkshopPage(deps, owner, id));
  await time('workshop page model, LAO officer', requests, () => loadWorkshopPage(deps, officer, id));
  await time('home announcements, LAO officer', requests, () => listWorkshopsFor(deps, officer, { upcomingOnly: true }));
  let xlsxBytes = 0;
  let csvBytes = 0;
  await time('export XLSX (load + build)', 5, async () => { xlsxBytes = (await attendeesWorkbook(await loadAttendeeExport(deps, owner, id), deps.clock.now())).length; });
  await time('export CSV (load + build)', 10, async () => { csvBytes = Buffer.byteLength(attendeesCsv(await loadAttendeeExport(deps, owner, id))); });
  console.log(`files: XLSX ${(xlsxBytes / 1024).toFixed(0)} KB, CSV ${(csvBytes / 1024).toFixed(0)} KB; rss ${(process.memoryUsage().rss / 2 ** 20).toFixed(0)} MB`);
  console.log(`load average at the end ${os.loadavg().map((l) => l.toFixed(1)).join(' ')}`);
} finally {
  await ds.close();
}
