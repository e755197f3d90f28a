import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { generate } from 'otplib';
import { sql } from 'kysely';
import { Browser, createTestApp, type TestApp } from '../support/web.ts';
import { createLao, createUserWithRole, type TestUser } from '../support/factories.ts';

let t: TestApp;
let officer: TestUser;
before(async () => {
  t = await createTestApp();
  await createLao(t.deps.db, { code: '5220601', nameTh: 'เทศบาลตำบลทดสอบ', laoType: 'subdistrict', districtCode: '2206' });
  officer = await createUserWithRole(t.deps, 'lao_officer', '5220601', { username: 'somsri' });
});
after(() => t.close());

test('the sign-in page is Thai, carries a CSRF token and the security headers', async () => {
  const b = new Browser(t.app);
  const res = await b.get('/sign-in');
  assert.equal(res.status, 200);
  const html = await res.text();
  assert.match(html, /<html lang="th">/);
  assert.match(html, /เข้าสู่ระบบ/);
  assert.match(html, new RegExp(`name="_csrf" value="${b.csrf()}"`));
  const csp = res.headers.get('content-security-policy') ?? '';
  assert.match(csp, /script-src 'self' 'nonce-[A-Za-z0-9+/=]+'/);
  assert.match(csp, /frame-ancestors 'none'/);
  assert.equal(res.headers.get('x-content-type-options'), 'nosniff');
  assert.match(res.headers.get('strict-transport-security') ?? '', /max-age=\d+/);
  assert.equal(res.headers.get('referrer-policy'), 'strict-origin-when-cross-origin');
  assert.equal(res.headers.get('x-frame-options'), 'DENY');
});

test('an empty form re-renders with 422, an error summary and the typed value kept', async () => {
  const b = new Browser(t.app);
  const res = await b.post('/sign-in', { identifier: 'somsri', password: '' });
  assert.equal(res.status, 422);
  const html = await res.text();
  assert.match(html, /class="error-summary"/);
  assert.match(html, /href="#password">กรอกรหัสผ่าน</);
  assert.match(html, /value="somsri"/);
});

test('a wrong password is refused in Thai without saying which part was wrong', async () => {
  const b = new Browser(t.app);
  const res = await b.signIn('somsri', 'not the password at all');
  assert.equal(res.status, 401);
  assert.match(await res.text(), /ชื่อผู้ใช้หรือรหัสผ่านไม่ถูกต้อง/);
});

test('signing in by username or e-mail opens the role home; signing out ends the session', async () => {
  for (const id of ['somsri', officer.email.toUpperCase()]) {
    const b = new Browser(t.app);
    const res = await b.signIn(id, officer.password);
    assert.equal(res.status, 303);
    assert.equal(res.headers.get('location'), '/');
    const home = await b.get('/');
    const html = await home.text();
    assert.match(html, /สวัสดี ทดสอบ lao_officer/);
    assert.match(html, /เจ้าหน้าที่ อปท\./);
    assert.match(html, /เทศบาลตำบลทดสอบ/);
    const out = await b.post('/sign-out', {});
    assert.equal(out.status, 303);
    const after = await b.get('/account');
    assert.equal(after.status, 303);
    assert.match(after.headers.get('location') ?? '', /^\/sign-in\?next=%2Faccount/);
  }
});

test('a form POST without the CSRF token, or from a foreign origin, is refused with 403', async () => {
  const b = new Browser(t.app);
  await b.get('/sign-in');
  assert.equal((await b.post('/sign-in', { identifier: 'somsri', password: officer.password }, { csrf: null })).status, 403);
  assert.equal((await b.post('/sign-in', { identifier: 'somsri', password: officer.password }, { csrf: 'x'.repeat(32) })).status, 403);
  const foreign = await b.post('/sign-in', { identifier: 'somsri', password: officer.password }, { origin: 'https://evil.example' });
  assert.equal(foreign.status, 403);
  assert.match(await foreign.text(), /ส่งแบบฟอร์มไม่สำเร็จ/);
});

test('an idle session expires: the next page asks to sign in again', async () => {
  const b = new Browser(t.app);
  await b.signIn('somsri', officer.password);
  assert.equal((await b.get('/account')).status, 200);
  await sql`update session set "expiresAt" = now() - interval '1 second' where "userId" = ${officer.userId}`.execute(t.deps.db);
  const res = await b.get('/account');
  assert.equal(res.status, 303);
});

