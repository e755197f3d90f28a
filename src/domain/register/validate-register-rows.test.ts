import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { RegisterProblemCode } from './register-problems.ts';
import type { RegisterReference } from './register-row.ts';
import { createRegisterValidator } from './validate-register-rows.ts';

const reference: RegisterReference = {
  provinces: new Map([['10', { nameTh: 'กรุงเทพมหานคร' }], ['20', { nameTh: 'ชลบุรี' }], ['22', { nameTh: 'จันทบุรี' }]]),
  districts: new Map([
    ['1001', { provinceCode: '10', nameTh: 'พระนคร' }],
    ['2004', { provinceCode: '20', nameTh: 'บางละมุง' }],
    ['2201', { provinceCode: '22', nameTh: 'เมืองจันทบุรี' }],
    ['2202', { provinceCode: '22', nameTh: 'ขลุง' }],
  ]),
};
const headers = ['code', 'name_th', 'lao_type', 'province_code', 'district_code', 'name_en', 'valid_from'];
const good = ['6220101', 'องค์การบริหารส่วนตำบลคลองนารายณ์', 'อบต.', '22', '2201', 'Khlong Narai SAO', ''];

function check(rows: string[][], hdr = headers) {
  const v = createRegisterValidator(1, hdr, reference);
  rows.forEach((cells, i) => v.validateRow(i + 2, cells));
  return v.finish();
}
function only(cells: string[]): { code: RegisterProblemCode; column: string | null; row: number; message: string } {
  const { problems, rows } = check([cells]);
  assert.equal(rows.length, 0, 'a row with a problem is not kept');
  assert.equal(problems.length, 1, JSON.stringify(problems));
  return problems[0]!;
}
const withCell = (column: number, value: string) => good.map((c, i) => (i === column ? value : c));

test('a clean row becomes a register row', () => {
  const { rows, problems } = check([good]);
  assert.deepEqual(problems, []);
  assert.deepEqual(rows, [{ row: 2, code: '6220101', nameTh: 'องค์การบริหารส่วนตำบลคลองนารายณ์', nameEn: 'Khlong Narai SAO', laoType: 'sao', provinceCode: '22', districtCode: '2201', validFrom: null, generated: false }]);
});

test('an unknown district code is named, in Thai, with row and column', () => {
  const p = only(withCell(4, '2299'));
  assert.equal(p.code, 'district_unknown');
  assert.equal(p.row, 2);
  assert.equal(p.column, 'district_code');
  assert.match(p.message, /ไม่พบอำเภอรหัส 2299/);
});

test('a district outside the stated province is refused, naming both', () => {
  const p = only(withCell(4, '2004'));
  assert.equal(p.code, 'district_not_in_province');
  assert.match(p.message, /2004 \(บางละมุง\).*22/);
});

test('malformed district and province codes, an unknown province, a missing district', () => {
  assert.equal(only(withCell(4, '22O1')).code, 'district_invalid');
  assert.equal(only(withCell(3, '2A')).code, 'province_invalid');
  assert.equal(only(withCell(3, '99')).code, 'province_unknown');
  assert.equal(only(withCell(4, '')).code, 'district_required');
});

test('an อบจ. and กรุงเทพมหานคร cover a province and need no district; เมืองพัทยา does', () => {
  const { rows, problems } = check([
    ['2220001', 'องค์การบริหารส่วนจังหวัดจันทบุรี', 'อบจ.', '22', '', '', ''],
    ['1100001', 'กรุงเทพมหานคร', 'special', '10', '', '', ''],
  ]);
  assert.deepEqual(problems, []);
  assert.deepEqual(rows.map((r) => r.districtCode), [null, null]);
  assert.equal(only(['3200401', 'เมืองพัทยา', 'พิเศษ', '20', '', '', '']).code, 'district_required');
});

test('a code twice in the file: the second is reported and points at the first', () => {
  const { problems, rows } = check([good, good]);
  assert.equal(rows.length, 1);
  assert.equal(problems.length, 1);
  assert.equal(problems[0]!.code, 'duplicate_code');
  assert.equal(problems[0]!.row, 3);
  assert.match(problems[0]!.message, /ซ้ำกับแถว 2/);
});

