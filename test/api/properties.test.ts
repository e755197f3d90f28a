import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import fc from 'fast-check';
import { createApiToken } from '../../src/services/tokens/api-tokens.ts';
import { buildEntryWorld, type EntryWorld } from '../submissions/support.ts';
import { createTestApp, type TestApp } from '../support/web.ts';

// Property: whatever body a machine sends to PATCH …/values — any JSON shape, any value of any type, keys known or
// not, or not JSON at all — the answer is JSON with a Thai message and a 2xx/4xx status, never a 500; a refused
// body writes nothing.
let t: TestApp;
let w: EntryWorld;
let token: string;
before(async () => {
  t = await createTestApp();
  w = await buildEntryWorld(t);
  token = (await createApiToken(t.deps, w.users.officer.userId, 'property', { actorUserId: null, ip: null, requestId: null })).token;
});
after(async () => t.close());

const keys = ['population', 'households', 'area_km2', 'communities', 'budget_total', 'edu_satisfaction_pct', 'edu_satisfaction_surveyor', 'no_such_field', 'population|x', ''];
const nastyValue = fc.oneof(
  fc.constantFrom('12a', '1e309', '-3', '31/02/2568', '<script>alert(1)</script>', '๑๒', '1,000', '', ' ', 'x'.repeat(6000)),
  fc.double(), fc.integer(), fc.boolean(), fc.constant(null), fc.string({ maxLength: 50 }),
  fc.array(fc.integer(), { maxLength: 3 }), fc.dictionary(fc.string({ maxLength: 5 }), fc.integer(), { maxKeys: 2 }),
);
const body = fc.oneof(
  fc.record({ version: fc.oneof(fc.integer({ min: -2, max: 5 }), fc.string({ maxLength: 3 }), fc.constant(null)), values: fc.dictionary(fc.constantFrom(...keys), nastyValue, { maxKeys: 5 }) }, { requiredKeys: [] }),
  fc.jsonValue({ maxDepth: 3 }).map((v) => JSON.stringify(v)),
  fc.string({ maxLength: 200 }),
);

test('any PATCH body gets JSON with a Thai message or a version, never a 500 (property)', async () => {
  const submissionValues = async () => (await t.deps.db.selectFrom('submission_values').select(['field_key', 'value']).execute()).length;
  await fc.assert(fc.asyncProperty(body, async (b) => {
    const before = await submissionValues();
    const res = await t.app.request(`/api/v1/rounds/${w.roundId}/submissions/${w.lao.code}/values`, {
      method: 'PATCH', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body: typeof b === 'string' ? b : JSON.stringify(b),
    });
    assert.ok(res.status < 500, `status ${res.status} for ${JSON.stringify(b).slice(0, 200)}`);
    assert.match(res.headers.get('content-type') ?? '', /application\/json/);
    const answer = (await res.json()) as { message?: string; version?: number; fields?: Record<string, string> };
    if (res.status === 200) assert.equal(typeof answer.version, 'number');
    else {
      assert.match(answer.message ?? '', /[\u0E00-\u0E7F]/, JSON.stringify(answer));
      for (const m of Object.values(answer.fields ?? {})) assert.match(m, /[\u0E00-\u0E7F]/);
      if (res.status !== 409) assert.equal(await submissionValues(), before, 'a refused body writes nothing');
    }
    return true;
  }), { numRuns: 150 });
});
