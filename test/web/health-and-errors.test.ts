import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { createApp } from '../../src/web/app.ts';
import { createTestApp, type TestApp } from '../support/web.ts';

let t: TestApp;
before(async () => {
  t = await createTestApp();
});
after(() => t.close());

test('/healthz answers alive, /readyz checks the database and migrations', async () => {
  assert.deepEqual(await (await t.app.request('/healthz')).json(), { status: 'ok' });
  const ready = await t.app.request('/readyz');
  assert.equal(ready.status, 200);
  assert.deepEqual(await ready.json(), { status: 'ready' });
});

test('an unknown page is a Thai 404; under /api it is JSON', async () => {
  const page = await t.app.request('/no/such/page');
  assert.equal(page.status, 404);
  assert.match(await page.text(), /ไม่พบหน้าที่ต้องการ/);
  const api = await t.app.request('/api/v1/no-such', { headers: { authorization: 'Bearer nope' } });
  assert.equal(api.status, 401);
  assert.equal((await api.json()).error, 'unauthenticated');
});

test('an unexpected error is a Thai page with a reference id; the details go only to the log', async () => {
  const app = createApp(t.deps);
  app.get('/__boom', () => {
    throw new Error('secret internal detail');
  });
  const res = await app.request('/__boom');
  assert.equal(res.status, 500);
  const html = await res.text();
  assert.match(html, /ขออภัย ระบบขัดข้อง/);
  const ref = res.headers.get('x-request-id')!;
  assert.ok(html.includes(ref));
  assert.ok(!html.includes('secret internal detail'));
});

test('static assets are served compressed with a long cache under their hash', async () => {
  const page = await (await t.app.request('/sign-in')).text();
  const css = /href="(\/static\/app\.css\?v=[0-9a-f]+)"/.exec(page)![1]!;
  const res = await t.app.request(css, { headers: { 'accept-encoding': 'br, gzip' } });
  assert.equal(res.status, 200);
  assert.equal(res.headers.get('content-encoding'), 'br');
  assert.match(res.headers.get('cache-control') ?? '', /immutable/);
});
