import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createRenderCache } from './render-cache.ts';

test('a page is kept by its key and given back as it was', () => {
  const cache = createRenderCache(1000);
  assert.equal(cache.get('a'), undefined);
  cache.set('a', '<p>ก</p>');
  assert.equal(cache.get('a'), '<p>ก</p>');
  cache.set('a', '<p>ข</p>');
  assert.equal(cache.get('a'), '<p>ข</p>');
  assert.equal(cache.bytes, 2 * ('a'.length + '<p>ข</p>'.length), 'a replaced page is counted once');
});

test('past its size the least recently used pages leave first; a page too big for it is not kept', () => {
  const cache = createRenderCache(800); // 2 bytes a character: room for eight pages of 48 characters with their keys
  const keys = ['p1', 'p2', 'p3', 'p4', 'p5', 'p6', 'p7', 'p8'];
  for (const k of keys) cache.set(k, 'x'.repeat(48));
  assert.equal(cache.bytes, 800);
  cache.get('p1'); // used again: p2 is now the least recently used
  cache.set('p9', 'y'.repeat(48));
  assert.equal(cache.get('p2'), undefined);
  for (const k of [...keys.filter((k) => k !== 'p2'), 'p9']) assert.ok(cache.get(k), k);
  assert.equal(cache.bytes, 800);
  cache.set('big', 'z'.repeat(60)); // more than an eighth of the cache
  assert.equal(cache.get('big'), undefined);
  assert.ok(cache.get('p3'), 'nothing was pushed out for it');
});
