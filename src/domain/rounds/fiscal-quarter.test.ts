import assert from 'node:assert/strict';
import { test } from 'node:test';
import { toBangkok } from '../dates/bangkok-time.ts';
import { fiscalQuarterRange, quarterlyRoundDates } from './fiscal-quarter.ts';

test('fiscal quarters: Q1 is Oct–Dec of the year before, Q2 Jan–Mar', () => {
  assert.deepEqual(fiscalQuarterRange(2564, 1), { first: '2020-10-01', last: '2020-12-31' });
  assert.deepEqual(fiscalQuarterRange(2564, 2), { first: '2021-01-01', last: '2021-03-31' });
  assert.deepEqual(fiscalQuarterRange(2564, 4), { first: '2021-07-01', last: '2021-09-30' });
});

test('a quarterly round is due at the end of the 25th of the month after the quarter (seed 000: the first by 25 April)', () => {
  const q2 = quarterlyRoundDates(2564, 2);
  assert.deepEqual(toBangkok(q2.dueAt), { date: '2021-04-25', time: '23:59' });
  assert.deepEqual(toBangkok(q2.opensAt), { date: '2021-01-01', time: '00:00' });
  assert.deepEqual(toBangkok(quarterlyRoundDates(2564, 1).dueAt), { date: '2021-01-25', time: '23:59' });
  assert.deepEqual(toBangkok(quarterlyRoundDates(2564, 4).dueAt), { date: '2021-10-25', time: '23:59' });
  assert.deepEqual(toBangkok(quarterlyRoundDates(2564, 4).editClosesAt), { date: '2021-10-31', time: '23:59' });
});
