import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Hono } from 'hono';
import type { AppEnv } from '../context.ts';
import { loadShedding } from './load-shedding.ts';

// Saturation: the requests beyond what is worked on and what may wait are refused at once with 503 and Retry-After,
// before their handler runs (so nothing of theirs is written); the waiting ones are served in turn.
function appWith(opts: { maxInFlight: number; maxQueued: number; queueTimeoutMs: number }) {
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
