import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, test } from 'node:test';
import ExcelJS from 'exceljs';
import { sql } from 'kysely';
import { FixedClock } from '../src/clock.ts';
import { importRegister } from '../src/services/register/import-register.ts';
import { createTestDatabase, type TestDatabase } from './support/test-db.ts';

// A register over the years: the clean file, the same file again, next year's file, a unit coming back, XLSX.
// The tests run in order on one database; each starts from where the previous left it.
const fixtures = path.resolve(import.meta.dirname, 'fixtures/register');
const read = (name: string) => fs.readFileSync(path.join(fixtures, name));
const clock = new FixedClock(new Date('2024-10-01T02:00:00Z'));

let t: TestDatabase;
before(async () => {
  t = await createTestDatabase();
});
after(async () => {
  await t.drop();
});

type Lao = { code: string; name_th: string; name_en: string | null; lao_type: string; province_code: string; district_code: string | null; valid_from: string; valid_to: string | null; parent_kind: string; parent_code: string; path_ok: boolean; updated_at: Date };
async function laos(): Promise<Map<string, Lao>> {
  const r = await sql<Lao>`select o.code, o.name_th, o.name_en, o.lao_type, o.province_code, o.district_code, o.valid_from, o.valid_to, o.updated_at,
      p.kind as parent_kind, p.code as parent_code, o.path = p.path || o.id || '/' as path_ok
    from org_units o join org_units p on p.id = o.parent_id where o.kind = 'lao'`.execute(t.db);
  return new Map(r.rows.map((l) => [l.code, l]));
}
const run = (fileName: string, bytes: Buffer, dryRun = false) => importRegister({ db: t.db, clock }, { fileName, bytes, dryRun, actorUserId: 'admin-1' });
const counts = (r: { added: number; updated: number; closed: number; reopened: number; unchanged: number; moved: number }) =>
  ({ added: r.added, updated: r.updated, closed: r.closed, reopened: r.reopened, unchanged: r.unchanged, moved: r.moved });

test('a dry run of the clean file reports what it would do and writes nothing', async () => {
  const report = await run('clean.csv', read('clean.csv'), true);
  assert.equal(report.status, 'done');
  assert.deepEqual(counts(report), { added: 12, updated: 0, closed: 0, reopened: 0, unchanged: 0, moved: 0 });
  assert.equal((await laos()).size, 0);
  const audits = await t.db.selectFrom('audit_events').select('id').where('entity_type', '=', 'register_import').execute();
  assert.equal(audits.length, 0);
});

test('the clean file imports: each LAO under the right parent, with its path, codes and dates as stored', async () => {
  const report = await run('clean.csv', read('clean.csv'));
  assert.equal(report.status, 'done');
  assert.deepEqual(counts(report), { added: 12, updated: 0, closed: 0, reopened: 0, unchanged: 0, moved: 0 });
  const l = await laos();
  assert.equal(l.size, 12);
  assert.ok([...l.values()].every((x) => x.path_ok && x.valid_to === null));
  assert.deepEqual([l.get('1100001')!.parent_kind, l.get('1100001')!.parent_code], ['province', '10']);
  assert.deepEqual([l.get('3200401')!.parent_kind, l.get('3200401')!.parent_code, l.get('3200401')!.lao_type], ['district', '2004', 'special']);
  assert.deepEqual([l.get('2220001')!.parent_kind, l.get('2220001')!.parent_code, l.get('2220001')!.district_code], ['province', '22', null]);
  assert.deepEqual([l.get('6220101')!.parent_kind, l.get('6220101')!.parent_code], ['district', '2201']);
  assert.ok(l.has('5220201') && !l.has('05220201'), 'the 8-digit code is stored as 7 digits');
  assert.equal(l.get('4220101')!.valid_from, '1935-01-01', 'a BE date is stored CE');
  assert.equal(l.get('6220101')!.valid_from, '2024-10-01', 'no date: valid from the import date (Bangkok)');
  const audit = await t.db.selectFrom('audit_events').selectAll().where('entity_type', '=', 'register_import').execute();
  assert.equal(audit.length, 1, 'one audit event per import, not one per LAO');
  assert.equal(audit[0]!.entity_id, String(report.importId));
  assert.equal(audit[0]!.actor_user_id, 'admin-1');
  assert.equal((audit[0]!.new_value as { added: number }).added, 12);
});

test('the same file again changes nothing, not even updated_at', async () => {
  const before = await laos();
  const report = await run('clean.csv', read('clean.csv'));
  assert.deepEqual(counts(report), { added: 0, updated: 0, closed: 0, reopened: 0, unchanged: 12, moved: 0 });
  const after = await laos();
  for (const [code, lao] of before) assert.equal(after.get(code)!.updated_at.getTime(), lao.updated_at.getTime(), code);
});

