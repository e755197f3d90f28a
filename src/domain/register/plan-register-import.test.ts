import assert from 'node:assert/strict';
import { test } from 'node:test';
import { planRegisterImport, summarisePlan, type CurrentLao } from './plan-register-import.ts';
import type { RegisterRow } from './register-row.ts';

const asOf = '2025-10-01';
const row = (code: string, over: Partial<RegisterRow> = {}): RegisterRow => ({
  row: 2, code, nameTh: `อบต.${code}`, nameEn: undefined, laoType: 'sao', provinceCode: '22', districtCode: '2201', validFrom: null, generated: false, ...over,
});
const lao = (code: string, over: Partial<CurrentLao> = {}): CurrentLao => ({
  code, nameTh: `อบต.${code}`, nameEn: null, laoType: 'sao', provinceCode: '22', districtCode: '2201', validFrom: '2020-01-01', validTo: null, generated: false, ...over,
});
const current = (...l: CurrentLao[]) => new Map(l.map((x) => [x.code, x]));

test('into an empty register everything is added, valid from the import date unless the file says', () => {
  const plan = planRegisterImport([row('A'), row('B', { validFrom: '1995-05-01' })], new Map(), asOf);
  assert.deepEqual(plan.add.map((a) => [a.code, a.validFrom]), [['A', asOf], ['B', '1995-05-01']]);
  assert.deepEqual(summarisePlan(plan), { added: 2, updated: 0, closed: 0, reopened: 0, unchanged: 0, moved: 0 });
});

test('the same register again changes nothing', () => {
  const plan = planRegisterImport([row('A'), row('B')], current(lao('A'), lao('B')), asOf);
  assert.deepEqual(plan.unchanged, ['A', 'B']);
  assert.deepEqual(summarisePlan(plan), { added: 0, updated: 0, closed: 0, reopened: 0, unchanged: 2, moved: 0 });
});

test('a new name or type is an update, listing what changed', () => {
  const plan = planRegisterImport([row('A', { nameTh: 'เทศบาลตำบลเอ', laoType: 'subdistrict' }), row('B')], current(lao('A'), lao('B')), asOf);
  assert.deepEqual(plan.update.map((u) => [u.target.code, u.changes, u.moved]), [['A', ['name_th', 'lao_type'], false]]);
});

test('a new district is a move', () => {
  const plan = planRegisterImport([row('A', { districtCode: '2202' })], current(lao('A')), asOf);
  assert.deepEqual(plan.update.map((u) => [u.changes, u.moved]), [[['district_code'], true]]);
  assert.equal(summarisePlan(plan).moved, 1);
});

test('name_en: an absent column keeps the stored name; an empty cell clears it; a new one updates', () => {
  const stored = current(lao('A', { nameEn: 'A SAO' }));
  assert.deepEqual(planRegisterImport([row('A')], stored, asOf).unchanged, ['A']);
  assert.deepEqual(planRegisterImport([row('A', { nameEn: null })], stored, asOf).update[0]?.changes, ['name_en']);
  assert.deepEqual(planRegisterImport([row('A', { nameEn: 'A Subdistrict' })], stored, asOf).update[0]?.target.nameEn, 'A Subdistrict');
});

test('valid_from: absent keeps the stored date; a different one updates it', () => {
  assert.deepEqual(planRegisterImport([row('A')], current(lao('A')), asOf).unchanged, ['A']);
  const plan = planRegisterImport([row('A', { validFrom: '2019-01-01' })], current(lao('A')), asOf);
  assert.deepEqual(plan.update[0]?.changes, ['valid_from']);
});

test('the generated mark is data: a real file over a generated register marks units real', () => {
  const plan = planRegisterImport([row('A', { generated: false })], current(lao('A', { generated: true })), asOf);
  assert.deepEqual(plan.update[0]?.changes, ['generated']);
});

test('an open LAO the file no longer lists is closed on the day before the import, kept for history', () => {
  const plan = planRegisterImport([row('A')], current(lao('A'), lao('B'), lao('C', { validTo: '2023-09-30' })), asOf);
  assert.deepEqual(plan.close, [{ code: 'B', validTo: '2025-09-30' }]);
});

test('a unit that started today and is dropped today is closed on its first day, never before it', () => {
  const plan = planRegisterImport([], current(lao('B', { validFrom: asOf }), lao('F', { validFrom: '2026-01-01' })), asOf);
  assert.deepEqual(plan.close, [{ code: 'B', validTo: asOf }, { code: 'F', validTo: '2026-01-01' }]);
});

test('a closed LAO that reappears is reopened with the file values, not added again', () => {
  const plan = planRegisterImport([row('C', { nameTh: 'เทศบาลตำบลซี', laoType: 'subdistrict', districtCode: '2202' })], current(lao('C', { validTo: '2023-09-30' })), asOf);
  assert.equal(plan.add.length, 0);
  assert.deepEqual(plan.reopen.map((r) => [r.target.code, r.target.nameTh, r.target.validFrom, r.moved]), [['C', 'เทศบาลตำบลซี', '2020-01-01', true]]);
  assert.deepEqual(summarisePlan(plan), { added: 0, updated: 0, closed: 0, reopened: 1, unchanged: 0, moved: 1 });
});
