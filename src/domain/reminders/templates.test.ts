import assert from 'node:assert/strict';
import { test } from 'node:test';
import { bangkokInstant, endOfBangkokDay } from '../dates/bangkok-time.ts';
import { checkTemplateText, fillPlaceholders, formatDeadline, renderReminder, unknownPlaceholders } from './templates.ts';

test('a reminder is filled in for its respondent: name, round, Buddhist-Era deadline, link', () => {
  const r = renderReminder(
    { subject: 'ใกล้ถึงกำหนดส่งข้อมูล {round}', body: 'เรียน {lao}\nกำหนดส่ง {dueDate}\n{link}' },
    { lao: 'เทศบาลตำบลเอ', round: 'รอบ 2568', dueDate: formatDeadline(endOfBangkokDay('2025-08-29')), link: 'https://x/rounds/1/submissions/5' },
  );
  assert.equal(r.subject, 'ใกล้ถึงกำหนดส่งข้อมูล รอบ 2568');
  assert.equal(r.body, 'เรียน เทศบาลตำบลเอ\nกำหนดส่ง 29 สิงหาคม 2568\nhttps://x/rounds/1/submissions/5');
});

test('a deadline that is not the end of a day is stated with its time', () => {
  assert.equal(formatDeadline(bangkokInstant('2025-08-29', '16:30')), '29 สิงหาคม 2568 16.30 น.');
});

test('a placeholder without a value stays visible; a list never breaks the subject line', () => {
  assert.equal(fillPlaceholders('{lao} {nope}', { lao: 'ก' }), 'ก {nope}');
  assert.equal(renderReminder({ subject: '{list}', body: '{list}' }, { list: '- ก\n- ข' }).subject, '- ก - ข');
});

test('an owner is told which placeholders are unknown, and about empty or long text, in Thai', () => {
  assert.deepEqual(unknownPlaceholders('{lao} {office} {Lao}', 'respondent'), ['office', 'Lao']);
  assert.deepEqual(checkTemplateText({ subject: 'เรื่อง {round}', body: 'เรียน {lao}' }, 'respondent'), {});
  const bad = checkTemplateText({ subject: '', body: 'เรียน {office} {lao}' }, 'escalation');
  assert.equal(bad.subject, 'กรอกหัวเรื่อง');
  assert.match(bad.body!, /ไม่รู้จัก \{lao\}/);
  assert.match(checkTemplateText({ subject: 'ก', body: 'ข'.repeat(2001) }, 'respondent').body!, /ไม่เกิน 2,000/);
});
