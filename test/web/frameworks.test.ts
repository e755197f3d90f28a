import assert from 'node:assert/strict';
import fs from 'node:fs/promises';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { parse } from 'yaml';
import { formatProblem, readFrameworkFile, sameFramework } from '../../src/domain/framework/read-framework-file.ts';
import { listFrameworkFiles } from '../../src/services/framework/framework-files.ts';
import { createUserWithRole } from '../support/factories.ts';
import { Browser, createTestApp, testOrigin, type TestApp } from '../support/web.ts';

let t: TestApp;
let admin: Browser;
const fixture = path.resolve(import.meta.dirname, '../fixtures/frameworks/small-valid.yaml');
let good: string;

before(async () => {
  t = await createTestApp();
  const u = await createUserWithRole(t.deps, 'programme_admin', 'TH');
  admin = new Browser(t.app);
  assert.equal((await admin.signIn(u.username, u.password)).status, 303);
  good = await fs.readFile(fixture, 'utf8');
});
after(() => t.close());

/** Text as hono/jsx writes it into HTML. */
const html = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');

async function upload(text: string | null, mode: 'check' | 'import', name = 'framework.yaml', csrf = admin.csrf()): Promise<Response> {
  const form = new FormData();
  form.set('_csrf', csrf);
  form.set('mode', mode);
  if (text !== null) form.set('file', new File([text], name, { type: 'application/yaml' }));
  return t.app.request('/admin/frameworks', { method: 'POST', body: form, headers: { cookie: admin.cookieHeader(), origin: testOrigin } });
}

test('a file with problems is refused with 422 and every problem listed with its line and path, in Thai', async () => {
  const bad = good
    .replace('code: test-2568', 'code: bad-2568')
    .replace('numerator: budget_env', 'numerator: budget_environment')
    .replace('type: yesno', 'type: yes_no')
    .replace('severity: blocking', 'severity: blocking\n    colour: red');
  const expected = await readFrameworkFile(Buffer.from(bad));
  assert.equal(expected.ok, false);
  const problems = expected.ok ? [] : expected.problems;
  assert.ok(problems.length >= 2, 'the edit breaks the file in more than one place');

  for (const mode of ['check', 'import'] as const) {
    const res = await upload(bad, mode, 'bad.yaml');
    assert.equal(res.status, 422);
    const page = await res.text();
    assert.match(page, new RegExp(`ไฟล์ bad\\.yaml มีปัญหา ${problems.length} รายการ ยังไม่ได้นำเข้า`));
    for (const p of problems) assert.ok(page.includes(`<li>${html(formatProblem(p))}</li>`), `listed: ${formatProblem(p)}`);
    assert.match(page, /บรรทัด \d+ · /);
    assert.match(page, /href="#problems"/, 'the error summary links to the list');
  }
  const stored = await t.deps.db.selectFrom('framework_versions').select('id').where('code', '=', 'bad-2568').execute();
  assert.equal(stored.length, 0, 'nothing was imported');
});

test('uploads without a file, of another type, or not a framework at all get a Thai message, never a 500', async () => {
  const none = await upload(null, 'check');
  assert.equal(none.status, 422);
  assert.match(await none.text(), /href="#file">เลือกไฟล์กรอบการประเมิน/);

  const csv = await upload('a,b\n1,2\n', 'import', 'register.csv');
  assert.equal(csv.status, 422);
  assert.match(await csv.text(), /ไฟล์ต้องเป็น \.yaml หรือ \.json/);

  for (const junk of ['just text', '{ "schemaVersion": 1 }', '[1, 2', '\u0000\u0001binary']) {
    const res = await upload(junk, 'check', 'junk.json');
    assert.equal(res.status, 422, junk);
    assert.match(await res.text(), /มีปัญหา \d+ รายการ/);
  }

  const urlencoded = await admin.post('/admin/frameworks', { mode: 'import' });
  assert.equal(urlencoded.status, 422);
});

