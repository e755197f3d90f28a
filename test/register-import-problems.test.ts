import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { sql } from 'kysely';
import { FixedClock } from '../src/clock.ts';
import { importRegister } from '../src/services/register/import-register.ts';
import { createTestDatabase, type TestDatabase } from './support/test-db.ts';

// A file with problems: every problem reported in Thai, with its row and column; nothing imported, dry run or not.
const fixtures = path.resolve(import.meta.dirname, 'fixtures/register');
const read = (name: string) => fs.readFileSync(path.join(fixtures, name));
const clock = new FixedClock(new Date('2025-10-01T03:00:00Z'));

let t: TestDatabase;
before(async () => {
  t = await createTestDatabase();
});
after(async () => {
  await t.drop();
});

const laoCount = async () => (await sql<{ n: number }>`select count(*)::int as n from org_units where kind = 'lao'`.execute(t.db)).rows[0]!.n;
const thai = /[\u0E00-\u0E7F]/;

const expected: [row: number, column: string, code: string][] = [
  [3, 'code', 'duplicate_code'],
  [4, 'district_code', 'district_unknown'],
  [5, 'district_code', 'district_not_in_province'],
  [6, 'name_th', 'name_empty'],
  [7, 'lao_type', 'type_unknown'],
  [8, 'name_en', 'cell_too_long'],
  [9, 'code', 'code_has_space'],
  [10, 'code', 'code_empty'],
  [11, 'valid_from', 'date_invalid'],
  [12, 'province_code', 'province_invalid'],
  [13, 'district_code', 'district_required'],
  [14, 'province_code', 'province_unknown'],
];

for (const dryRun of [true, false]) {
  test(`the bad-rows file (${dryRun ? 'dry run' : 'real run'}): one Thai problem per bad row, with row and column; nothing imported`, async () => {
    const report = await importRegister({ db: t.db, clock }, { fileName: 'bad-rows.csv', bytes: read('bad-rows.csv'), dryRun, actorUserId: 'u1' });
    assert.equal(report.status, 'rejected');
    assert.equal(report.dryRun, dryRun);
    assert.equal(report.totalRows, 13);
    assert.deepEqual(report.problems.map((p) => [p.row, p.column, (p as { code?: string }).code]), expected);
    for (const p of report.problems) assert.match(p.message, thai, p.message);
    assert.deepEqual([report.added, report.updated, report.closed, report.reopened, report.unchanged], [0, 0, 0, 0, 0]);
    assert.equal(await laoCount(), 0);
    const stored = await t.db.selectFrom('register_imports').selectAll().where('id', '=', report.importId).executeTakeFirstOrThrow();
    assert.equal(stored.status, 'rejected');
    assert.equal(stored.mode, dryRun ? 'dry_run' : 'import');
    assert.equal(stored.problem_count, expected.length);
    assert.equal((stored.problems as unknown[]).length, expected.length);
    assert.equal(stored.started_by, 'u1');
  });
}

test('the problems name what is wrong and what to do', async () => {
  const report = await importRegister({ db: t.db, clock }, { fileName: 'bad-rows.csv', bytes: read('bad-rows.csv'), dryRun: true, actorUserId: null });
  const byRow = new Map(report.problems.map((p) => [p.row, p.message]));
  assert.match(byRow.get(3)!, /รหัส อปท\. 6220101 ซ้ำกับแถว 2/);
  assert.match(byRow.get(4)!, /ไม่พบอำเภอรหัส 2299/);
  assert.match(byRow.get(5)!, /อำเภอ 2004 \(บางละมุง\) ไม่ได้อยู่ในจังหวัดรหัส 22/);
  assert.match(byRow.get(6)!, /ไม่มีชื่อ อปท\./);
  assert.match(byRow.get(7)!, /ไม่รู้จักประเภท "อบก\."/);
  assert.match(byRow.get(8)!, /ยาว 1,200 ตัวอักษร เกิน 1,000/);
});

test('a missing required column is reported against the header row', async () => {
  const report = await importRegister({ db: t.db, clock }, { fileName: 'missing-column.csv', bytes: read('missing-column.csv'), dryRun: true, actorUserId: null });
  assert.equal(report.status, 'rejected');
  assert.deepEqual(report.problems.map((p) => [p.row, p.column]), [[1, 'district_code']]);
  assert.match(report.problems[0]!.message, /ไม่พบคอลัมน์ รหัสอำเภอ \(district_code\)/);
});

test('an .xlsx that is really a text file is refused for the whole file', async () => {
  const report = await importRegister({ db: t.db, clock }, { fileName: 'not-really.xlsx', bytes: read('not-really.xlsx'), dryRun: false, actorUserId: null });
  assert.equal(report.status, 'rejected');
  assert.deepEqual(report.problems.map((p) => [p.row, p.column]), [[0, null]]);
  assert.match(report.problems[0]!.message, /ไม่ใช่ไฟล์ Excel/);
  assert.equal(await laoCount(), 0);
});

test('binary content or another encoding behind a .csv name is refused', async () => {
  for (const bytes of [Buffer.from([0x63, 0x6f, 0x00, 0x64]), Buffer.from([0x63, 0x2c, 0xaa, 0xd7, 0x0a])]) {
    const report = await importRegister({ db: t.db, clock }, { fileName: 'r.csv', bytes, dryRun: true, actorUserId: null });
    assert.equal(report.status, 'rejected');
    assert.equal(report.problems.length, 1);
  }
});

test('a file of more than 20,000 rows is refused without checking every row', async () => {
  const many = 'code,name_th,lao_type,province_code,district_code\n' + Array.from({ length: 20_001 }, (_, i) => `${i},ก,อบต.,22,2201`).join('\n');
  const report = await importRegister({ db: t.db, clock }, { fileName: 'many.csv', bytes: Buffer.from(many), dryRun: true, actorUserId: null });
  assert.equal(report.status, 'rejected');
  assert.match(report.problems[0]!.message, /เกิน 20,000 แถว/);
});
