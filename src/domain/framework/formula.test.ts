import assert from 'node:assert/strict';
import { test } from 'node:test';
import { checkFormula, compileFormula, createFormulaEnvironment, describeFormula, evaluateFormula } from './formula.ts';

const fe = createFormulaEnvironment([
  { key: 'promoted', type: 'double', label: 'แหล่งท่องเที่ยวที่ส่งเสริม' },
  { key: 'attractions', type: 'double', label: 'แหล่งท่องเที่ยวทั้งหมด' },
  { key: 'has_plan', type: 'bool', label: 'มีแผน' },
  { key: 'name', type: 'string', label: 'ชื่อ' },
  { key: 'statuses', type: 'list<string>', label: 'สถานะมาตรฐาน' },
]);
const run = (expression: string, values: Record<string, unknown>) => {
  const checked = checkFormula(fe, expression, 'number');
  assert.equal(checked.ok, true, expression);
  return evaluateFormula(fe, compileFormula(fe, expression), values as never);
};

test('whole and decimal numbers mix: literals and fields combine without casts', () => {
  assert.deepEqual(run('promoted / attractions * 100', { promoted: 3, attractions: 4 }), { kind: 'value', value: 75 });
  assert.deepEqual(run('1 + promoted', { promoted: 2.5 }), { kind: 'value', value: 3.5 });
  assert.deepEqual(run('has_plan ? promoted : 0', { has_plan: false, promoted: 9 }), { kind: 'value', value: 0 });
});

test('division is real division, even between whole numbers', () => {
  assert.deepEqual(run('size(statuses) / 2', { statuses: ['a', 'b', 'c'] }), { kind: 'value', value: 1.5 });
  assert.deepEqual(run('size(statuses.filter(s, s == "done")) / size(statuses) * 100', { statuses: ['done', 'no', 'done', 'done'] }), { kind: 'value', value: 75 });
});

test('a zero denominator means "no such service", at any depth, never Infinity', () => {
  assert.deepEqual(run('promoted / attractions * 100', { promoted: 0, attractions: 0 }), { kind: 'no_service' });
  assert.deepEqual(run('(promoted + 1) / (attractions - attractions) + 5', { promoted: 1, attractions: 4 }), { kind: 'no_service' });
  assert.deepEqual(run('size(statuses) / size(statuses)', { statuses: [] }), { kind: 'no_service' });
});

test('a missing input is reported by key, not computed as zero', () => {
  assert.deepEqual(run('promoted / attractions * 100', { promoted: 3 }), { kind: 'missing', keys: ['attractions'] });
});

test('type errors and unknown keys are found before any data, in Thai', () => {
  const bad = (expression: string, expect: 'number' | 'bool' = 'number') => {
    const r = checkFormula(fe, expression, expect);
    assert.equal(r.ok, false, expression);
    return r.ok ? '' : r.message;
  };
  assert.match(bad('name + 1'), /ชนิดข้อมูลที่เข้ากันไม่ได้: ข้อความ \+ ตัวเลข/);
  assert.match(bad('promotd / attractions'), /ไม่มีช่องข้อมูล "promotd"/);
  assert.match(bad('promoted >'), /สูตรเขียนไม่ถูกต้อง/);
  assert.match(bad('promoted > 1'), /ผลของสูตรต้องเป็นตัวเลข/);
  assert.match(bad('promoted + 1', 'bool'), /ต้องเป็นจริง\/เท็จ/);
  assert.equal(checkFormula(fe, 'promoted <= attractions', 'bool').ok, true);
});

test('the formula in words uses the fields\u2019 Thai labels and ÷ ×', () => {
  assert.equal(describeFormula(fe, 'promoted / attractions * 100'), '[แหล่งท่องเที่ยวที่ส่งเสริม] ÷ [แหล่งท่องเที่ยวทั้งหมด] × 100');
  assert.equal(describeFormula(fe, '(promoted + 1) * 2'), '([แหล่งท่องเที่ยวที่ส่งเสริม] + 1) × 2');
});