test('a good file is checked without importing, then imported; its page shows the formula in words and the example tag', async () => {
  const checked = await upload(good, 'check', 'small-valid.yaml');
  assert.equal(checked.status, 200);
  assert.match(await checked.text(), /ไฟล์ small-valid\.yaml ถูกต้อง<\/strong> ยังไม่ได้นำเข้า/);
  assert.equal((await t.deps.db.selectFrom('framework_versions').select('id').where('code', '=', 'test-2568').execute()).length, 0);

  const imported = await upload(good, 'import', 'small-valid.yaml');
  assert.equal(imported.status, 303);
  const location = imported.headers.get('location')!;
  assert.match(location, /^\/admin\/frameworks\/\d+\?done=imported$/);

  const page = await (await admin.get(location)).text();
  assert.match(page, /นำเข้ากรอบการประเมินแล้ว/);
  assert.match(page, /<h1>กรอบทดสอบ 2568<\/h1>/);
  assert.match(page, /ร่าง — แก้ไขได้/);
  // the first type (เทศบาลตำบล) by default, in its own words
  assert.match(page, /aria-current="page">เทศบาลตำบล</);
  assert.match(page, /ร้อยละของงบประมาณของเทศบาลด้านสิ่งแวดล้อม/);
  assert.match(page, /<strong>ตัวตั้ง<\/strong> \[งบประมาณด้านสิ่งแวดล้อม\]/);
  assert.match(page, /<strong>ตัวหาร<\/strong> \[งบประมาณรายจ่ายทั้งหมด\]/);
  assert.match(page, /ตัวตั้ง ÷ ตัวหาร × 100/);
  assert.match(page, /≥ 5 ร้อยละ <span class="muted">· ยิ่งมากยิ่งดี<\/span> <span class="tag tag-warning">ค่าตัวอย่าง — แก้ไขตามประกาศ<\/span>/);
  assert.match(page, /งบประมาณด้านสิ่งแวดล้อมต้องไม่เกินงบประมาณทั้งหมด/);
  assert.match(page, /ตรวจว่า: \[งบประมาณด้านสิ่งแวดล้อม\] ≤ \[งบประมาณรายจ่ายทั้งหมด\]/);
  assert.match(page, /ใช่\/ไม่ใช่/);

  const id = location.match(/\d+/)![0];
  const sao = await (await admin.get(`/admin/frameworks/${id}?type=sao`)).text();
  assert.match(sao, /ร้อยละของงบประมาณขององค์การบริหารส่วนตำบลด้านสิ่งแวดล้อม/);
  assert.match(sao, /แบบองค์การบริหารส่วนตำบล ๑/);
  assert.equal((await admin.get(`/admin/frameworks/${id}?type=castle`)).status, 200, 'an unknown type falls back to the first');

  const list = await (await admin.get('/admin/frameworks')).text();
  assert.match(list, /<h2 id="programme-\d+">โครงการทดสอบ<\/h2>/);
  assert.match(list, new RegExp(`href="/admin/frameworks/${id}">test-2568</a>`));
});

test('export gives back a YAML file that means the same framework', async () => {
  const row = await t.deps.db.selectFrom('framework_versions').select('id').where('code', '=', 'test-2568').executeTakeFirstOrThrow();
  const res = await admin.get(`/admin/frameworks/${row.id}/export`);
  assert.equal(res.status, 200);
  assert.match(res.headers.get('content-type')!, /^text\/yaml/);
  assert.equal(res.headers.get('content-disposition'), 'attachment; filename="test-2568.yaml"');
  const text = await res.text();
  const again = await readFrameworkFile(Buffer.from(text));
  const original = await readFrameworkFile(Buffer.from(good));
  assert.ok(again.ok && original.ok);
  assert.ok(sameFramework(again.doc, original.doc));
  assert.equal((parse(text) as { version: { code: string } }).version.code, 'test-2568');
});

