import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { readFrameworkFile, sameFramework } from '../src/domain/framework/read-framework-file.ts';
import { createCliRunner, projectRoot as root, type CliRunner } from './support/cli.ts';

// The command line as a person runs it: a real process against this file's own database.
const fixtures = path.join(root, 'test/fixtures/frameworks');

let runner: CliRunner;
before(async () => (runner = await createCliRunner()));
after(async () => runner.close());
const cli = (...args: string[]) => runner.run(...args);

test('framework check: exit 0 for a valid file; otherwise one Thai line per problem and exit 1', async () => {
  const ok = await cli('framework', 'check', path.join(fixtures, 'small-valid.yaml'));
  assert.equal(ok.code, 0, ok.stderr);
  assert.match(ok.stdout, /^ผ่าน: กรอบทดสอบ 2568 \(test-2568\)/);
  const bad = await cli('framework', 'check', path.join(fixtures, 'twelve-defects.yaml'));
  assert.equal(bad.code, 1);
  const lines = bad.stdout.trim().split('\n');
  assert.equal(lines.length, 13);
  assert.ok(lines.every((l) => /^บรรทัด \d+ · \S+: .*[\u0E00-\u0E7F]/.test(l)), lines.join('\n'));
  const missing = await cli('framework', 'check', path.join(runner.tmp, 'no-such-file.yaml'));
  assert.equal(missing.code, 1);
  assert.match(missing.stderr, /เปิดไฟล์ .* ไม่ได้/);
  assert.equal((await cli('framework', 'check')).code, 2);
});

test('framework import then export gives back an equivalent file; a bad file imports nothing', async () => {
  const bad = await cli('framework', 'import', path.join(fixtures, 'twelve-defects.yaml'));
  assert.equal(bad.code, 1);
  assert.match(bad.stderr, /ไม่ได้นำเข้า: พบ \d+ ปัญหา/);
  const imported = await cli('framework', 'import', path.join(fixtures, 'small-valid.yaml'));
  assert.equal(imported.code, 0, imported.stderr);
  assert.match(imported.stdout, /นำเข้าแล้ว: กรอบทดสอบ 2568 \(test-2568/);
  const listed = await cli('framework', 'list');
  assert.match(listed.stdout, /test-2568\tร่าง\tปี 2568/);
  const exported = await cli('framework', 'export', 'test-2568');
  assert.equal(exported.code, 0, exported.stderr);
  const a = await readFrameworkFile(fs.readFileSync(path.join(fixtures, 'small-valid.yaml')));
  const b = await readFrameworkFile(Buffer.from(exported.stdout));
  assert.ok(a.ok && b.ok && sameFramework(a.doc, b.doc));
  const unknown = await cli('framework', 'export', 'no-such-version');
  assert.equal(unknown.code, 1);
  assert.match(unknown.stderr, /ไม่พบกรอบการประเมิน "no-such-version"/);
});
