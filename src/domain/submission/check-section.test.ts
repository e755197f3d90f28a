import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import fc from 'fast-check';
import { readFrameworkFile } from '../framework/read-framework-file.ts';
import { checkSection, computeIndicators, farFromLastYear, type Answers } from './check-section.ts';

const file = path.resolve(import.meta.dirname, '../../../frameworks/odloc-minimum-standards-2568.yaml');
const loaded = await readFrameworkFile(fs.readFileSync(file), async (code) => {
  const prev = await readFrameworkFile(fs.readFileSync(path.resolve(import.meta.dirname, '../../../frameworks/odloc-minimum-standards-2567.yaml')));
  return code === 'odloc-2567' && prev.ok ? prev.doc : null;
});
if (!loaded.ok) throw new Error('framework');
const doc = loaded.doc;
const sections = doc.forms.flatMap((f) => f.sections);

test('any posted form, of any shape, gives values or Thai messages at known fields — never an exception (property)', () => {
  const keys = sections.flatMap((s) => s.fields.map((f) => f.key));
  const raw = fc.dictionary(fc.oneof(fc.constantFrom(...keys), fc.string({ maxLength: 20 })), fc.oneof(fc.string({ maxLength: 300 }), fc.constantFrom('1e309', '-1', '31/02/2568', '<b>x</b>', '๑๒', '1,000', '')), { maxKeys: 30 });
  fc.assert(fc.property(fc.constantFrom(...sections), raw, fc.boolean(), (section, posted, complete) => {
    const r = checkSection({ doc, audience: 'subdistrict', section, raw: posted, stored: new Map(), lastYear: new Map(), complete });
    for (const [name, message] of Object.entries(r.errors)) {
      assert.ok(section.fields.some((f) => name === f.key || name.startsWith(`${f.key}__`)), `error for unknown input ${name}`);
      assert.match(message, /[\u0E00-\u0E7F]/);
    }
    for (const v of r.values) assert.ok(section.fields.some((f) => f.key === v.fieldKey));
    return true;
  }), { numRuns: 500 });
});

test('required answers are asked for only when the section is said to be done', () => {
  const section = sections.find((s) => s.code === 'F1-S1')!;
  assert.ok(Object.keys(checkSection({ doc, audience: 'subdistrict', section, raw: {}, stored: new Map(), lastYear: new Map(), complete: true }).errors).length > 0);
  assert.deepEqual(checkSection({ doc, audience: 'subdistrict', section, raw: {}, stored: new Map(), lastYear: new Map(), complete: false }).errors, {});
});

test('a value far from last year needs a short reason, and is then accepted with it', () => {
  const section = sections.find((s) => s.code === 'F1-S1')!;
  const lastYear: Answers = new Map([['population', 5000]]);
  const without = checkSection({ doc, audience: 'subdistrict', section, raw: { population: '15000' }, stored: new Map(), lastYear, complete: false });
  assert.match(without.errors.population ?? '', /ต่างจากปีก่อน \(5,000\) มาก/);
  const withReason = checkSection({ doc, audience: 'subdistrict', section, raw: { population: '15000', population__note: 'รวมเขตที่ขยายใหม่' }, stored: new Map(), lastYear, complete: false });
  assert.deepEqual(withReason.errors, {});
  assert.equal(withReason.values.find((v) => v.fieldKey === 'population')?.note, 'รวมเขตที่ขยายใหม่');
  assert.equal(farFromLastYear(5100, 5000), false);
});

test('indicator values follow the answers; a zero denominator is no such service', () => {
  const answers: Answers = new Map([['tour_sites_total', 4], ['tour_sites_promoted', 3]]);
  const promoted = computeIndicators(doc, 'subdistrict', answers).find((p) => p.indicator.denominator === 'tour_sites_total');
  assert.deepEqual(promoted?.outcome, { kind: 'value', value: 75 });
  answers.set('tour_sites_total', 0);
  answers.set('tour_sites_promoted', 0);
  assert.deepEqual(computeIndicators(doc, 'subdistrict', answers).find((p) => p.indicator.denominator === 'tour_sites_total')?.outcome, { kind: 'no_service' });
});