test('a new version is made from the latest as a draft; a taken code is said at the field with the values kept', async () => {
  const row = await t.deps.db.selectFrom('framework_versions').select('id').where('code', '=', 'test-2568').executeTakeFirstOrThrow();
  const page = await (await admin.get(`/admin/frameworks/${row.id}`)).text();
  assert.match(page, /name="code" type="text" value="test-2569"/, 'the next code is suggested');
  assert.match(page, /name="fiscalYear" type="text" value="2569"/);

  const taken = await admin.post(`/admin/frameworks/${row.id}/copy`, { code: 'test-2568', title: 'กรอบทดสอบ 2569', fiscalYear: '2569' });
  assert.equal(taken.status, 422);
  const takenPage = await taken.text();
  assert.match(takenPage, /href="#code">มีกรอบการประเมินรหัสรุ่นนี้แล้ว/);
  assert.match(takenPage, /value="กรอบทดสอบ 2569"/);

  const bad = await admin.post(`/admin/frameworks/${row.id}/copy`, { code: 'ไทย', title: '', fiscalYear: '2026' });
  assert.equal(bad.status, 422);
  const badPage = await bad.text();
  assert.match(badPage, /รหัสรุ่นใช้อักษรอังกฤษ/);
  assert.match(badPage, /กรอกชื่อรุ่น/);
  assert.match(badPage, /กรอกปีงบประมาณเป็น พ.ศ. เช่น 2569/);

  const made = await admin.post(`/admin/frameworks/${row.id}/copy`, { code: 'test-2569', title: 'กรอบทดสอบ 2569', fiscalYear: '2569' });
  assert.equal(made.status, 303);
  const copyPage = await (await admin.get(made.headers.get('location')!)).text();
  assert.match(copyPage, /<h1>กรอบทดสอบ 2569<\/h1>/);
  assert.match(copyPage, /ต่อจากรุ่น test-2568/);
  assert.match(copyPage, /ตัวชี้วัด <code>A3-01<\/code> ของรุ่น test-2568/);

  const older = await (await admin.get(`/admin/frameworks/${row.id}`)).text();
  assert.match(older, /รุ่นใหม่สร้างจากรุ่นล่าสุดของโครงการเสมอ/, 'an older version points to the latest instead of offering a copy of something else');
});

test('the shipped framework files import and read as their users will meet them', async () => {
  const files = await listFrameworkFiles();
  assert.ok(files.length > 0);
  for (const file of files) {
    const res = await upload(await fs.readFile(file, 'utf8'), 'import', path.basename(file));
    assert.equal(res.status, 303, `${path.basename(file)}: ${res.status === 422 ? (await res.text()).match(/<ol id="problems"[\s\S]*?<\/ol>/)?.[0] : ''}`);
    const location = res.headers.get('location')!;
    const read = await readFrameworkFile(await fs.readFile(file));
    assert.ok(read.ok || read.doc);
    const doc = read.ok ? read.doc : read.doc!;
    const types = doc.programme.respondents === 'lao' ? doc.laoTypes ?? [] : [];
    for (const type of types.length ? types : [null]) {
      const started = performance.now();
      const page = await admin.get(`${location.replace(/\?.*/, '')}${type ? `?type=${type}` : ''}`);
      const body = await page.text();
      assert.equal(page.status, 200);
      assert.ok(performance.now() - started < 2000, 'the page is quick to build');
      for (const list of doc.lists ?? []) for (const item of list.items.filter((i) => !i.retired)) assert.ok(body.includes(html(item.title)), `${list.code}: ${item.title}`);
      if (!type) assert.match(body, /มุมมองเดียว/);
    }
  }
});

test('the JSON Schema of the file is public; ids that are not numbers, or not there, are 404; forms need the CSRF token', async () => {
  const anonymous = new Browser(t.app);
  const schema = await anonymous.get('/frameworks/framework.schema.json');
  assert.equal(schema.status, 200);
  assert.match(schema.headers.get('content-type')!, /^application\/schema\+json/);
  assert.equal((JSON.parse(await schema.text()) as { $schema: string }).$schema, 'https://json-schema.org/draft/2020-12/schema');

  for (const p of ['/admin/frameworks/abc', '/admin/frameworks/1e3', '/admin/frameworks/99999999', '/admin/frameworks/-1/export', '/admin/frameworks/99999999/export']) {
    assert.equal((await admin.get(p)).status, 404, p);
  }
  assert.equal((await admin.post('/admin/frameworks/abc/copy', { code: 'x-1', title: 'x', fiscalYear: '2569' })).status, 404);

  const noToken = await upload(good, 'import', 'small-valid.yaml', 'not-the-token');
  assert.equal(noToken.status, 403);
  const row = await t.deps.db.selectFrom('framework_versions').select('id').where('code', '=', 'test-2568').executeTakeFirstOrThrow();
  assert.equal((await admin.post(`/admin/frameworks/${row.id}/copy`, { code: 'x-2', title: 'x', fiscalYear: '2569' }, { csrf: null })).status, 403);
});
