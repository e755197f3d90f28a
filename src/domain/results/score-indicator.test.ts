import assert from 'node:assert/strict';
import { test } from 'node:test';
import { readFrameworkFile } from '../framework/read-framework-file.ts';
import type { Answers } from '../submission/check-section.ts';
import { scoreSubmission, type ResultState } from './score-indicator.ts';

// The answer key: respondents with known inputs get exactly the expected state for every indicator.
const yaml = `
schemaVersion: 1
programme: { code: key, title: เฉลย, owner: odloc, respondents: lao, frequency: yearly }
version: { code: key-1, title: กรอบเฉลย, fiscalYear: 2568 }
laoTypes: [subdistrict, sao]
forms:
  - code: F
    title: แบบ
    sections:
      - code: S
        title: ส่วน
        fields:
          - { key: roads_all, label: ถนนทั้งหมด, type: integer }
          - { key: roads_fixed, label: ถนนที่ซ่อม, type: integer }
          - { key: projects, label: โครงการ, type: integer }
          - { key: complaints, label: เรื่องร้องเรียน, type: integer }
          - { key: spend, label: ค่าใช้จ่าย, type: money }
areas:
  - code: A
    title: ด้านเฉลย
    indicators:
      - code: R1
        title: ร้อยละถนนที่ซ่อม
        numerator: roads_fixed
        denominator: roads_all
        unit: ร้อยละ
        targets: { subdistrict: { comparison: '>=', value: 80 }, sao: { comparison: '>', value: 80 } }
      - code: C1
        title: จำนวนโครงการ
        formula: projects
        unit: โครงการ
        targets: { all: { comparison: '>=', value: 3 } }
      - code: L1
        title: เรื่องร้องเรียน
        formula: complaints
        unit: เรื่อง
        polarity: lower
        targets: { all: { comparison: '<=', value: 2 } }
      - code: D1
        title: ค่าใช้จ่ายต่อโครงการ
        formula: spend / projects
        unit: บาท
        polarity: lower
        targets: { all: { comparison: '<', value: 1000 } }
`;
const loaded = await readFrameworkFile(Buffer.from(yaml));
if (!loaded.ok) throw new Error(JSON.stringify(loaded.problems));
const doc = loaded.doc;

const cases: { name: string; type: 'subdistrict' | 'sao'; answers: Record<string, number>; expect: Record<string, ResultState>; values?: Record<string, number | null> }[] = [
  { name: 'equal to the target with ≥ is met', type: 'subdistrict', answers: { roads_all: 10, roads_fixed: 8, projects: 3, complaints: 2, spend: 999 }, expect: { R1: 'met', C1: 'met', L1: 'met', D1: 'met' }, values: { R1: 80, D1: 333 } },
  { name: 'equal to the target with > is not met', type: 'sao', answers: { roads_all: 10, roads_fixed: 8, projects: 2, complaints: 3, spend: 2400 }, expect: { R1: 'needs_development', C1: 'needs_development', L1: 'needs_development', D1: 'needs_development' }, values: { R1: 80, D1: 1200 } },
  { name: 'a zero denominator is no such service, not a failure', type: 'subdistrict', answers: { roads_all: 0, roads_fixed: 0, projects: 0, complaints: 0, spend: 500 }, expect: { R1: 'no_service', C1: 'not_done', L1: 'met', D1: 'no_service' }, values: { R1: null } },
  { name: 'something to serve and nothing delivered is not done', type: 'sao', answers: { roads_all: 12, roads_fixed: 0, projects: 5, complaints: 0, spend: 0 }, expect: { R1: 'not_done', C1: 'met', L1: 'met', D1: 'met' }, values: { R1: 0, D1: 0 } },
  { name: 'unanswered inputs are missing', type: 'subdistrict', answers: { roads_all: 10 }, expect: { R1: 'missing', C1: 'missing', L1: 'missing', D1: 'missing' } },
];

for (const c of cases) {
  test(`answer key: ${c.name}`, () => {
    const answers: Answers = new Map(Object.entries(c.answers));
    const summary = scoreSubmission(doc, c.type, answers);
    assert.deepEqual(Object.fromEntries(summary.results.map((r) => [r.code, r.state])), c.expect);
    for (const [code, value] of Object.entries(c.values ?? {})) assert.equal(summary.results.find((r) => r.code === code)!.value, value === null ? null : value, code);
    assert.equal(Object.values(summary.counts).reduce((a, b) => a + b, 0), 4);
  });
}

test('every result says why: its inputs with labels, the formula in words, the target', () => {
  const r = scoreSubmission(doc, 'subdistrict', new Map(Object.entries({ roads_all: 10, roads_fixed: 7 }))).results.find((x) => x.code === 'R1')!;
  assert.deepEqual(r.why.inputs.map((i) => [i.label, i.value]), [['ถนนที่ซ่อม', 7], ['ถนนทั้งหมด', 10]]);
  assert.equal(r.why.formula, '([ถนนที่ซ่อม]) ÷ ([ถนนทั้งหมด]) × 100');
  assert.equal(r.why.target, 'ไม่น้อยกว่า 80 ร้อยละ');
  assert.deepEqual([r.numerator, r.denominator, r.value, r.state], [7, 10, 70, 'needs_development']);
});
