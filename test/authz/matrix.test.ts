import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { closeDocumentBrowser } from '../../src/documents/index.ts';
import { createTestApp, type TestApp } from '../support/web.ts';
import { matrix } from './matrix.ts';
import { buildWorld, principals, scopes, type World } from './world.ts';

let t: TestApp;
let w: World;
before(async () => {
  t = await createTestApp();
  w = await buildWorld(t);
});
// Routes that print a PDF launch the shared Chromium: closed here, or the file never ends.
after(async () => {
  await closeDocumentBrowser();
  await t.close();
});

test('every route of the app is in the authorisation matrix', () => {
  const routes = new Set(t.app.routes.filter((r) => r.method !== 'ALL').map((r) => `${r.method} ${r.path}`));
  const covered = new Set(matrix.map((e) => e.route));
  const missing = [...routes].filter((r) => !covered.has(r));
  const stale = [...covered].filter((r) => !routes.has(r));
  assert.deepEqual(missing, [], `routes missing from test/authz/matrix.ts: ${missing.join(', ')}`);
  assert.deepEqual(stale, [], `matrix rows for routes that no longer exist: ${stale.join(', ')}`);
});

test('every role, at every distance from its own unit, gets exactly the expected status on every route', async () => {
  const failures: string[] = [];
  let checked = 0;
  const ordered = [...matrix.filter((e) => !e.last), ...matrix.filter((e) => e.last)];
  for (const entry of ordered) {
    for (const who of principals) {
      for (const scope of entry.scoped ? scopes : (['own'] as const)) {
        const call = await entry.call(w, who, scope);
        const browser = who === 'anonymous' ? w.anonymous : w.users[who].browser;
        let res: Response;
        if (call.bearer) {
          const headers: Record<string, string> = who === 'anonymous' ? {} : { authorization: `Bearer ${w.users[who].apiToken}` };
          if (call.json !== undefined) headers['content-type'] = 'application/json';
          res = await t.app.request(call.path, { method: call.method, headers: { ...headers, ...call.headers }, body: call.json === undefined ? undefined : JSON.stringify(call.json) });
        } else {
          res = call.method === 'GET' ? await browser.get(call.path) : await browser.post(call.path, call.form ?? {});
        }
        const expected = entry.expect(who, scope);
        checked++;
        if (res.status !== expected) failures.push(`${entry.route} as ${who} (${scope}): expected ${expected}, got ${res.status}`);
        assert.ok(res.status < 500, `${entry.route} as ${who} (${scope}) answered ${res.status}`);
      }
    }
  }
  assert.deepEqual(failures, [], failures.join('\n'));
  assert.ok(checked > 300, `only ${checked} checks ran`);
});
