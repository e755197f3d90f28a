import assert from 'node:assert/strict';
import { test } from 'node:test';
import { fiscalYearBE, formatThaiDate, toThaiDigits } from './thai-date.ts';

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
