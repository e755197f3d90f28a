import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { stringify } from 'yaml';
import { exportFramework, formatProblem, readFrameworkFile, sameFramework } from './read-framework-file.ts';

const fixtures = path.resolve(import.meta.dirname, '../../../test/fixtures/frameworks');
const read = (name: string) => fs.readFileSync(path.join(fixtures, name));
const previousFromFixtures = async (code: string) => {
  if (code !== 'test-2568') return null;
  const r = await readFrameworkFile(read('small-valid.yaml'));
  return r.ok ? r.doc : null;
};

test('a file with a dozen different defects is rejected with one Thai message per defect, each with its line and path', async () => {
  const result = await readFrameworkFile(read('twelve-defects.yaml'), previousFromFixtures);
  assert.equal(result.ok, false);
  const lines = result.ok ? [] : result.problems.map(formatProblem);
  const expected: [RegExp, number][] = [
    [/areas\[0\]\.indicators\[2\]: ไม่รู้จัก "unti"/, 53],
    [/fields\[2\]\.key: ชื่อช่องข้อมูล "budget_env" ซ้ำ/, 26],
    [/indicators\[2\]\.code: รหัสตัวชี้วัด "A3-01" ซ้ำ/, 53],
    [/forms\[0\]\.title: ไม่มีคำ \{council\} ใน terms/, 19],
    [/repeatOver: ไม่มีบัญชีรายการ "standards"/, 31],
    [/fields\[4\]\.choices: ช่อง "waste_method" เป็นแบบเลือกตอบ ต้องมี choices/, 28],
    [/indicators\[0\]\.denominator: ไม่มีช่องข้อมูล "budget_totl"/, 41],
    [/indicators\[0\]\.targets: ตัวชี้วัด A3-01 ไม่มีค่าเป้าหมายสำหรับ อบต\./, 44],
    [/indicators\[1\]\.formula: ใช้ตัวดำเนินการกับชนิดข้อมูลที่เข้ากันไม่ได้: ข้อความ \+ ตัวเลข/, 48],
    [/indicators\[1\]\.previous: ไม่มีตัวชี้วัด "A9-99" ในกรอบรุ่นก่อนหน้า/, 52],
    [/indicators\[2\]\.appliesTo\[0\]: ประเภท ทน\. ไม่อยู่ใน laoTypes/, 57],
    [/targets\.all\.comparison: .*ยิ่งน้อยยิ่งดี/, 60],
    [/validations\[0\]\.expression: ผลของสูตรต้องเป็นจริง\/เท็จ/, 64],
  ];
  for (const [pattern, line] of expected) {
    const hit = lines.find((l) => pattern.test(l));
    assert.ok(hit, `expected a problem matching ${pattern}\n${lines.join('\n')}`);
    assert.ok(hit.startsWith(`บรรทัด ${line} · `), `${hit} should name line ${line}`);
  }
  assert.equal(lines.length, expected.length, lines.join('\n'));
});

test('structural problems are all reported at once, in Thai, with lines', async () => {
  const text = 'schemaVersion: 2\nprogramme: { code: "x y", title: "", owner: moi }\nforms: []\n';
  const result = await readFrameworkFile(Buffer.from(text));
  const lines = result.ok ? [] : result.problems.map(formatProblem);
  assert.ok(lines.some((l) => /^บรรทัด 1 · schemaVersion: /.test(l)), lines.join('\n'));
  assert.ok(lines.some((l) => /programme\.code: รหัสใช้ได้เฉพาะ/.test(l)));
  assert.ok(lines.some((l) => /programme\.owner: ต้องเป็นหนึ่งใน odloc, dla/.test(l)));
  assert.ok(lines.some((l) => /^บรรทัด 3 · forms: ต้องมีอย่างน้อย 1 รายการ/.test(l)));
  assert.ok(lines.some((l) => /^บรรทัด 1 · version: ต้องมีค่านี้/.test(l)));
  assert.ok(lines.some((l) => /programme\.respondents: ต้องมีค่านี้/.test(l)));
});

test('not a text file, bad YAML and duplicate keys are refused with a Thai reason', async () => {
  const binary = await readFrameworkFile(Buffer.from([0xff, 0xfe, 0x00, 0x01]));
  assert.match(binary.ok ? '' : binary.problems[0]!.message, /UTF-8/);
  const broken = await readFrameworkFile(Buffer.from('a: [1, 2\nb: c'));
  assert.match(broken.ok ? '' : formatProblem(broken.problems[0]!), /อ่านไฟล์ไม่ได้/);
  const dup = await readFrameworkFile(Buffer.from('a: 1\na: 2\n'));
  assert.match(dup.ok ? '' : dup.problems[0]!.message, /key ซ้ำ/);
  const empty = await readFrameworkFile(Buffer.from('  \n'));
  assert.match(empty.ok ? '' : empty.problems[0]!.message, /ไฟล์ว่าง/);
});

test('JSON works as well as YAML, and export reads back as the same framework', async () => {
  const yaml = await readFrameworkFile(read('small-valid.yaml'));
  assert.equal(yaml.ok, true);
  if (!yaml.ok) return;
  const asJson = await readFrameworkFile(Buffer.from(JSON.stringify(yaml.doc)));
  assert.equal(asJson.ok && sameFramework(asJson.doc, yaml.doc), true);
  const exported = await readFrameworkFile(Buffer.from(exportFramework(yaml.doc)));
  assert.equal(exported.ok && sameFramework(exported.doc, yaml.doc), true);
  const changed = structuredClone(yaml.doc);
  changed.areas[0]!.indicators![0]!.unit = 'บาท';
  assert.equal(sameFramework(changed, yaml.doc), false, 'the comparison is not blind');
  assert.ok(stringify(yaml.doc).length > 0);
});
