import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { canReadNotification, sameSitePath } from './notification-rules.ts';

test('links on this site are kept as paths', () => {
  assert.equal(sameSitePath('/rounds/5/submissions/5220601'), '/rounds/5/submissions/5220601');
  assert.equal(sameSitePath('/rounds/5?state=late#x'), '/rounds/5?state=late#x');
  assert.equal(sameSitePath('/rounds/../users'), '/users', 'normalised, still on this site');
});

test('anything that could leave the site is refused', () => {
  for (const link of [null, '', 'https://evil.example/', 'http:/evil.example', '//evil.example', '///evil.example', '/\\evil.example', '\\\\evil.example',
    '/\t/evil.example', '/\n/evil.example', 'javascript:alert(1)', 'data:text/html,x', 'rounds/5', ' /rounds', `/${'a'.repeat(2001)}`]) {
    assert.equal(sameSitePath(link), null, JSON.stringify(link));
  }
});

test('whatever the stored link, the answer is a path on this site or nothing (property)', () => {
  const stored = fc.tuple(fc.boolean(), fc.oneof(fc.string(), fc.webUrl(), fc.constantFrom('/', '//', '/\\', '/%2F%2Fevil', '\t/x'))).map(([slash, s]) => (slash ? `/${s}` : s));
  fc.assert(fc.property(stored, (link) => {
    const path = sameSitePath(link);
    if (path === null) return true;
    const url = new URL(path, 'https://here.example');
    return url.origin === 'https://here.example' && path.startsWith('/') && !path.startsWith('//');
  }));
});

test('a notification is read only by the person it was for', () => {
  const actor = { userId: 'u1', username: null, name: 'ก', email: 'a@x', twoFactorEnabled: false, memberships: [] };
  assert.equal(canReadNotification(actor, { userId: 'u1' }), true);
  assert.equal(canReadNotification(actor, { userId: 'u2' }), false);
});