test('the 8-digit form of a code duplicates the 7-digit one', () => {
  const { problems } = check([good, withCell(0, '06220101')]);
  assert.deepEqual(problems.map((p) => p.code), ['duplicate_code']);
});

test('an empty name, an over-long name, an empty or unknown type', () => {
  assert.equal(only(withCell(1, '  ')).code, 'name_empty');
  assert.equal(only(withCell(1, 'ก'.repeat(301))).code, 'name_too_long');
  assert.equal(only(withCell(2, '')).code, 'type_empty');
  const unknown = only(withCell(2, 'อบก.'));
  assert.equal(unknown.code, 'type_unknown');
  assert.match(unknown.message, /"อบก\."/);
});

test('types are read from codes, abbreviations and full Thai names', () => {
  const types = ['pao', 'ทน.', 'เทศบาลเมือง', 'ทต', 'องค์การบริหารส่วนตำบล', 'special'];
  const { rows, problems } = check(types.map((t, i) => [`C${i}`, 'ชื่อ', t, '22', '2201', '', '']));
  assert.deepEqual(problems, []);
  assert.deepEqual(rows.map((r) => r.laoType), ['pao', 'city', 'town', 'subdistrict', 'sao', 'special']);
});

test('any cell over 1,000 characters is reported, even in a column the importer ignores', () => {
  const long = only(withCell(5, 'x'.repeat(1001)));
  assert.equal(long.code, 'cell_too_long');
  assert.equal(long.column, 'name_en');
  const { problems } = check([[...good, 'y'.repeat(5000)]], [...headers, 'หมายเหตุ']);
  assert.deepEqual(problems.map((p) => [p.code, p.column]), [['cell_too_long', 'หมายเหตุ']]);
});

test('an oversized cell is not checked a second time as a bad value', () => {
  const p = only(withCell(1, 'ก'.repeat(1001)));
  assert.equal(p.code, 'cell_too_long');
});

test('codes with spaces or empty; dates that do not exist; a bad generated flag', () => {
  assert.equal(only(withCell(0, '62 20101')).code, 'code_has_space');
  assert.equal(only(withCell(0, '')).code, 'code_empty');
  assert.equal(only(withCell(0, 'x'.repeat(33))).code, 'code_too_long');
  assert.equal(only(withCell(6, '31/02/2567')).code, 'date_invalid');
  const { problems } = check([[...good, 'perhaps']], [...headers, 'generated']);
  assert.deepEqual(problems.map((p) => p.code), ['generated_invalid']);
});

test('a row is reported for every problem it has, not only the first', () => {
  const { problems } = check([['', '', 'xyz', '99', '1234', '', 'soon']]);
  assert.deepEqual(problems.map((p) => p.code).sort(), ['code_empty', 'date_invalid', 'name_empty', 'province_unknown', 'type_unknown', 'district_unknown'].sort());
});

test('valid_from is stored in the Common Era; a file without name_en leaves English names alone', () => {
  const { rows } = check([['6220101', 'ชื่อ', 'อบต.', '22', '2201', '01/10/2567']], ['รหัส อปท.', 'ชื่อ อปท.', 'ประเภท', 'รหัสจังหวัด', 'รหัสอำเภอ', 'วันที่เริ่ม']);
  assert.equal(rows[0]!.validFrom, '2024-10-01');
  assert.equal(rows[0]!.nameEn, undefined);
  const blank = check([withCell(5, '')]).rows[0]!;
  assert.equal(blank.nameEn, null, 'an empty cell in a present column clears it');
});

test('a missing required column is reported once, against the header row, and rows are not checked', () => {
  const v = createRegisterValidator(3, ['code', 'name_th', 'lao_type', 'province_code'], reference);
  v.validateRow(4, ['', '', '', '']);
  const { problems } = v.finish();
  assert.deepEqual(problems.map((p) => [p.row, p.column, p.code]), [[3, 'district_code', 'missing_column']]);
  assert.match(problems[0]!.message, /รหัสอำเภอ \(district_code\)/);
});

test('a column given twice is reported', () => {
  const { problems } = check([], [...headers, 'รหัส อปท.']);
  assert.deepEqual(problems.map((p) => [p.code, p.column]), [['duplicate_column', 'รหัส อปท.']]);
});
