import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { sql } from 'kysely';
import { createTestDatabase, type TestDatabase } from './support/test-db.ts';
import { loadReferenceData } from '../src/services/org/load-reference-data.ts';

let t: TestDatabase;
before(async () => {
  t = await createTestDatabase();
});
after(async () => {
  await t.drop();
});

test('the template holds 77 provinces and 928 districts with DOPA codes, each with its local office', async () => {
  const counts = await t.db.selectFrom('org_units').select(['kind', sql<number>`count(*)::int`.as('n')]).groupBy('kind').execute();
  const byKind = Object.fromEntries(counts.map((r) => [r.kind, r.n]));
  assert.equal(byKind.province, 77);
  assert.equal(byKind.district, 928);
  assert.equal(byKind.province_office, 77);
  assert.equal(byKind.district_office, 928);
  assert.equal(byKind.division, 77 * 7);
  assert.equal(byKind.country, 1);
});

test('every unit has a path through its parent', async () => {
  const bad = await sql<{ n: number }>`select count(*)::int as n from org_units o join org_units p on p.id = o.parent_id where o.path <> p.path || o.id || '/'`.execute(t.db);
  assert.equal(bad.rows[0]!.n, 0);
  const d = await t.db.selectFrom('org_units').select(['path']).where('kind', '=', 'district').where('code', '=', '2201').executeTakeFirstOrThrow();
  const p = await t.db.selectFrom('org_units').select(['path', 'name_th']).where('kind', '=', 'province').where('code', '=', '22').executeTakeFirstOrThrow();
  assert.equal(p.name_th, 'จันทบุรี');
  assert.ok(d.path.startsWith(p.path));
});

test('loading the reference data again changes nothing', async () => {
  const before = await t.db.selectFrom('org_units').select(sql<number>`count(*)::int`.as('n')).executeTakeFirstOrThrow();
  await loadReferenceData(t.db);
  const after = await t.db.selectFrom('org_units').select(sql<number>`count(*)::int`.as('n')).executeTakeFirstOrThrow();
  assert.equal(after.n, before.n);
});

test('Thai names sort in Thai dictionary order (ICU), leading vowels ignored', async () => {
  const rows = await sql<{ x: string }>`select x from unnest(array['ไก่','ขวด','กา','เกม','แกง','คน']::text[]) x order by x collate "th-TH-x-icu"`.execute(t.db);
  assert.deepEqual(rows.rows.map((r) => r.x), ['กา', 'เกม', 'แกง', 'ไก่', 'ขวด', 'คน']);
  const provinces = await t.db.selectFrom('org_units').select('name_th').where('kind', '=', 'province').orderBy('name_th').limit(3).execute();
  assert.deepEqual(provinces.map((p) => p.name_th), ['กระบี่', 'กรุงเทพมหานคร', 'กาญจนบุรี']);
});
