import assert from 'node:assert/strict';
import { test } from 'node:test';
import { bangkokInstant, endOfBangkokDay } from '../dates/bangkok-time.ts';
import { beforeDueMark, beforeDueReminder, escalationDue, parseDaysBefore } from './schedule.ts';

const deadline = endOfBangkokDay('2025-08-29');

test('"7 days before" is due from the first second of the Bangkok day seven days before the deadline\'s day', () => {
  assert.equal(beforeDueReminder(deadline, new Date(bangkokInstant('2025-08-22').getTime() - 1000), [7, 1], new Set()), null);
  assert.deepEqual(beforeDueReminder(deadline, bangkokInstant('2025-08-22'), [7, 1], new Set()), { days: 7, mark: beforeDueMark(7, deadline) });
  assert.deepEqual(beforeDueReminder(deadline, bangkokInstant('2025-08-28', '09:00'), [7, 1], new Set([beforeDueMark(7, deadline)])), { days: 1, mark: beforeDueMark(1, deadline) });
});

test('once sent it is not due again; only the nearest is sent after a gap; nothing after the deadline', () => {
  assert.equal(beforeDueReminder(deadline, bangkokInstant('2025-08-23'), [7, 1], new Set([beforeDueMark(7, deadline)])), null);
  // the worker was down for a week: one day before, the "1 day" reminder alone
  assert.equal(beforeDueReminder(deadline, bangkokInstant('2025-08-28', '10:00'), [1, 7], new Set())?.days, 1);
  assert.equal(beforeDueReminder(deadline, bangkokInstant('2025-08-30'), [7, 1], new Set()), null);
});

test('a deadline moved by an extension is reminded about again', () => {
  const moved = endOfBangkokDay('2025-09-26');
  assert.equal(beforeDueReminder(moved, bangkokInstant('2025-09-19'), [7], new Set([beforeDueMark(7, deadline)]))?.days, 7);
});

test('escalation: whole days after the respondent\'s own deadline, once per deadline', () => {
  assert.equal(escalationDue(deadline, new Date(deadline.getTime() + 3 * 86_400_000 - 1), 3, new Set()), null);
  const mark = escalationDue(deadline, new Date(deadline.getTime() + 3 * 86_400_000), 3, new Set());
  assert.ok(mark);
  assert.equal(escalationDue(deadline, new Date(deadline.getTime() + 9 * 86_400_000), 3, new Set([mark])), null);
});

test('days before are read as people type them, with a Thai message otherwise', () => {
  assert.deepEqual(parseDaysBefore(' 1, 7 7 '), { ok: true, days: [7, 1] });
  assert.deepEqual(parseDaysBefore(''), { ok: true, days: [] });
  assert.equal(parseDaysBefore('7, สาม').ok, false);
  assert.equal(parseDaysBefore('0').ok, false);
  assert.equal(parseDaysBefore('1,2,3,4,5,6').ok, false);
});
