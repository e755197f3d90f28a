import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { generate } from 'otplib';
import { createLao, createUserWithRole } from '../support/factories.ts';
import { Browser, createTestApp, type TestApp } from '../support/web.ts';

// With MFA_ENFORCED (the production default), executives, offices and admins must turn on TOTP first;
// LAO officers and committee members are not forced.
let t: TestApp;
before(async () => {
  t = await createTestApp({ MFA_ENFORCED: 'true' });
  await createLao(t.deps.db, { code: '5220601', nameTh: 'เทศบาลตำบลทดสอบ', laoType: 'subdistrict', districtCode: '2206' });
});
after(() => t.close());

test('an executive without TOTP is sent to enrol before anything else, and is free once enrolled', async () => {
  const exec = await createUserWithRole(t.deps, 'lao_executive', '5220601');
  const b = new Browser(t.app);
  await b.signIn(exec.username, exec.password);
  for (const path of ['/', '/account', '/org', '/users']) {
    const res = await b.get(path);
    assert.equal(res.status, 303, path);
    assert.equal(res.headers.get('location'), '/account/two-factor?required=1');
  }
  const page = await b.get('/account/two-factor?required=1');
  assert.equal(page.status, 200);
  assert.match(await page.text(), /ต้องเปิดใช้การยืนยันตัวตนสองขั้นตอน/);
  const setup = await b.post('/account/two-factor', { password: exec.password });
  const secret = /<code>([A-Z2-7]+)<\/code>/.exec(await setup.text())![1]!;
  assert.equal((await b.post('/account/two-factor/confirm', { code: await generate({ secret }) })).status, 303);
  assert.equal((await b.get('/')).status, 200);
});

test('an LAO officer is not forced', async () => {
  const officer = await createUserWithRole(t.deps, 'lao_officer', '5220601');
  const b = new Browser(t.app);
  await b.signIn(officer.username, officer.password);
  assert.equal((await b.get('/')).status, 200);
});
