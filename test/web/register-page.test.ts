import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { sql } from 'kysely';
import { generateRegisterCsv } from '../../src/services/register/generate-register.ts';
import { createUserWithRole } from '../support/factories.ts';
import { Browser, createTestApp, testOrigin, type TestApp } from '../support/web.ts';

let t: TestApp;
let admin: Browser;
before(async () => {
  t = await createTestApp();
  const u = await createUserWithRole(t.deps, 'programme_admin', 'TH');
  admin = new Browser(t.app);
  await admin.signIn(u.username, u.password);
});
after(() => t.close());

async function upload(csv: string, mode: 'dry_run' | 'import', name = 'register.csv'): Promise<Response> {
  const form = new FormData();
  form.set('_csrf', admin.csrf());
  form.set('mode', mode);
  form.set('file', new File([csv], name, { type: 'text/csv' }));
  return t.app.request('/admin/register', { method: 'POST', body: form, headers: { cookie: admin.cookieHeader(), origin: testOrigin } });
}

/** Follows the import page until the background run finishes, as the refreshing page would. */
async function follow(location: string): Promise<string> {
  for (let i = 0; i < 600; i++) {
    const res = await admin.get(location);
    assert.equal(res.status, 200);
    const html = await res.text();
    if (!res.headers.get('refresh')) return html;
    assert.match(html, /<progress/);
    await new Promise((r) => setImmediate(r));
  }
  throw new Error('import did not finish');
}

test('the generated national register is checked, then imported, from the browser page', async () => {
  const csv = generateRegisterCsv();
  const dry = await upload(csv, 'dry_run');
  assert.equal(dry.status, 303);
  const dryPage = await follow(dry.headers.get('location')!);
  assert.match(dryPage, /ไฟล์ถูกต้อง ยังไม่ได้นำเข้า/);
  const before = await sql<{ n: number }>`select count(*)::int as n from org_units where kind = 'lao'`.execute(t.deps.db);
  assert.equal(before.rows[0]!.n, 0, 'a dry run writes nothing');

  const real = await upload(csv, 'import');
  const page = await follow(real.headers.get('location')!);
  assert.match(page, /เพิ่มใหม่<\/dt><dd>7,8\d\d/);
  const after = await sql<{ n: number }>`select count(*)::int as n from org_units where kind = 'lao'`.execute(t.deps.db);
  assert.ok(after.rows[0]!.n > 7800);
});

test('a file with bad rows is reported row by row in Thai and nothing is imported', async () => {
  const csv = 'code,name_th,lao_type,province_code,district_code\n9999991,,sao,22,2206\n9999992,อบต.หนึ่ง,castle,22,2206\n9999993,อบต.สอง,sao,22,9999\n';
  const res = await upload(csv, 'import', 'bad.csv');
  const page = await follow(res.headers.get('location')!);
  assert.match(page, /ข้อผิดพลาด 3 รายการ/);
  assert.match(page, /ระบบยังไม่ได้นำเข้าข้อมูลใดเลย/);
  const n = await sql<{ n: number }>`select count(*)::int as n from org_units where code like '999999%'`.execute(t.deps.db);
  assert.equal(n.rows[0]!.n, 0);
});

test('uploading without a file says so at the field', async () => {
  const res = await admin.post('/admin/register', { mode: 'dry_run' });
  assert.equal(res.status, 422);
  assert.match(await res.text(), /href="#file">เลือกไฟล์ทะเบียน/);
});
