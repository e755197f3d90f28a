import assert from 'node:assert/strict';
import { test } from 'node:test';
import { formatRegisterCsv, quoteCsv } from './format-register-csv.ts';

test('the CSV has the documented header, a BOM for Excel, CRLF lines, and quotes only where needed', () => {
  const csv = formatRegisterCsv([
    { code: '6220101', nameTh: 'องค์การบริหารส่วนตำบลคลองนารายณ์', nameEn: 'Khlong Narai, "SAO"', laoType: 'sao', provinceCode: '22', districtCode: '2201', validFrom: null, generated: true },
    { code: '2220001', nameTh: 'องค์การบริหารส่วนจังหวัดจันทบุรี', nameEn: null, laoType: 'pao', provinceCode: '22', districtCode: null, validFrom: '2024-10-01', generated: false },
  ]);
  assert.ok(csv.startsWith('\ufeffcode,name_th,lao_type,province_code,district_code,name_en,valid_from,generated\r\n'));
  assert.ok(csv.includes('\r\n6220101,องค์การบริหารส่วนตำบลคลองนารายณ์,sao,22,2201,"Khlong Narai, ""SAO""",,true\r\n'));
  assert.ok(csv.endsWith('2220001,องค์การบริหารส่วนจังหวัดจันทบุรี,pao,22,,,2024-10-01,false\r\n'));
  assert.equal(quoteCsv(' x'), '" x"');
  assert.equal(quoteCsv('a\nb'), '"a\nb"');
});
