import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import type { Actor } from '../access/actor.ts';
import type { Role } from '../access/roles.ts';
import { bangkokInstant, endOfBangkokDay } from '../dates/bangkok-time.ts';
import { formatThaiDate } from '../dates/thai-date.ts';
import type { FrameworkDocument } from '../framework/framework-schema.ts';
import { readFrameworkFile } from '../framework/read-framework-file.ts';
import { areaRequirements, isAreaComplete } from './area-completion.ts';
import { percentOf, sentLate } from './progress-figures.ts';
import { areaInWords, decideProgressScope, progressReaches } from './progress-scope.ts';

const frameworks = path.resolve(import.meta.dirname, '../../../frameworks');
const load = async (name: string): Promise<FrameworkDocument> => {
  // ODLOC 2568 names the 2567 version as its previous one: the check reads it
  const previous = async (code: string) => (code === 'odloc-2567' ? load('odloc-minimum-standards-2567.yaml') : null);
  const r = await readFrameworkFile(fs.readFileSync(path.join(frameworks, name)), previous);
  assert.ok(r.ok, name);
  return r.doc;
};
const actor = (...ms: [Role, string, string][]): Actor => ({
  userId: 'u', username: null, name: 'u', email: 'u@example.go.th', twoFactorEnabled: false,
  memberships: ms.map(([role, unitKind, unitCode], i) => ({ id: i, role, unitId: i, unitCode, unitKind, unitPath: `/${i}/`, unitNameTh: unitCode, officeUnitId: null })),
});

test('reach: owners see the nation, a provincial office its province, a district office its district; LAO people nothing', () => {
  assert.deepEqual(progressReaches(actor(['programme_admin', 'country', 'TH']), 'summary'), [{ level: 'nation' }]);
  assert.deepEqual(progressReaches(actor(['district_office', 'district', '2206'], ['province_office', 'province', '22']), 'summary'), [{ level: 'province', provinceCode: '22' }], 'the district inside the province adds nothing');
  assert.deepEqual(progressReaches(actor(['district_office', 'district', '2206']), 'respondents'), [{ level: 'district', provinceCode: '22', districtCode: '2206' }]);
  assert.deepEqual(progressReaches(actor(['lao_officer', 'lao', '5220601'], ['lao_executive', 'lao', '5220601']), 'summary'), []);
});

test('a committee member follows the figures of their reach, but not the list of names and e-mail addresses', () => {
  const committee = actor(['committee_member', 'province', '22']);
  assert.deepEqual(progressReaches(committee, 'summary'), [{ level: 'province', provinceCode: '22' }]);
  assert.deepEqual(progressReaches(committee, 'respondents'), []);
});

test('scope: nothing asked is the widest reach; inside is allowed, beside is refused', () => {
  const province = progressReaches(actor(['province_office', 'province', '22']), 'summary');
  assert.deepEqual(decideProgressScope(province, { provinceCode: null, districtCode: null }), { ok: true, scope: { level: 'province', provinceCode: '22' } });
  assert.deepEqual(decideProgressScope(province, { provinceCode: '22', districtCode: '2206' }), { ok: true, scope: { level: 'district', provinceCode: '22', districtCode: '2206' } });
  assert.deepEqual(decideProgressScope(province, { provinceCode: '20', districtCode: null }), { ok: false, reason: 'outside_reach' });
  const district = progressReaches(actor(['district_office', 'district', '2206']), 'summary');
  assert.deepEqual(decideProgressScope(district, { provinceCode: '22', districtCode: '2201' }), { ok: false, reason: 'outside_reach' }, 'another district of the same province');
  assert.deepEqual(decideProgressScope(district, { provinceCode: '22', districtCode: null }), { ok: false, reason: 'outside_reach' }, 'the whole province');
  assert.deepEqual(decideProgressScope([], { provinceCode: null, districtCode: null }), { ok: false, reason: 'no_role' });
});

test('sent at the deadline second is on time, one second later is late (the entry rule, to the second)', () => {
  const deadline = endOfBangkokDay('2025-08-29');
  assert.equal(sentLate(new Date(deadline.getTime() + 999), deadline), false);
  assert.equal(sentLate(new Date(deadline.getTime() + 1000), deadline), true);
  assert.equal(sentLate(new Date(deadline.getTime() - 1000), deadline), false);
});

test('a share has one decimal, and nothing expected is no share at all', () => {
  assert.equal(percentOf(1, 3), 33.3);
  assert.equal(percentOf(2, 3), 66.7);
  assert.equal(percentOf(0, 0), null);
  assert.equal(percentOf(7850, 7850), 100);
});

test('the area in words', () => {
  assert.equal(areaInWords({ province: null, district: null, laoType: null }), 'ทั้งประเทศ');
  assert.equal(areaInWords({ province: { name: 'จันทบุรี' }, district: { name: 'แหลมสิงห์' }, laoType: 'sao' }), 'อำเภอแหลมสิงห์ จังหวัดจันทบุรี เฉพาะองค์การบริหารส่วนตำบล');
});

test("ODLOC 2568: an area's sections are its own form's and the general sections its ratios divide by", async () => {
  const doc = await load('odloc-minimum-standards-2568.yaml');
  const of = (type: string, area: string) => areaRequirements(doc).find((r) => r.audience === type && r.areaCode === area)!;
  assert.deepEqual(of('sao', 'A1').sectionCodes.sort(), ['F2-1-S1', 'F2-1-S2']);
  assert.deepEqual(of('sao', 'A2').sectionCodes.sort(), ['F1-S3', 'F2-2-S1', 'F2-2-S2'], 'EC01 divides by the total budget (แบบ ๑)');
  assert.deepEqual(of('sao', 'A3').sectionCodes.sort(), ['F1-S1', 'F1-S3', 'F2-3-S1', 'F2-3-S2'], 'EN01 by the budget, EN04 by the communities');
  // the child-development-centre fields are not asked of an อบจ., so they are not required of it
  assert.ok(of('sao', 'A1').slots.some((s) => s.fieldKey === 'cdc_total'));
  assert.ok(!of('pao', 'A1').slots.some((s) => s.fieldKey === 'cdc_total'));
  assert.ok(!of('sao', 'A1').slots.some((s) => s.fieldKey === 'staff_total'), 'แบบ ๑ staff numbers feed no education indicator');
});

test('DLA quarterly monitoring: a repeated section asks each required answer once per standard; long text is optional', async () => {
  const doc = await load('dla-standards-monitoring.yaml');
  const [a1, a2] = ['A1', 'A2'].map((code) => areaRequirements(doc).find((r) => r.areaCode === code)!);
  assert.equal(a1!.audience, null);
  assert.deepEqual(a1!.sectionCodes, ['F1-S2']);
  assert.equal(a1!.slots.length, 2 * 28, 'compliance and LAOs applying, for each of the 28 standards');
  assert.ok(!a1!.slots.some((s) => s.fieldKey === 'std_problems'));
  assert.deepEqual(a2!.slots.map((s) => s.fieldKey).sort(), ['committee_visits', 'data_as_of', 'lao_total', 'laos_advised']);
  const answered = new Set(a2!.slots.map((s) => s.fieldKey));
  assert.equal(isAreaComplete(a2!, (k) => answered.has(k)), true);
  answered.delete('lao_total');
  assert.equal(isAreaComplete(a2!, (k) => answered.has(k)), false);
});
