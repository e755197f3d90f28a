import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { fieldTypes, type Field } from '../framework/framework-schema.ts';
import { displayFieldValue, formatFieldValue, parseFieldValue } from './parse-field-value.ts';

const field = (type: Field['type'], extra: Partial<Field> = {}): Field => ({ key: 'x', label: 'ช่องทดสอบ', type, ...(type === 'choice' ? { choices: [{ value: 'a', label: 'ตัวเลือกเอ' }, { value: 'b', label: 'ตัวเลือกบี' }] } : {}), ...extra });
const thai = /[\u0E00-\u0E7F]/;

test('every kind of bad input on every field type gets a Thai message, never an exception (property)', () => {
  const nasty = fc.oneof(
    fc.string({ maxLength: 200 }),
    fc.string({ unit: 'binary', maxLength: 100 }),
    fc.constantFrom('12a', '1e309', '-5', '31/02/2568', '29/02/2567', '<script>alert(1)</script>', 'NaN', 'Infinity', '0x1F', '1.2.3', '--1', '١٢٣', '', ' ', '\u0000', '9'.repeat(400)),
    fc.double().map(String),
    fc.integer().map(String),
    fc.string({ minLength: 5000, maxLength: 30000 }),
  );
  fc.assert(fc.property(fc.constantFrom(...fieldTypes), nasty, (type, raw) => {
    const result = parseFieldValue(field(type), raw);
    if (result.ok) {
      // Whatever is accepted is a clean value that writes back to the same value.
      if (result.value === null) return true;
      assert.ok(['number', 'string', 'boolean'].includes(typeof result.value));
      if (typeof result.value === 'number') assert.ok(Number.isFinite(result.value));
      const again = parseFieldValue(field(type), formatFieldValue(field(type), result.value));
      assert.deepEqual(again, result);
      assert.equal(typeof displayFieldValue(field(type), result.value), 'string');
    } else {
      assert.match(result.message, thai, `${type} ${JSON.stringify(raw).slice(0, 60)} → ${result.message}`);
    }
    return true;
  }), { numRuns: 2000 });
});

test('the named bad inputs of the issue are refused with the reason', () => {
  const refuse = (type: Field['type'], raw: string, pattern: RegExp, extra: Partial<Field> = {}) => {
    const r = parseFieldValue(field(type, extra), raw);
    assert.equal(r.ok, false, `${type} ${raw}`);
    assert.match(r.ok ? '' : r.message, pattern);
  };
  refuse('integer', '12a', /จำนวนเต็ม/);
  refuse('decimal', '1e309', /ตัวเลข/);
  refuse('area', '-3', /ต้องไม่ติดลบ/);
  refuse('date', '31/02/2568', /ไม่มีวันที่ 31 กุมภาพันธ์ 2568/);
  refuse('text', '<script>alert(1)</script>', /ไม่รับแท็ก HTML/);
  refuse('longtext', 'ก'.repeat(10 * 1024 * 1024), /ยาว/);
  refuse('percent', '120', /ต้องไม่เกิน 100/);
  refuse('money', '10.123', /ทศนิยมได้ไม่เกิน 2 ตำแหน่ง/);
  refuse('choice', 'c', /เลือกคำตอบ/);
  refuse('yesno', 'maybe', /ใช่ หรือ ไม่ใช่/);
});

test('what Thai offices type is understood: Thai digits, thousands separators, Buddhist-Era dates, ใช่/ไม่ใช่', () => {
  assert.deepEqual(parseFieldValue(field('integer'), '๑,๒๓๔'), { ok: true, value: 1234 });
  assert.deepEqual(parseFieldValue(field('money'), '1,250,000.50 บาท'), { ok: true, value: 1250000.5 });
  assert.deepEqual(parseFieldValue(field('date'), '29/02/2567'), { ok: true, value: '2024-02-29' });
  assert.deepEqual(parseFieldValue(field('yesno'), 'ใช่'), { ok: true, value: true });
  assert.deepEqual(parseFieldValue(field('choice'), 'ตัวเลือกบี'), { ok: true, value: 'b' });
  assert.deepEqual(parseFieldValue(field('text'), '   '), { ok: true, value: null });
});
