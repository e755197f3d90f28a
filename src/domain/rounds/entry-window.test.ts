import assert from 'node:assert/strict';
import { test } from 'node:test';
import { bangkokInstant, endOfBangkokDay } from '../dates/bangkok-time.ts';
import { decideEntry, type ExtensionFact, type RoundTimes } from './entry-window.ts';

const second = 1000;
// ODLOC 2568: entry 21 Jul – 29 Aug 2568 (2025 CE), no late acceptance, editing closes with it.
const odloc2568: RoundTimes = {
  state: 'open',
  opensAt: bangkokInstant('2025-07-21'),
  dueAt: endOfBangkokDay('2025-08-29'),
  lateUntil: endOfBangkokDay('2025-08-29'),
  editClosesAt: endOfBangkokDay('2025-10-31'),
};
const lao = { orgUnitId: 10, provinceCode: '22' };
const otherLaoSameProvince = { orgUnitId: 11, provinceCode: '22' };
const laoElsewhere = { orgUnitId: 20, provinceCode: '46' };
const granted = (e: Partial<ExtensionFact> & Pick<ExtensionFact, 'scope' | 'newDueAt'>): ExtensionFact => ({ id: 1, orgUnitId: null, provinceCode: null, status: 'granted', ...e });

test('at the deadline T − 1 s entry is allowed and on time; at T + 1 s it is refused with a Thai reason', () => {
  const t = odloc2568.dueAt.getTime();
  const before = decideEntry(odloc2568, [], lao, new Date(t - second));
  assert.equal(before.allowed, true);
  assert.equal(before.allowed && before.late, false);
  assert.equal(decideEntry(odloc2568, [], lao, new Date(t)).allowed, true);
  const after = decideEntry(odloc2568, [], lao, new Date(t + second));
  assert.equal(after.allowed, false);
  assert.equal(!after.allowed && after.reason, 'past_deadline');
  assert.match(!after.allowed ? after.message : '', /พ้นกำหนดรับข้อมูลแล้ว เมื่อวันที่ 29 สิงหาคม 2568 23\.59 น\./);
});

test('before the opening it is refused, saying when it opens', () => {
  const d = decideEntry(odloc2568, [], lao, new Date(odloc2568.opensAt.getTime() - second));
  assert.equal(!d.allowed && d.reason, 'not_yet_open');
  assert.match(!d.allowed ? d.message : '', /21 กรกฎาคม 2568 00\.00 น\./);
  assert.equal(decideEntry(odloc2568, [], lao, odloc2568.opensAt).allowed, true);
});

test('the 2568 extension for everyone, 29 Aug → 26 Sep 2568, holds to the second as ODLOC announced', () => {
  const announced = [granted({ scope: 'all', newDueAt: endOfBangkokDay('2025-09-26') })];
  for (const who of [lao, laoElsewhere]) {
    assert.equal(decideEntry(odloc2568, announced, who, bangkokInstant('2025-08-30', '09:00')).allowed, true, 'the day after the old deadline');
    const lastSecond = decideEntry(odloc2568, announced, who, bangkokInstant('2025-09-26', '23:59:58'));
    assert.equal(lastSecond.allowed && !lastSecond.late, true, 'still on time: the deadline moved, it is not late acceptance');
    const past = decideEntry(odloc2568, announced, who, bangkokInstant('2025-09-27', '00:00:00'));
    assert.equal(past.allowed, false);
    assert.match(!past.allowed ? past.message : '', /26 กันยายน 2568 23\.59 น\./);
  }
});

test('an extension for one LAO moves only that LAO', () => {
  const one = [granted({ scope: 'respondent', orgUnitId: lao.orgUnitId, provinceCode: '22', newDueAt: endOfBangkokDay('2025-09-05') })];
  const at = bangkokInstant('2025-09-01', '10:00');
  assert.equal(decideEntry(odloc2568, one, lao, at).allowed, true);
  assert.equal(decideEntry(odloc2568, one, otherLaoSameProvince, at).allowed, false);
  assert.equal(decideEntry(odloc2568, one, laoElsewhere, at).allowed, false);
});

test('an extension for one province moves every respondent there and no one elsewhere', () => {
  const province = [granted({ scope: 'province', orgUnitId: 900, provinceCode: '22', newDueAt: endOfBangkokDay('2025-09-10') })];
  const at = bangkokInstant('2025-09-10', '23:59:59');
  assert.equal(decideEntry(odloc2568, province, lao, at).allowed, true);
  assert.equal(decideEntry(odloc2568, province, otherLaoSameProvince, at).allowed, true);
  assert.equal(decideEntry(odloc2568, province, laoElsewhere, at).allowed, false);
  assert.equal(decideEntry(odloc2568, province, lao, new Date(at.getTime() + second)).allowed, false);
});

test('requested or refused extensions move nothing; the latest granted one wins', () => {
  const mixed = [
    granted({ id: 1, scope: 'respondent', orgUnitId: lao.orgUnitId, newDueAt: endOfBangkokDay('2025-10-15'), status: 'requested' }),
    granted({ id: 2, scope: 'respondent', orgUnitId: lao.orgUnitId, newDueAt: endOfBangkokDay('2025-10-10'), status: 'refused' }),
    granted({ id: 3, scope: 'all', newDueAt: endOfBangkokDay('2025-09-26') }),
    granted({ id: 4, scope: 'respondent', orgUnitId: lao.orgUnitId, newDueAt: endOfBangkokDay('2025-09-12') }),
  ];
  const d = decideEntry(odloc2568, mixed, lao, bangkokInstant('2025-09-20'));
  assert.equal(d.allowed && d.extension?.id, 3);
  assert.equal(decideEntry(odloc2568, mixed, lao, bangkokInstant('2025-10-01')).allowed, false);
});

test('late acceptance: after the due time entry is allowed but marked late, until the late-acceptance end', () => {
  const withLate: RoundTimes = { ...odloc2568, lateUntil: endOfBangkokDay('2025-09-05') };
  const late = decideEntry(withLate, [], lao, bangkokInstant('2025-09-01'));
  assert.equal(late.allowed && late.late, true);
  assert.equal(decideEntry(withLate, [], lao, new Date(withLate.lateUntil.getTime() + second)).allowed, false);
});

test('a round that is not open refuses whatever the time', () => {
  const at = bangkokInstant('2025-08-01');
  const draft = decideEntry({ ...odloc2568, state: 'draft' }, [], lao, at);
  const closed = decideEntry({ ...odloc2568, state: 'closed' }, [], lao, at);
  assert.equal(!draft.allowed && draft.reason, 'round_not_open');
  assert.equal(!closed.allowed && closed.reason, 'round_closed');
});

test('a returned submission may be corrected until editing closes, then nothing changes without an extension', () => {
  const afterDue = bangkokInstant('2025-10-01');
  assert.equal(decideEntry(odloc2568, [], lao, afterDue).allowed, false, 'not returned: past its deadline');
  assert.equal(decideEntry(odloc2568, [], lao, afterDue, { returned: true }).allowed, true);
  const closes = odloc2568.editClosesAt.getTime();
  assert.equal(decideEntry(odloc2568, [], lao, new Date(closes - second), { returned: true }).allowed, true);
  assert.equal(decideEntry(odloc2568, [], lao, new Date(closes + second), { returned: true }).allowed, false);
  const extended = [granted({ scope: 'respondent', orgUnitId: lao.orgUnitId, newDueAt: endOfBangkokDay('2025-11-15') })];
  assert.equal(decideEntry(odloc2568, extended, lao, bangkokInstant('2025-11-10'), { returned: true }).allowed, true, 'an extension reopens it');
});
