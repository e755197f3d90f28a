import assert from 'node:assert/strict';
import { test } from 'node:test';
import { lineRetryKey, reminderMessageId } from './delivery-keys.ts';
import { returnTokens, takeTokens } from './token-bucket.ts';

const t0 = new Date('2026-01-01T00:00:00Z');
const at = (ms: number) => new Date(t0.getTime() + ms);

test('a full bucket gives one second of messages at once, then refills at the rate', () => {
  let g = takeTokens({ tokens: 10, refilledAt: t0 }, t0, 10, 50);
  assert.equal(g.granted, 10);
  g = takeTokens(g.bucket, at(0), 10, 50);
  assert.deepEqual([g.granted, g.waitMs], [0, 100]);
  g = takeTokens(g.bucket, at(350), 10, 50);
  assert.equal(g.granted, 3);
  // idle for an hour: never more than the capacity
  assert.equal(takeTokens(g.bucket, at(3_600_000), 10, 50).granted, 10);
});

test('over any stretch, no more than capacity + rate × seconds are granted', () => {
  let bucket = { tokens: 5, refilledAt: t0 };
  let granted = 0;
  for (let ms = 0; ms <= 10_000; ms += 37) {
    const g = takeTokens(bucket, at(ms), 5, 7);
    bucket = g.bucket;
    granted += g.granted;
  }
  assert.ok(granted <= 5 + 5 * 10, `granted ${granted}`);
  assert.ok(granted >= 5 * 10 - 5, `granted ${granted}`);
});

test('unused tokens go back, up to the capacity', () => {
  assert.equal(returnTokens({ tokens: 2, refilledAt: t0 }, 10, 5).tokens, 7);
  assert.equal(returnTokens({ tokens: 8, refilledAt: t0 }, 10, 5).tokens, 10);
});

test('a delivery keeps its Message-ID and LINE retry key however often it is tried', () => {
  assert.equal(reminderMessageId(42, 'matrathan.go.th'), '<reminder-42@matrathan.go.th>');
  assert.equal(lineRetryKey(42), lineRetryKey(42));
  assert.notEqual(lineRetryKey(42), lineRetryKey(43));
  assert.match(lineRetryKey(42), /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-a[0-9a-f]{3}-[0-9a-f]{12}$/);
});
