import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { generateRegister, generatedRegisterTargets, type SubdistrictSource } from '../../domain/register/generate-register.ts';
import { createRegisterValidator } from '../../domain/register/validate-register-rows.ts';
import { readDistricts, readProvinces, referenceDataDir } from '../org/load-reference-data.ts';
import { generateNationalRegister, generateRegisterCsv } from './generate-register.ts';
import { parseRegisterFile } from './parse-register-file.ts';

const register = generateNationalRegister();
const subdistricts: SubdistrictSource[] = JSON.parse(fs.readFileSync(path.join(referenceDataDir, 'subdistricts.json'), 'utf8'));

test('the mix follows DLA 2020: 7,852 units by type', () => {
  const byType: Record<string, number> = {};
  for (const l of register) byType[l.laoType] = (byType[l.laoType] ?? 0) + 1;
  assert.deepEqual(byType, { ...generatedRegisterTargets });
  assert.equal(register.length, 7852);
});

test('the same register on every run (seeded)', () => {
  const again = generateRegister({ provinces: readProvinces(), districts: readDistricts(), subdistricts });
  assert.deepEqual(again, register);
});

test('codes are unique and DLA-shaped: [type][province 2][district 2][sequence 2]', () => {
  assert.equal(new Set(register.map((l) => l.code)).size, register.length);
  const digit = { pao: '2', city: '3', town: '4', subdistrict: '5', sao: '6' } as const;
  for (const l of register) {
    assert.match(l.code, /^\d{7}$/);
    assert.equal(l.code.slice(1, 3), l.provinceCode, l.code);
    assert.equal(l.code.slice(3, 5), l.districtCode?.slice(2) ?? '00', l.code);
    if (l.laoType !== 'special') assert.equal(l.code[0], digit[l.laoType], l.code);
  }
});

test('every unit is marked generated', () => {
  assert.ok(register.every((l) => l.generated));
});

test('Bangkok is one special unit with no district LAOs; Pattaya is special in Bang Lamung', () => {
  const bangkok = register.filter((l) => l.provinceCode === '10');
  assert.deepEqual(bangkok.map((l) => [l.nameTh, l.laoType, l.districtCode]), [['กรุงเทพมหานคร', 'special', null]]);
  const special = register.filter((l) => l.laoType === 'special' && l.provinceCode !== '10');
  assert.deepEqual(special.map((l) => [l.nameTh, l.provinceCode, l.districtCode]), [['เมืองพัทยา', '20', '2004']]);
});

test('one อบจ. per province outside Bangkok', () => {
  const pao = register.filter((l) => l.laoType === 'pao');
  assert.equal(new Set(pao.map((l) => l.provinceCode)).size, 76);
  assert.ok(pao.every((l) => l.districtCode === null && l.nameTh === `องค์การบริหารส่วนจังหวัด${readProvinces().find((p) => String(p.provinceCode) === l.provinceCode)?.provinceNameTh}`));
});

test('เทศบาลตำบล and อบต. carry the name of a real subdistrict of their district', () => {
  const names = new Set(subdistricts.map((s) => `${s.districtCode}:${s.subdistrictNameTh}`));
  for (const l of register.filter((x) => x.laoType === 'subdistrict' || x.laoType === 'sao')) {
    const prefix = l.laoType === 'subdistrict' ? 'เทศบาลตำบล' : 'องค์การบริหารส่วนตำบล';
    assert.ok(l.nameTh.startsWith(prefix), l.nameTh);
    assert.ok(names.has(`${l.districtCode}:${l.nameTh.slice(prefix.length)}`), l.nameTh);
  }
});

test('every district outside Bangkok has LAOs, a municipality among them', () => {
  const withLao = new Set(register.map((l) => l.districtCode));
  for (const d of readDistricts().filter((x) => x.provinceCode !== 10)) {
    assert.ok(withLao.has(String(d.districtCode)), `district ${d.districtCode}`);
  }
  const municipalities = register.filter((l) => ['city', 'town', 'subdistrict'].includes(l.laoType));
  const districtsWithMunicipality = new Set(municipalities.map((l) => l.districtCode));
  assert.equal(districtsWithMunicipality.size, 878);
});

test('the CSV reads back through the importer with no problem, row for row', async () => {
  const parsed = await parseRegisterFile('generated.csv', Buffer.from(generateRegisterCsv(), 'utf8'));
  assert.ok(parsed.ok);
  const reference = {
    provinces: new Map(readProvinces().map((p) => [String(p.provinceCode), { nameTh: p.provinceNameTh }])),
    districts: new Map(readDistricts().map((d) => [String(d.districtCode), { provinceCode: String(d.provinceCode), nameTh: d.districtNameTh }])),
  };
  const v = createRegisterValidator(parsed.table.headerRow, parsed.table.headers, reference);
  for (const r of parsed.table.rows) v.validateRow(r.row, r.cells);
  const { rows, problems } = v.finish();
  assert.deepEqual(problems, []);
  assert.equal(rows.length, register.length);
  // Compared row by row so a failure names one row instead of printing 7,852.
  const firstDifferent = rows.findIndex(({ row: _, ...r }, i) => JSON.stringify(r) !== JSON.stringify(register[i]));
  assert.equal(firstDifferent, -1, JSON.stringify([rows[firstDifferent], register[firstDifferent]]));
});
