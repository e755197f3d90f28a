import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Hono } from 'hono';
import type { AppEnv } from '../context.ts';
import { loadShedding } from './load-shedding.ts';

// Saturation: the requests beyond what is worked on and what may wait are refused at once with 503 and Retry-After,
// before their handler runs (so nothing of theirs is written); the waiting ones are served in turn.
function appWith(opts: { maxInFlight: number; maxQueued: number; queueTimeoutMs: number; backgroundTimeoutMs?: number }) {
  let release: () => void = () => {};
  const gate = new Promise<void>((r) => (release = r));
  const handled: string[] = [];
  let shed = 0;
  const app = new Hono<AppEnv>();
  app.use(loadShedding({ ...opts, retryAfterSeconds: 5 }, () => shed++));
  app.post('/save/:n', async (c) => {
    handled.push(c.req.param('n'));
    await gate;
    return c.text('saved');
  });
  app.post('/rounds/1/submissions/7/sections/A/autosave', async (c) => {
    handled.push('autosave');
    return c.json({ ok: true });
  });
  app.get('/public/list', (c) => {
    handled.push('public');
    return c.text('list');
  });
  app.get('/page', (c) => {
    handled.push('page');
    return c.text('page');
  });
  app.get('/healthz', (c) => c.text('ok'));
  return { app, release, handled, shedCount: () => shed };
}

test('beyond in-flight plus queued, requests get 503 with Retry-After and their handler never runs', async () => {
  const s = appWith({ maxInFlight: 2, maxQueued: 3, queueTimeoutMs: 5000 });
  const responses = Array.from({ length: 8 }, (_, i) => s.app.request(`/save/${i}`, { method: 'POST' }));
  await new Promise((r) => setTimeout(r, 20));
  assert.equal((await s.app.request('/healthz')).status, 200, 'health checks are never shed');
  s.release();
  const all = await Promise.all(responses);
  const refused = all.filter((r) => r.status === 503);
  assert.equal(refused.length, 3);
  for (const r of refused) {
    assert.equal(r.headers.get('retry-after'), '5');
    assert.match(await r.text(), /ลองใหม่ในอีกสักครู่/);
  }
  assert.equal(all.filter((r) => r.status === 200).length, 5);
  assert.deepEqual(s.handled.sort(), ['0', '1', '2', '3', '4'], 'only the admitted ones ran');
  assert.equal(s.shedCount(), 3);
});

test('a request that waits longer than the queue timeout is refused, not left hanging', async () => {
  const s = appWith({ maxInFlight: 1, maxQueued: 10, queueTimeoutMs: 50 });
  const first = s.app.request('/save/a', { method: 'POST' });
  const second = await s.app.request('/api/v1/x', { method: 'POST' });
  assert.equal(second.status, 503);
  assert.deepEqual(await second.json(), { error: 'overloaded', message: 'ขณะนี้มีผู้ใช้งานจำนวนมาก โปรดลองใหม่ในอีกสักครู่ ข้อมูลที่บันทึกไว้แล้วไม่สูญหาย' });
  s.release();
  assert.equal((await first).status, 200);
});

test("a person's page goes before autosaves and public pages waiting longer; those wait less and are told in JSON", async () => {
  const s = appWith({ maxInFlight: 1, maxQueued: 10, queueTimeoutMs: 5000, backgroundTimeoutMs: 5000 });
  const first = s.app.request('/save/a', { method: 'POST' });
  await new Promise((r) => setTimeout(r, 10));
  const autosave = s.app.request('/rounds/1/submissions/7/sections/A/autosave', { method: 'POST', headers: { accept: 'application/json' } });
  const reader = s.app.request('/public/list');
  await new Promise((r) => setTimeout(r, 10));
  const page = s.app.request('/page');
  await new Promise((r) => setTimeout(r, 10));
  s.release();
  assert.deepEqual((await Promise.all([first, autosave, reader, page])).map((r) => r.status), [200, 200, 200, 200]);
  assert.deepEqual(s.handled, ['a', 'page', 'autosave', 'public'], 'the page first, then the background ones in their order');

  const t = appWith({ maxInFlight: 1, maxQueued: 10, queueTimeoutMs: 5000, backgroundTimeoutMs: 30 });
  const busy = t.app.request('/save/b', { method: 'POST' });
  const started = Date.now();
  const refused = await t.app.request('/rounds/1/submissions/7/sections/A/autosave', { method: 'POST', headers: { accept: 'application/json' } });
  assert.equal(refused.status, 503);
  assert.ok(Date.now() - started < 1000, 'the autosave was not kept waiting as long as a person');
  assert.equal(refused.headers.get('retry-after'), '5');
  assert.equal((await refused.json()).error, 'overloaded');
  const person = t.app.request('/page');
  await new Promise((r) => setTimeout(r, 60));
  t.release();
  assert.equal((await person).status, 200, 'a person waited past the background timeout and was served');
  assert.equal((await busy).status, 200);
});
