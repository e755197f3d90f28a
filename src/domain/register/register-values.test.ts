import assert from 'node:assert/strict';
import { test } from 'node:test';
import { cleanText, parseDigitsCode, parseLaoCode, parseRegisterDate, parseYesNo, previousDay, toArabicDigits } from './register-values.ts';

test('an LAO code is opaque: any non-empty code without spaces, up to the limit', () => {
  assert.deepEqual(parseLaoCode('6220101', 32), { ok: true, value: '6220101' });
  assert.deepEqual(parseLaoCode('  6220101 ', 32), { ok: true, value: '6220101' });
  assert.deepEqual(parseLaoCode('BKK-01', 32), { ok: true, value: 'BKK-01' });
  assert.deepEqual(parseLaoCode('', 32), { ok: false, reason: 'empty' });
  assert.deepEqual(parseLaoCode('   ', 32), { ok: false, reason: 'empty' });
  assert.deepEqual(parseLaoCode('62 20101', 32), { ok: false, reason: 'space' });
  assert.deepEqual(parseLaoCode('6220101\t1', 32), { ok: false, reason: 'space' });
  assert.deepEqual(parseLaoCode('x'.repeat(33), 32), { ok: false, reason: 'too_long' });
});

test('the 8-digit DLA form with a leading 0 is the 7-digit code, and Thai digits are digits', () => {
  assert.deepEqual(parseLaoCode('06220101', 32), { ok: true, value: '6220101' });
  assert.deepEqual(parseLaoCode('๖๒๒๐๑๐๑', 32), { ok: true, value: '6220101' });
  assert.deepEqual(parseLaoCode('16220101', 32), { ok: true, value: '16220101' }, 'only a leading zero is dropped');
  assert.equal(toArabicDigits('รหัส ๒๒๐๑'), 'รหัส 2201');
});

test('province and district codes are exact digit counts', () => {
  assert.deepEqual(parseDigitsCode('22', 2), { ok: true, value: '22' });
  assert.deepEqual(parseDigitsCode('๒๒', 2), { ok: true, value: '22' });
  assert.deepEqual(parseDigitsCode('2', 2), { ok: false });
  assert.deepEqual(parseDigitsCode('2A', 2), { ok: false });
  assert.deepEqual(parseDigitsCode('22010', 4), { ok: false });
});

test('dates: YYYY-MM-DD in the Common Era and DD/MM/YYYY in the Buddhist Era, stored CE', () => {
  assert.deepEqual(parseRegisterDate('2024-10-01'), { ok: true, value: '2024-10-01' });
  assert.deepEqual(parseRegisterDate('01/10/2567'), { ok: true, value: '2024-10-01' });
  assert.deepEqual(parseRegisterDate('1/10/2567'), { ok: true, value: '2024-10-01' });
  assert.deepEqual(parseRegisterDate('๐๑/๑๐/๒๕๖๗'), { ok: true, value: '2024-10-01' });
  assert.deepEqual(parseRegisterDate('29/02/2567'), { ok: true, value: '2024-02-29' }, '2567 BE = 2024, a leap year');
  assert.deepEqual(parseRegisterDate('2567-10-01'), { ok: true, value: '2024-10-01' }, 'a BE year in ISO order is still unambiguous');
  assert.deepEqual(parseRegisterDate('01/10/2024'), { ok: true, value: '2024-10-01' });
});

test('impossible or unreadable dates are refused', () => {
  for (const bad of ['31/02/2567', '29/02/2566', '2024-13-01', '00/01/2567', 'พรุ่งนี้', '2024/10/01/1', '01/10/67', '01/01/1800']) {
    assert.deepEqual(parseRegisterDate(bad), { ok: false }, bad);
  }
});

test('yes/no in English or Thai', () => {
  assert.deepEqual(parseYesNo('true'), { ok: true, value: true });
  assert.deepEqual(parseYesNo('ใช่'), { ok: true, value: true });
  assert.deepEqual(parseYesNo(''), { ok: true, value: false });
  assert.deepEqual(parseYesNo('ไม่ใช่'), { ok: true, value: false });
  assert.deepEqual(parseYesNo('maybe'), { ok: false });
});

test('text is trimmed and inner whitespace folded; the day before crosses months and leap days', () => {
  assert.equal(cleanText('  เทศบาล\u00a0 ตำบล\tขลุง '), 'เทศบาล ตำบล ขลุง');
  assert.equal(previousDay('2025-03-01'), '2025-02-28');
  assert.equal(previousDay('2024-03-01'), '2024-02-29');
  assert.equal(previousDay('2025-01-01'), '2024-12-31');
});
