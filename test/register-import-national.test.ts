import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { sql } from 'kysely';
import { FixedClock } from '../src/clock.ts';
import { countLaosByType, findCountry } from '../src/db/queries/org-units.ts';
import { generateRegisterCsv } from '../src/services/register/generate-register.ts';
import { importRegister, type ImportPhase } from '../src/services/register/import-register.ts';
import { createTestDatabase, type TestDatabase } from './support/test-db.ts';

// The generated national register (~7,850 LAOs) through the real import path. Timing is measured by
// bench/register-import.ts, not asserted here.
const clock = new FixedClock(new Date('2025-10-01T02:00:00Z'));
const csv = Buffer.from(generateRegisterCsv(), 'utf8');

let t: TestDatabase;
before(async () => {
  t = await createTestDatabase();
});
after(async () => {
  await t.drop();
});

test('the national register imports: counts by type, every path through its parent, one audit row', async () => {
  const progress: { done: number; total: number; phase: ImportPhase }[] = [];
  const seenFromOutside: Promise<{ phase: string; processed_rows: number } | undefined>[] = [];
  const report = await importRegister({ db: t.db, clock }, {
    fileName: 'generated-register.csv',
    bytes: csv,
    dryRun: false,
    actorUserId: null,
    onProgress: (done, total, phase) => {
      progress.push({ done, total, phase });
      // Another connection reads the progress while the import's transaction is still open.
      seenFromOutside.push(t.db.selectFrom('register_imports').select(['phase', 'processed_rows']).where('status', '=', 'running').executeTakeFirst());
    },
  });
  assert.equal(report.status, 'done', JSON.stringify(report.problems.slice(0, 5)));
  assert.equal(report.totalRows, 7852);
  assert.deepEqual([report.added, report.updated, report.closed, report.reopened, report.unchanged], [7852, 0, 0, 0, 0]);

  const country = (await findCountry(t.db))!;
  const byType = Object.fromEntries((await countLaosByType(t.db, country.path)).map((r) => [r.laoType, r.count]));
  assert.deepEqual(byType, { pao: 76, city: 30, town: 190, subdistrict: 2242, sao: 5312, special: 2 });

  const wrongPath = await sql<{ n: number }>`select count(*)::int as n from org_units o join org_units p on p.id = o.parent_id
    where o.kind = 'lao' and o.path <> p.path || o.id || '/'`.execute(t.db);
  assert.equal(wrongPath.rows[0]!.n, 0);
  const parents = await sql<{ kind: string; lao_type: string; n: number }>`select p.kind, o.lao_type, count(*)::int as n from org_units o
    join org_units p on p.id = o.parent_id where o.kind = 'lao' group by 1, 2 order by 1, 2`.execute(t.db);
  assert.deepEqual(parents.rows.map((r) => `${r.kind}:${r.lao_type}:${r.n}`), [
    'district:city:30', 'district:sao:5312', 'district:special:1', 'district:subdistrict:2242', 'district:town:190', 'province:pao:76', 'province:special:1',
  ]);
  const wrongDistrict = await sql<{ n: number }>`select count(*)::int as n from org_units o join org_units p on p.id = o.parent_id
    where o.kind = 'lao' and p.kind = 'district' and p.code <> o.district_code`.execute(t.db);
  assert.equal(wrongDistrict.rows[0]!.n, 0);
  const notGenerated = await sql<{ n: number }>`select count(*)::int as n from org_units where kind = 'lao' and not generated`.execute(t.db);
  assert.equal(notGenerated.rows[0]!.n, 0, 'the generated register is labelled generated in the tree');

  const audits = await t.db.selectFrom('audit_events').selectAll().where('entity_type', '=', 'register_import').execute();
  assert.equal(audits.length, 1);
  assert.equal((audits[0]!.new_value as { added: number }).added, 7852);

  // Progress: checked every 500 rows, then written in chunks, each visible to other connections as it went.
  assert.ok(progress.filter((p) => p.phase === 'checking').length >= 15);
  assert.ok(progress.filter((p) => p.phase === 'writing').length >= 8);
  assert.ok(progress.every((p) => p.total === 7852 && p.done <= p.total));
  const outside = (await Promise.all(seenFromOutside)).filter((r) => r !== undefined);
  assert.ok(outside.some((r) => r.phase === 'writing' && r.processed_rows > 0 && r.processed_rows < 7852), JSON.stringify(outside));
  const record = await t.db.selectFrom('register_imports').selectAll().where('id', '=', report.importId).executeTakeFirstOrThrow();
  assert.deepEqual([record.status, record.phase, record.total_rows, record.processed_rows, record.added], ['done', 'finished', 7852, 7852, 7852]);
});

test('re-importing the national register changes nothing', async () => {
  const before = await sql<{ max: Date; n: number }>`select max(updated_at) as max, count(*)::int as n from org_units where kind = 'lao'`.execute(t.db);
  const report = await importRegister({ db: t.db, clock }, { fileName: 'generated-register.csv', bytes: csv, dryRun: false, actorUserId: null });
  assert.deepEqual([report.added, report.updated, report.closed, report.reopened, report.unchanged], [0, 0, 0, 0, 7852]);
  const after = await sql<{ max: Date; n: number }>`select max(updated_at) as max, count(*)::int as n from org_units where kind = 'lao'`.execute(t.db);
  assert.deepEqual(after.rows[0], before.rows[0]);
});

test('a dry run of the national register with a few changes counts them and writes nothing', async () => {
  const lines = csv.toString('utf8').split('\r\n');
  const edited = [lines[0], ...lines.slice(2, -1).map((l, i) => (i === 0 ? l.replace('องค์การบริหารส่วนจังหวัด', 'อบจ.') : l))].join('\r\n');
  const report = await importRegister({ db: t.db, clock }, { fileName: 'edited.csv', bytes: Buffer.from(edited), dryRun: true, actorUserId: null });
  assert.deepEqual([report.status, report.added, report.updated, report.closed, report.unchanged], ['done', 0, 1, 1, 7850]);
  const open = await sql<{ n: number }>`select count(*)::int as n from org_units where kind = 'lao' and valid_to is null`.execute(t.db);
  assert.equal(open.rows[0]!.n, 7852);
});