test('100 wrong passwords throttle sign-in; the owner gets back in by resetting the password', async () => {
  const user = await createUserWithRole(t.deps, 'lao_executive', '5220601', { username: 'target' });
  const attacker = new Browser(t.app);
  const statuses: number[] = [];
  for (let i = 0; i < 100; i++) statuses.push((await attacker.signIn('target', `wrong-${i}-password`)).status);
  assert.deepEqual(statuses.slice(0, 5), [401, 401, 401, 401, 401]);
  assert.ok(statuses.slice(5).every((s) => s === 429), 'locked after five failures');
  const locked = await attacker.signIn('target', user.password);
  assert.equal(locked.status, 429, 'even the right password waits while locked');
  assert.ok(Number(locked.headers.get('retry-after')) > 0);
  assert.match(await locked.text(), /ตั้งรหัสผ่านใหม่ทางอีเมล/);

  const owner = new Browser(t.app);
  assert.equal((await owner.post('/forgot-password', { identifier: 'target' })).status, 200);
  const mail = t.mailer.sent.findLast((m) => m.to === user.email);
  assert.ok(mail, 'a reset mail was sent');
  const token = /reset-password\?token=([A-Za-z0-9_-]+)/.exec(mail.text)![1]!;
  const reset = await owner.post('/reset-password', { token, password: 'a brand new long passphrase', confirm: 'a brand new long passphrase' });
  assert.equal(reset.status, 303);
  assert.equal((await owner.signIn('target', 'a brand new long passphrase')).status, 303);
  assert.equal((await owner.post('/reset-password', { token, password: 'another new long passphrase', confirm: 'another new long passphrase' })).status, 422, 'a reset link works once');
});

test('a password reset for an unknown account answers the same as for a known one, and sends nothing', async () => {
  const before = t.mailer.sent.length;
  const res = await new Browser(t.app).post('/forgot-password', { identifier: 'nobody-here' });
  assert.equal(res.status, 200);
  assert.match(await res.text(), /หากบัญชีนี้มีอยู่ในระบบ/);
  assert.equal(t.mailer.sent.length, before);
});

test('with TOTP on, signing in needs the code from the app', async () => {
  const user = await createUserWithRole(t.deps, 'lao_executive', '5220601', { username: 'exec.totp' });
  const b = new Browser(t.app);
  await b.signIn('exec.totp', user.password);
  const setup = await b.post('/account/two-factor', { password: user.password });
  assert.equal(setup.status, 200);
  const secret = /<code>([A-Z2-7]+)<\/code>/.exec(await setup.text())![1]!;
  assert.equal((await b.post('/account/two-factor/confirm', { code: '000000' })).status, 422);
  assert.equal((await b.post('/account/two-factor/confirm', { code: await generate({ secret }) })).status, 303);
  await b.post('/sign-out', {});

  const again = new Browser(t.app);
  const first = await again.signIn('exec.totp', user.password);
  assert.equal(first.status, 303);
  assert.match(first.headers.get('location') ?? '', /^\/sign-in\/two-factor/);
  assert.equal((await again.get('/account')).status, 303, 'no session before the second factor');
  assert.equal((await again.post('/sign-in/two-factor', { code: '123456' })).status, 422);
  assert.equal((await again.post('/sign-in/two-factor', { code: await generate({ secret }) })).status, 303);
  assert.equal((await again.get('/account')).status, 200);
});

test('keeping the session alive with a malformed Referer goes home, never a 500', async () => {
  const b = new Browser(t.app);
  await b.signIn('somsri', officer.password);
  const body = new URLSearchParams({ _csrf: b.csrf() }).toString();
  for (const referer of ['not a url', 'http://[bad', 'http://localhost:3000/account']) {
    const res = await t.app.request('/session/keepalive', { method: 'POST', body, headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: b.cookieHeader(), origin: 'http://localhost:3000', referer } });
    assert.equal(res.status, 303, referer);
    assert.equal(res.headers.get('location'), referer.endsWith('/account') ? '/account' : '/');
  }
});

test('a deactivated account cannot sign in', async () => {
  const user = await createUserWithRole(t.deps, 'lao_officer', '5220601', { username: 'gone' });
  await sql`update "user" set "isActive" = false where id = ${user.userId}`.execute(t.deps.db);
  const res = await new Browser(t.app).signIn('gone', user.password);
  assert.equal(res.status, 403);
  assert.match(await res.text(), /ถูกระงับการใช้งาน/);
});

test('sign-ins and failures are audited', async () => {
  const rows = await t.deps.db.selectFrom('audit_events').select(['action']).where('entity_id', '=', officer.userId).execute();
  const actions = new Set(rows.map((r) => r.action));
  assert.ok(actions.has('sign_in'));
  assert.ok(actions.has('sign_in_failed'));
});
