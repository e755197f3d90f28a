import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { importFramework } from '../../src/services/framework/import-framework.ts';
import { loadFrameworkVersion } from '../../src/services/framework/load-framework-version.ts';
import { createUserWithRole } from '../support/factories.ts';
import { Browser, createTestApp, type TestApp } from '../support/web.ts';

// The standards list of DLA's quarterly monitoring as master data the owner edits (in a draft version).
let t: TestApp;
let admin: Browser;
let versionId: number;
before(async () => {
  t = await createTestApp();
  const file = path.resolve(import.meta.dirname, '../../frameworks/dla-standards-monitoring.yaml');
  const imported = await importFramework(t.deps, null, { bytes: fs.readFileSync(file), fileName: 'dla-standards-monitoring.yaml' }, { actorUserId: null, ip: null, requestId: 't' });
  assert.ok(imported.ok);
  versionId = imported.versionId;
  const user = await createUserWithRole(t.deps, 'programme_admin', 'TH');
  admin = new Browser(t.app);
  assert.equal((await admin.signIn(user.username, user.password)).status, 303);
});
after(async () => t.close());

test('the owner adds, renames and retires standards; the version keeps them', async () => {
  const page = await (await admin.get(`/admin/frameworks/${versionId}/lists/standards`)).text();
  const text = /<textarea[^>]*>([\s\S]*?)<\/textarea>/.exec(page)![1]!.replace(/&amp;/g, '&');
  const lines = text.split('\n');
  assert.ok(lines.length > 10);
  const edited = [`- ${lines[0]}`, ...lines.slice(1), 'STD-NEW | มาตรฐานการจัดการน้ำเสียชุมชน | สิ่งแวดล้อม'].join('\n');
  const res = await admin.post(`/admin/frameworks/${versionId}/lists/standards`, { items: edited });
  assert.equal(res.status, 303);
  const version = await loadFrameworkVersion(t.deps.db, { id: versionId });
  const items = version.doc.lists!.find((l) => l.code === 'standards')!.items;
  assert.equal(items[0]!.retired, true);
  assert.deepEqual(items.at(-1), { code: 'STD-NEW', title: 'มาตรฐานการจัดการน้ำเสียชุมชน', group: 'สิ่งแวดล้อม' });
  const audit = await t.deps.db.selectFrom('audit_events').select('action').where('action', '=', 'framework.edit_list').execute();
  assert.equal(audit.length, 1);
});

test('bad lines come back at the field with their numbers, the text kept; nothing is saved', async () => {
  const before = await loadFrameworkVersion(t.deps.db, { id: versionId });
  const res = await admin.post(`/admin/frameworks/${versionId}/lists/standards`, { items: 'A1 | หนึ่ง\nA1 | ซ้ำ\nรหัสไทย | สาม' });
  assert.equal(res.status, 422);
  const html = await res.text();
  assert.match(html, /บรรทัด 2: รหัส (&quot;|")A1(&quot;|") ซ้ำ/);
  assert.match(html, /บรรทัด 3: รหัส (&quot;|")รหัสไทย/);
  assert.match(html, /A1 \| ซ้ำ/);
  const after = await loadFrameworkVersion(t.deps.db, { id: versionId });
  assert.deepEqual(after.doc.lists, before.doc.lists);
});

test('a missing list or a non-numeric id is a 404, not a 500', async () => {
  assert.equal((await admin.get(`/admin/frameworks/${versionId}/lists/nothing`)).status, 404);
  assert.equal((await admin.get('/admin/frameworks/abc/lists/standards')).status, 404);
  assert.equal((await admin.get('/admin/frameworks/999999/lists/standards')).status, 404);
});
