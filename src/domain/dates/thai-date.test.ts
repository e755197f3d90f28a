import assert from 'node:assert/strict';
import { test } from 'node:test';
import { fiscalYearBE, formatThaiDate, shortDateTime, toThaiDigits } from './thai-date.ts';

test('a calendar date is shown in the Buddhist Era with the Thai month name', () => {
  assert.equal(formatThaiDate('2025-09-26'), '26 กันยายน 2568');
  assert.equal(formatThaiDate('2025-09-26', { short: true }), '26 ก.ย. 2568');
});

test('an instant is shown in Asia/Bangkok, not UTC', () => {
  // 23:30 UTC on 28 Aug is already 29 Aug in Bangkok
  assert.equal(formatThaiDate(new Date('2025-08-28T23:30:00Z'), { withTime: true }), '29 สิงหาคม 2568 06.30 น.');
});

test('Thai digits on request', () => {
  assert.equal(toThaiDigits('2568'), '๒๕๖๘');
  assert.equal(formatThaiDate('2025-09-26', { thaiDigits: true }), '๒๖ กันยายน ๒๕๖๘');
});

test('the fiscal year turns on 1 October, Bangkok time', () => {
  assert.equal(fiscalYearBE(new Date('2024-09-30T16:59:59Z')), 2567);
  assert.equal(fiscalYearBE(new Date('2024-09-30T17:00:00Z')), 2568);
});

test('the fixed UTC+7 offset writes what the Asia/Bangkok time zone writes, at year, leap-day and midnight edges', () => {
  const zone = new Intl.DateTimeFormat('en-GB', { timeZone: 'Asia/Bangkok', year: 'numeric', month: 'numeric', day: 'numeric', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
  const thai = ['ม.ค.', 'ก.พ.', 'มี.ค.', 'เม.ย.', 'พ.ค.', 'มิ.ย.', 'ก.ค.', 'ส.ค.', 'ก.ย.', 'ต.ค.', 'พ.ย.', 'ธ.ค.'];
  for (const iso of ['2025-08-29T16:59:59Z', '2025-12-31T17:00:00Z', '2024-02-29T03:07:00Z', '2024-02-28T17:00:00Z', '1999-12-31T16:59:00Z', '2037-06-15T23:59:00Z']) {
    const at = new Date(iso);
    const part: Record<string, string> = {};
    for (const p of zone.formatToParts(at)) part[p.type] = p.value;
    assert.equal(shortDateTime(at), `${Number(part.day)} ${thai[Number(part.month) - 1]} ${Number(part.year) + 543} ${part.hour}.${part.minute} น.`, iso);
  }
});
