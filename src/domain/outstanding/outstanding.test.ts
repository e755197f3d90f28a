import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import type { Actor, MembershipReach } from '../access/actor.ts';
import { readFrameworkFile } from '../framework/read-framework-file.ts';
import type { Indicator } from '../framework/framework-schema.ts';
import { divisionScope, divisionWork, internalDueOf, timeliness } from './division-scope.ts';
import { levelBandWords, rankByTotal, thresholdsWords } from './ranking.ts';

// The rules of the outstanding-office selection (seed 004), on the shipped 2567 provincial framework.

const file = path.resolve(import.meta.dirname, '../../../frameworks/dla-outstanding-province-office-2567.yaml');
const loaded = await readFrameworkFile(fs.readFileSync(file));
if (!loaded.ok) throw new Error(JSON.stringify(loaded.problems.slice(0, 3)));
const doc = loaded.doc;
const office = { path: '/1/22/300/', kind: 'province_office', code: 'PO22' };
const member = (over: Partial<MembershipReach>): MembershipReach => ({ id: 1, role: 'province_office', unitId: 22, unitCode: '22', unitKind: 'province', unitPath: '/1/22/', unitNameTh: 'จันทบุรี', officeUnitId: null, ...over });
const actor = (...memberships: MembershipReach[]): Actor => ({ userId: 'u', username: null, name: 'n', email: 'e', twoFactorEnabled: false, memberships });

test('each division owns the indicators the framework names, and every field they read', () => {
  const fin = divisionWork(doc).find((w) => w.key === 'FIN')!;
  assert.deepEqual(fin.indicators.map((i) => i.code), ['P08', 'P09', 'P11']);
  assert.deepEqual([...fin.fields].sort(), ['ic_report_level', 'innovation_level', 'ita_laos_passed', 'lao_total']);
  assert.equal(divisionWork(doc).length, 7, 'all seven divisions own something (P08 is everyone\u2019s)');
});

test('a division officer is limited to their division; the office\u2019s own staff and other offices are not', () => {
  const fin = divisionScope(actor(member({ officeUnitId: 9, officeUnitCode: 'PO22-FIN', officeUnitKind: 'division' })), office, doc);
  assert.deepEqual(fin?.divisions, ['FIN']);
  assert.ok(fin?.fields.has('ita_laos_passed') && !fin.fields.has('complaints'));
  assert.equal(divisionScope(actor(member({})), office, doc), null, 'the office as a whole');
  assert.equal(divisionScope(actor(member({ officeUnitCode: 'PO22-FIN', officeUnitKind: 'division' }), member({ id: 2 })), office, doc), null, 'a division officer who is also office staff');
  const elsewhere = divisionScope(actor(member({ officeUnitCode: 'PO20-FIN', officeUnitKind: 'division' })), office, doc);
  assert.deepEqual([elsewhere?.divisions, elsewhere?.fields.size], [[], 0], 'another office\u2019s division changes nothing here');
});

test('the internal date: the province\u2019s own earliest, else the one for every province; on time, late, overdue', () => {
  const d = (day: number) => new Date(Date.UTC(2024, 4, day));
  const rows = [{ orgUnitId: null, dueAt: d(20) }, { orgUnitId: 22, dueAt: d(17) }, { orgUnitId: 22, dueAt: d(15) }, { orgUnitId: 20, dueAt: d(10) }];
  assert.equal(internalDueOf(rows, 22)?.dueAt.getTime(), d(15).getTime());
  assert.equal(internalDueOf(rows, 30)?.dueAt.getTime(), d(20).getTime());
  assert.deepEqual(timeliness(d(15), d(15), d(30)), { kind: 'on_time', days: 0 });
  assert.deepEqual(timeliness(d(15), d(17), d(30)), { kind: 'late', days: 2 });
  assert.deepEqual(timeliness(d(15), null, d(18)), { kind: 'overdue', days: 3 });
  assert.deepEqual(timeliness(d(15), null, d(12)), { kind: 'open', days: 3 });
});

test('equal totals (to two decimals) share a rank, the next skips, and they are listed by Thai name', () => {
  const ranked = rankByTotal([{ name: 'ระยอง', total: 50 }, { name: 'กระบี่', total: 70.001 }, { name: 'ตราด', total: 60 }, { name: 'จันทบุรี', total: 60.004 }, { name: 'ขอนแก่น', total: 70 }]);
  assert.deepEqual(ranked.map((r) => [r.name, r.rank, r.tied]), [['กระบี่', 1, true], ['ขอนแก่น', 1, true], ['จันทบุรี', 3, true], ['ตราด', 3, true], ['ระยอง', 5, false]]);
});

test('level bands in words, for more-is-better and less-is-better', () => {
  const higher = { code: 'X', levels: { thresholds: [60, 70, 80, 90, 100] } } as Indicator;
  const lower = { code: 'Y', polarity: 'lower', levels: { thresholds: [4, 3, 2, 1, 0] } } as Indicator;
  assert.equal(levelBandWords(higher, 0), 'ระดับ 0: ต่ำกว่า 60');
  assert.equal(levelBandWords(higher, 3), 'ระดับ 3: ตั้งแต่ 80 แต่ต่ำกว่า 90');
  assert.equal(levelBandWords(higher, 5), 'ระดับ 5: ตั้งแต่ 100 ขึ้นไป');
  assert.equal(levelBandWords(lower, 0), 'ระดับ 0: มากกว่า 4');
  assert.equal(levelBandWords(lower, 4), 'ระดับ 4: ไม่เกิน 1 แต่มากกว่า 0');
  assert.equal(levelBandWords(lower, 5), 'ระดับ 5: ไม่เกิน 0');
  assert.equal(thresholdsWords(lower), '≤4\u00a0/ ≤3\u00a0/ ≤2\u00a0/ ≤1\u00a0/ ≤0');
});
