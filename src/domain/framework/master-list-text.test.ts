import assert from 'node:assert/strict';
import { test } from 'node:test';
import { masterListToText, parseMasterListText } from './master-list-text.ts';

test('a master list reads and writes as one item a line, retired items kept with a dash', () => {
  const text = 'S01 | มาตรฐานทางระบายน้ำ | โครงสร้างพื้นฐาน\n- S02 | มาตรฐานเดิมที่เลิกใช้\n\nS03 | มาตรฐานศูนย์พัฒนาเด็กเล็ก';
  const parsed = parseMasterListText(text);
  assert.deepEqual(parsed.problems, []);
  assert.deepEqual(parsed.items, [
    { code: 'S01', title: 'มาตรฐานทางระบายน้ำ', group: 'โครงสร้างพื้นฐาน' },
    { code: 'S02', title: 'มาตรฐานเดิมที่เลิกใช้', retired: true },
    { code: 'S03', title: 'มาตรฐานศูนย์พัฒนาเด็กเล็ก' },
  ]);
  assert.equal(masterListToText({ code: 'standards', title: 'มาตรฐาน', items: parsed.items }), text.replace('\n\n', '\n'));
});

test('every bad line is reported with its number, in Thai', () => {
  const parsed = parseMasterListText('S01 | ก\nS01 | ซ้ำ\nรหัสไทย | ข\nS04 |\nS05 | a | b | c');
  assert.deepEqual(parsed.problems.map((p) => p.line), [2, 3, 4, 5]);
  assert.match(parsed.problems[0]!.message, /ซ้ำ/);
  assert.deepEqual(parseMasterListText('  \n').problems.map((p) => p.message), ['ต้องมีอย่างน้อย 1 รายการ']);
});