test('the clean file as XLSX is the same register: nothing changes', async () => {
  const text = read('clean.csv').toString('utf8').trim().split('\n').map((line) => line.split(','));
  const wb = new ExcelJS.Workbook();
  const sheet = wb.addWorksheet('ทะเบียน อปท.');
  for (const [i, cells] of text.entries()) {
    // Codes as numbers, as Excel keeps them when typed; the 8-digit code becomes 7 digits there too.
    sheet.addRow(i === 0 ? cells : cells.map((c, j) => (j === 0 && /^\d+$/.test(c) ? Number(c) : c)));
  }
  const report = await run('clean.xlsx', Buffer.from(await wb.xlsx.writeBuffer()));
  assert.equal(report.status, 'done', JSON.stringify(report.problems));
  assert.deepEqual(counts(report), { added: 0, updated: 0, closed: 0, reopened: 0, unchanged: 12, moved: 0 });
});

test('next year: renamed, retyped, new, dropped and moved LAOs', async () => {
  clock.set(new Date('2025-10-01T02:00:00Z'));
  const dry = await run('next-year.csv', read('next-year.csv'), true);
  assert.deepEqual(counts(dry), { added: 1, updated: 4, closed: 1, reopened: 0, unchanged: 7, moved: 1 });
  const report = await run('next-year.csv', read('next-year.csv'));
  assert.deepEqual(counts(report), counts(dry), 'the dry run predicted the import');
  const l = await laos();
  assert.deepEqual([l.get('5220101')!.name_th, l.get('5220101')!.lao_type], ['เทศบาลเมืองพลับพลา', 'town']);
  assert.deepEqual([l.get('6220102')!.name_th, l.get('6220102')!.lao_type], ['เทศบาลตำบลบางกะจะ', 'subdistrict']);
  assert.equal(l.get('6220201')!.name_th, 'องค์การบริหารส่วนตำบลตะปอนใหญ่');
  assert.equal(l.get('6220101')!.name_en, 'Khlong Narai SAO', 'no name_en column: English names kept');
  const moved = l.get('6220202')!;
  assert.deepEqual([moved.district_code, moved.parent_code, moved.path_ok], ['2210', '2210', true]);
  const added = l.get('6221001')!;
  assert.deepEqual([added.parent_code, added.valid_from, added.valid_to, added.path_ok], ['2210', '2025-10-01', null, true]);
  const closed = l.get('6220602')!;
  assert.equal(closed.valid_to, '2025-09-30', 'closed on the day before the import, kept for history');
  assert.equal(closed.name_th, 'องค์การบริหารส่วนตำบลหนองชิ่ม');
  const open = await sql<{ n: number }>`select count(*)::int as n from org_units where kind = 'lao' and valid_to is null`.execute(t.db);
  assert.equal(open.rows[0]!.n, 12);
});

test('a closed LAO listed again is reopened, not added twice', async () => {
  clock.set(new Date('2026-10-01T02:00:00Z'));
  const text = read('next-year.csv').toString('utf8') + '6220602,องค์การบริหารส่วนตำบลหนองชิ่ม,อบต.,22,2206,\n';
  const report = await run('reopen.csv', Buffer.from(text));
  assert.deepEqual(counts(report), { added: 0, updated: 0, closed: 0, reopened: 1, unchanged: 12, moved: 0 });
  const l = await laos();
  assert.deepEqual([l.get('6220602')!.valid_to, l.get('6220602')!.valid_from, l.get('6220602')!.path_ok], [null, '2024-10-01', true]);
  const audit = await t.db.selectFrom('audit_events').select('new_value').where('entity_id', '=', String(report.importId)).executeTakeFirstOrThrow();
  assert.deepEqual((audit.new_value as { reopenedCodes: string[] }).reopenedCodes, ['6220602']);
});

test('every import leaves a finished record with its counts; dry runs and rejected files too', async () => {
  const rows = await t.db.selectFrom('register_imports').selectAll().orderBy('id').execute();
  assert.ok(rows.length >= 7);
  for (const r of rows) {
    assert.equal(r.phase, 'finished');
    assert.ok(r.finished_at);
    assert.equal(r.processed_rows, r.total_rows);
  }
  const nextYear = rows.find((r) => r.file_name === 'next-year.csv' && r.mode === 'import')!;
  assert.deepEqual([nextYear.added, nextYear.updated, nextYear.closed, nextYear.moved, nextYear.unchanged, nextYear.as_of], [1, 4, 1, 1, 7, '2025-10-01']);
});
