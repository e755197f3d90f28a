import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Actor, MembershipReach } from '../access/actor.ts';
import { defaultDuties, dutyLines, insertionIndex, memberLine, moveMember, officeHeadTitle } from './committee.ts';
import { canCommentOnMonitoringReport, canFillMonitoringReport, canManageCommittee, canViewCommittee } from './committee-policy.ts';

test('a new member goes after the last one of its position or an earlier one, as the model order lists them', () => {
  const members = [{ position: 'chair' as const }, { position: 'member' as const }, { position: 'secretary' as const }];
  assert.equal(insertionIndex(members, 'adviser'), 0);
  assert.equal(insertionIndex(members, 'member'), 2);
  assert.equal(insertionIndex(members, 'assistant_secretary'), 3);
  assert.equal(insertionIndex([], 'member'), 0);
});

test('moving a member a step; nothing moves past either end', () => {
  const m = [{ id: 1 }, { id: 2 }, { id: 3 }];
  assert.deepEqual(moveMember(m, 2, 'up').map((x) => x.id), [2, 1, 3]);
  assert.deepEqual(moveMember(m, 2, 'down').map((x) => x.id), [1, 3, 2]);
  assert.equal(moveMember(m, 1, 'up'), m);
  assert.equal(moveMember(m, 3, 'down'), m);
  assert.equal(moveMember(m, 9, 'up'), m);
});

test('the line an order prints: a person with position and agency, an office member by its position alone', () => {
  assert.equal(memberLine({ kind: 'person', name: 'นางสาวลัดดาวรรณ คอกจันทร์', positionTitle: 'นักส่งเสริมการปกครองท้องถิ่นชำนาญการ', agency: '' }), 'นางสาวลัดดาวรรณ คอกจันทร์ นักส่งเสริมการปกครองท้องถิ่นชำนาญการ');
  assert.equal(memberLine({ kind: 'office', name: 'ignored', positionTitle: 'ท้องถิ่นอำเภอ ทุกอำเภอ', agency: '' }), 'ท้องถิ่นอำเภอ ทุกอำเภอ');
  assert.equal(officeHeadTitle({ kind: 'division', nameTh: 'กลุ่มงานกฎหมาย ระเบียบและเรื่องร้องทุกข์' }, 'เพชรบูรณ์'), 'ผู้อำนวยการกลุ่มงานกฎหมาย ระเบียบและเรื่องร้องทุกข์');
  assert.equal(officeHeadTitle({ kind: 'division', nameTh: 'ฝ่ายบริหารทั่วไป' }, 'เพชรบูรณ์'), 'หัวหน้าฝ่ายบริหารทั่วไป');
  assert.equal(officeHeadTitle({ kind: 'province_office', nameTh: 'สำนักงาน…' }, 'เพชรบูรณ์'), 'ท้องถิ่นจังหวัดเพชรบูรณ์');
  assert.equal(officeHeadTitle({ kind: 'district_office', nameTh: 'สำนักงานส่งเสริมการปกครองท้องถิ่นอำเภอหล่มสัก', districtName: 'หล่มสัก' }, 'เพชรบูรณ์'), 'ท้องถิ่นอำเภอหล่มสัก');
});

test('duties are one per line, numbering typed by the person dropped (the order numbers them)', () => {
  assert.equal(dutyLines(defaultDuties).length, 5);
  assert.deepEqual(dutyLines('๑. ให้คำปรึกษา\n\n2) ติดตาม\n- รายงาน\n'), ['ให้คำปรึกษา', 'ติดตาม', 'รายงาน']);
});

const reach = (role: MembershipReach['role'], unitPath: string): MembershipReach => ({ id: 1, role, unitId: 1, unitCode: 'x', unitKind: 'province', unitPath, unitNameTh: 'x', officeUnitId: null });
const actor = (...memberships: MembershipReach[]): Actor => ({ userId: 'u', username: null, name: 'n', email: 'e', twoFactorEnabled: false, memberships });
const province = { path: '/1/22/' };
const office = { id: 9, path: '/1/22/9/', kind: 'province_office' };

test('who manages, reads, fills and comments on a province\'s committee and report', () => {
  const officeUser = actor(reach('province_office', '/1/22/'));
  const member = actor(reach('committee_member', '/1/22/'));
  const otherProvince = actor(reach('province_office', '/1/20/'));
  const owner = actor(reach('programme_admin', '/1/'));
  const district = actor(reach('district_office', '/1/22/5/'));
  assert.deepEqual([officeUser, member, otherProvince, owner, district].map((a) => canManageCommittee(a, province)), [true, false, false, true, false]);
  assert.deepEqual([officeUser, member, otherProvince, owner, district].map((a) => canViewCommittee(a, province)), [true, true, false, true, false]);
  assert.equal(canFillMonitoringReport(officeUser, office, null), true);
  assert.equal(canFillMonitoringReport(member, office, { position: 'member' }), false, 'a member reads and comments; the secretariat writes');
  assert.equal(canFillMonitoringReport(district, office, { position: 'secretary' }), true);
  assert.equal(canFillMonitoringReport(district, office, { position: 'assistant_secretary' }), true);
  assert.equal(canFillMonitoringReport(owner, office, null), false);
  assert.equal(canCommentOnMonitoringReport(member, province, null), true);
  assert.equal(canCommentOnMonitoringReport(owner, province, null), false, 'owners review instead');
  assert.equal(canCommentOnMonitoringReport(district, province, { position: 'adviser' }), true);
});
