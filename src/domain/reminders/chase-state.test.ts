import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Actor } from '../access/actor.ts';
import { answeredShare, atRisk, canChase, canChaseUnit, isAtRisk, isLate } from './chase-state.ts';

const day = 86_400_000;
const now = new Date('2025-08-20T03:00:00Z');
const facts = (state: string, daysLeft: number, share: number) => ({ state, deadline: new Date(now.getTime() + daysLeft * day), answeredShare: share });

test('late: still held and past its own deadline, to the millisecond; a sent submission is never late', () => {
  assert.equal(isLate(facts('in_progress', -0.00001, 0), now), true);
  assert.equal(isLate(facts('in_progress', 0, 0), now), false);
  assert.equal(isLate(facts('returned', -3, 1), now), true);
  assert.equal(isLate(facts('submitted', -3, 1), now), false);
});

test(`at risk: not late, due within ${atRisk.withinDays} days, and less than half answered`, () => {
  assert.equal(isAtRisk(facts('not_started', 7, 0), now), true);
  assert.equal(isAtRisk(facts('in_progress', 7.001, 0), now), false);
  assert.equal(isAtRisk(facts('in_progress', 3, 0.49), now), true);
  assert.equal(isAtRisk(facts('in_progress', 3, 0.5), now), false);
  assert.equal(isAtRisk(facts('in_progress', -1, 0), now), false, 'late is not at risk');
  assert.equal(isAtRisk(facts('accepted', 1, 0), now), false);
});

test('the answered share is capped at one and counts something answered where nothing is asked', () => {
  assert.equal(answeredShare(50, 100), 0.5);
  assert.equal(answeredShare(120, 100), 1);
  assert.equal(answeredShare(0, 0), 0);
  assert.equal(answeredShare(3, 0), 1);
});

const actor = (role: string, unitPath: string): Actor => ({ userId: 'u', username: null, name: 'n', email: 'e', twoFactorEnabled: false, memberships: [{ id: 1, role: role as never, unitId: 1, unitCode: 'x', unitKind: 'x', unitPath, unitNameTh: 'x', officeUnitId: null }] });

test('the office above chases: a district office its LAOs, a provincial office its LAOs and district offices; owners all', () => {
  const lao = { path: '/1/22/2206/900/', kind: 'lao' };
  const otherDistrict = { path: '/1/22/2201/901/', kind: 'lao' };
  const districtOffice = { path: '/1/22/2206/77/', kind: 'district_office' };
  assert.equal(canChaseUnit(actor('district_office', '/1/22/2206/'), lao), true);
  assert.equal(canChaseUnit(actor('district_office', '/1/22/2206/'), otherDistrict), false);
  assert.equal(canChaseUnit(actor('district_office', '/1/22/2206/'), districtOffice), false, 'not itself');
  assert.equal(canChaseUnit(actor('province_office', '/1/22/'), districtOffice), true);
  assert.equal(canChaseUnit(actor('programme_admin', '/1/'), otherDistrict), true);
  assert.equal(canChase(actor('lao_executive', '/1/22/2206/900/')), false);
  assert.equal(canChase(actor('committee_member', '/1/22/')), false);
});
