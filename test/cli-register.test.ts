import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { createCliRunner, projectRoot as root, type CliRunner } from './support/cli.ts';

// The command line as a person runs it: a real process against this file's own database.
const fixtures = path.join(root, 'test/fixtures/register');

let runner: CliRunner;
before(async () => (runner = await createCliRunner()));
after(async () => runner.close());
const cli = (...args: string[]) => runner.run(...args);

test('register import --dry-run of a bad file: exit 1, one Thai line per problem naming row and column', async () => {
  const r = await cli('register', 'import', path.join(fixtures, 'bad-rows.csv'), '--dry-run');
  assert.equal(r.code, 1, r.stderr);
  const lines = r.stdout.trim().split('\n');
  assert.equal(lines.length, 13);
  assert.match(lines[0]!, /^แถว 3 คอลัมน์ code: รหัส อปท\. 6220101 ซ้ำกับแถว 2/);
  assert.match(lines[1]!, /^แถว 4 คอลัมน์ district_code: ไม่พบอำเภอรหัส 2299/);
  assert.match(lines[12]!, /^พบ 12 ปัญหา.*ยังไม่ได้นำเข้า/);
});

test('register import of a clean file: progress on stderr, a Thai summary, exit 0; then nothing changes', async () => {
  const first = await cli('register', 'import', path.join(fixtures, 'clean.csv'));
  assert.equal(first.code, 0, first.stderr + first.stdout);
  assert.match(first.stdout, /นำเข้าทะเบียน อปท\. จาก clean\.csv แล้ว: 12 แถว/);
  assert.match(first.stdout, /เพิ่ม 12 · ปรับปรุง 0/);
  assert.match(first.stderr, /กำลังตรวจ 12\/12 แถว/);
  const again = await cli('register', 'import', path.join(fixtures, 'clean.csv'));
  assert.match(again.stdout, /เพิ่ม 0 · ปรับปรุง 0 \(ย้ายอำเภอ 0\) · ปิด 0 · เปิดใช้อีกครั้ง 0 · ไม่เปลี่ยน 12/);
});

test('a file-level problem prints as one line for the whole file', async () => {
  const r = await cli('register', 'import', path.join(fixtures, 'not-really.xlsx'));
  assert.equal(r.code, 1);
  assert.match(r.stdout, /^ไฟล์: ไฟล์นี้ไม่ใช่ไฟล์ Excel/);
});

test('register generate --out writes the generated register, importable as it is', async () => {
  const out = path.join(runner.tmp, 'generated.csv');
  const r = await cli('register', 'generate', '--out', out);
  assert.equal(r.code, 0, r.stderr);
  assert.match(r.stderr, /7,852 แห่ง/);
  assert.equal(fs.readFileSync(out, 'utf8').trim().split('\r\n').length, 7853);
  const dry = await cli('register', 'import', out, '--dry-run');
  assert.equal(dry.code, 0, dry.stdout);
  assert.match(dry.stdout, /ถ้านำเข้า: เพิ่ม [\d,]+ · ปรับปรุง/, 'the generated file passes every check');
});

test('reference load, a missing file, and wrong usage', async () => {
  const ref = await cli('reference', 'load');
  assert.equal(ref.code, 0, ref.stderr);
  assert.match(ref.stdout, /77 จังหวัด 928 อำเภอ/);
  const missing = await cli('register', 'import', path.join(runner.tmp, 'nope.csv'));
  assert.equal(missing.code, 1);
  assert.match(missing.stderr, /ไม่พบไฟล์/);
  assert.equal((await cli('nonsense')).code, 2);
  assert.equal((await cli('register', 'import')).code, 2);
  assert.equal((await cli('register', 'import', 'a.csv', '--force')).code, 2);
});
