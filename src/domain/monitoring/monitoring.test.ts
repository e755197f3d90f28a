import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { FrameworkDocument } from '../framework/framework-schema.ts';
import { laoFigure, linkedIndicators } from './lao-figures.ts';
import { notFullyFollowed, summariseStandards } from './national-summary.ts';
import { monitoringFields } from './report-fields.ts';
import { reportStatus } from './report-status.ts';

const doc = {
  lists: [{ code: 'standards', title: 'มาตรฐาน', items: [{ code: 'S01', title: 'มาตรฐานทางถนน' }, { code: 'S21', title: 'มาตรฐานศูนย์พัฒนาเด็กเล็ก' }, { code: 'S99', title: 'เก่า', retired: true }] }],
  forms: [{ code: 'F1', title: 'แบบ', sections: [
    { code: 'A', title: 'ทั่วไป', fields: [{ key: 'lao_total', label: 'จำนวน', type: 'integer' }] },
    { code: 'B', title: 'รายมาตรฐาน', repeatOver: 'standards', fields: [
      { key: 'std_compliance', label: 'การปฏิบัติ', type: 'choice', choices: [{ value: 'full', label: 'ครบถ้วน' }, { value: 'partial', label: 'บางส่วน' }, { value: 'none', label: 'ยังไม่ได้' }] },
      { key: 'std_problems', label: 'ปัญหา', type: 'longtext' },
      { key: 'std_suggestions', label: 'ข้อเสนอแนะ', type: 'longtext' },
      { key: 'std_lao_applying', label: 'จำนวน อปท.', type: 'integer' },
    ] },
  ] }],
} as unknown as FrameworkDocument;

test('the report\'s rows: the repeated section, its compliance choice, problems and suggestions by their keys', () => {
  const f = monitoringFields(doc)!;
  assert.equal(f.section.code, 'B');
  assert.deepEqual(f.items.map((i) => i.code), ['S01', 'S21'], 'a retired standard is not asked');
  assert.equal(f.compliance?.key, 'std_compliance');
  assert.deepEqual([f.problems.map((x) => x.key), f.suggestions.map((x) => x.key), f.others.map((x) => x.key)], [['std_problems'], ['std_suggestions'], ['std_lao_applying']]);
});

test('the national summary counts provinces per choice and quotes their texts under the standard, by province name', () => {
  const f = monitoringFields(doc)!;
  const answers = (o: Record<string, string>) => new Map(Object.entries(o));
  const s = summariseStandards(f, [
    { provinceCode: '22', provinceName: 'จันทบุรี', answers: answers({ 'std_compliance|S21': 'partial', 'std_problems|S21': ' ครูไม่พอ ', 'std_compliance|S01': 'full', 'std_problems|S01': '-' }) },
    { provinceCode: '20', provinceName: 'ชลบุรี', answers: answers({ 'std_compliance|S21': 'none', 'std_problems|S21': 'อาคารชำรุด', 'std_suggestions|S21': 'ไม่มี' }) },
    { provinceCode: '10', provinceName: 'กรุงเทพมหานคร', answers: answers({}) },
  ]);
  const s21 = s.find((x) => x.code === 'S21')!;
  assert.deepEqual(s21.compliance.map((c) => c.provinces), [0, 1, 1]);
  assert.equal(s21.notStated, 1);
  assert.equal(notFullyFollowed(s21), 2);
  assert.deepEqual(s21.problems.map((p) => [p.provinceName, p.text]), [['จันทบุรี', 'ครูไม่พอ'], ['ชลบุรี', 'อาคารชำรุด']]);
  assert.deepEqual(s21.suggestions, [], '"ไม่มี" says there is nothing');
  assert.deepEqual(s.find((x) => x.code === 'S01')!.problems, [], '"-" says there is nothing');
});

test('a report is on time up to its own deadline to the second, late a second after; unsent reports are overdue only after it', () => {
  const dueAt = new Date('2027-04-25T16:59:59Z');
  const round = { state: 'open' as const, opensAt: new Date('2027-01-01T00:00:00Z'), dueAt, lateUntil: dueAt, editClosesAt: dueAt };
  const who = { orgUnitId: 5, provinceCode: '22' };
  const at = (iso: string) => new Date(iso);
  assert.equal(reportStatus(round, [], { ...who, state: 'submitted', submittedAt: dueAt }, at('2027-05-01T00:00:00Z')).status, 'on_time');
  assert.equal(reportStatus(round, [], { ...who, state: 'submitted', submittedAt: new Date(dueAt.getTime() + 1000) }, at('2027-05-01T00:00:00Z')).status, 'late');
  assert.equal(reportStatus(round, [], { ...who, state: 'in_progress', submittedAt: null }, dueAt).status, 'pending');
  assert.equal(reportStatus(round, [], { ...who, state: 'returned', submittedAt: at('2027-04-20T00:00:00Z') }, new Date(dueAt.getTime() + 1000)).status, 'overdue', 'a returned report is not sent');
  const extended = [{ id: 1, scope: 'province' as const, orgUnitId: null, provinceCode: '22', newDueAt: new Date('2027-05-10T16:59:59Z'), status: 'granted' as const }];
  const r = reportStatus(round, extended, { ...who, state: 'submitted', submittedAt: at('2027-05-05T00:00:00Z') }, at('2027-05-20T00:00:00Z'));
  assert.deepEqual([r.status, r.deadline], ['on_time', extended[0]!.newDueAt], 'the province\'s extension moves its deadline');
});

test('standards link to ODLOC indicators by words in their titles; a standard with none shows no figure', () => {
  const indicators = [
    { code: 'ED03', title: 'ร้อยละของศูนย์พัฒนาเด็กเล็กของเทศบาลที่ผ่านเกณฑ์มาตรฐานศูนย์พัฒนาเด็กเล็ก' },
    { code: 'ED04', title: 'ร้อยละของครูและครูผู้ดูแลเด็กในสังกัดเทศบาลที่ได้รับการพัฒนา' },
    { code: 'EC05', title: 'จำนวนโครงการ… ปรับปรุงซ่อมแซมโครงสร้างพื้นฐาน เช่น ถนน ทางเดิน ไฟส่องสว่าง ป้ายบอกทาง … เข้าสู่แหล่งท่องเที่ยว' },
  ];
  assert.deepEqual(linkedIndicators('S21', indicators).map((i) => i.code), ['ED03', 'ED04']);
  assert.deepEqual(linkedIndicators('S01', indicators), [], 'a tourism road project is not the road standard');
  assert.deepEqual(linkedIndicators('S25', indicators).map((i) => i.code), ['EC05']);
  assert.deepEqual(linkedIndicators('S28', indicators), []);
});

test('an LAO figure: "no such service" is not a failure and "no data" is not judged', () => {
  const f = laoFigure({ met: 3, needs_development: 1, not_done: 1, no_service: 4, missing: 2 });
  assert.equal(f.counted, 11);
  assert.equal(f.passRate, 60);
  assert.equal(laoFigure({ no_service: 2 }).passRate, null);
});
