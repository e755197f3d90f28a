import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import QRCode from 'qrcode';
import { changeRoundState } from '../../src/services/rounds/change-round-state.ts';
import { saveImprovementPlan } from '../../src/services/results/save-improvement-plan.ts';
import { signedIn } from '../support/submission-pages.ts';
import { Browser, createTestApp, type TestApp } from '../support/web.ts';
import { buildEntryWorld, fillEverything, meta, type EntryWorld } from '../submissions/support.ts';

// The public results page: open to anyone without signing in, but only once the round is published — before that
// it does not exist (404), nor does its QR code. The same page for everyone (no session read, no cookie set), so
// shared caches may keep it; the results table without the answers behind it, and the improvement plan.
let t: TestApp;
let w: EntryWorld;
let publicPath: string;
let anonymous: Browser;

before(async () => {
  t = await createTestApp();
  w = await buildEntryWorld(t);
  await fillEverything(t, w); // every count 0: the project-count indicators are "not done"
  const saved = await saveImprovementPlan(t.deps, w.actors.officer, {
    roundId: w.roundId, orgUnitCode: w.lao.code, indicatorCode: 'ED01', version: 0,
    plan: { action: 'จัดโครงการอบรมกฎหมายสำหรับประชาชน ๒ ครั้ง', owner: 'กองการศึกษา', dueDate: '2026-09-30', progress: 'not_started', progressPercent: null, progressNote: null },
  }, meta);
  assert.ok(saved.ok);
  publicPath = `/public/results/${w.roundId}/${w.lao.code}`;
  anonymous = new Browser(t.app);
});
after(() => t.close());

test('before the round is published the public page and its QR code do not exist, for anyone', async () => {
  for (const state of ['open', 'closed'] as const) {
    if (state === 'closed') await changeRoundState(t.deps, null, { roundId: w.roundId, to: 'closed' }, meta);
    for (const path of [publicPath, `${publicPath}/qr.svg`]) {
      const res = await anonymous.get(path);
      assert.equal(res.status, 404, `${path} while ${state}`);
      assert.doesNotMatch(await res.text(), /เทศบาลตำบลทดสอบ/);
    }
    assert.equal((await (await signedIn(t, w.users.officer)).get(publicPath)).status, 404, 'not even for the LAO itself');
  }
  const results = await (await (await signedIn(t, w.users.officer)).get(`/rounds/${w.roundId}/submissions/${w.lao.code}/results`)).text();
  assert.doesNotMatch(results, /qr\.svg/, 'no QR code before publishing');
});

test('once published: the LAO, the round, the results and the plan, to anyone, cacheable, without the answers behind them', async () => {
  await changeRoundState(t.deps, null, { roundId: w.roundId, to: 'published' }, meta);
  const res = await anonymous.get(publicPath);
  assert.equal(res.status, 200);
  assert.equal(res.headers.get('cache-control'), 'public, max-age=300');
  assert.equal(res.headers.get('set-cookie'), null, 'no cookie: the same page for everyone');
  const html = await res.text();
  assert.match(html, /<h1>เทศบาลตำบลทดสอบ<\/h1>/);
  assert.match(html, /ODLOC 2568 ทดสอบ/);
  assert.match(html, /สรุปผลประเมินการจัดบริการสาธารณะ/);
  assert.match(html, /id="result-ED01" data-state="not_done"/);
  assert.match(html, /กรอบการประเมิน \(1\)/);
  assert.match(html, /วิธีคำนวณ/, 'the formula in words');
  assert.doesNotMatch(html, /ข้อมูลที่ใช้/, 'not the answers behind each result');
  assert.match(html, /แผนพัฒนา/);
  assert.match(html, /จัดโครงการอบรมกฎหมายสำหรับประชาชน ๒ ครั้ง/);
  assert.doesNotMatch(html, /name="action"/, 'read only');
  assert.match(html, new RegExp(`src="${publicPath}/qr.svg"`));
  // Signed in or not, the same page: no one's name or menu on it.
  const officer = await signedIn(t, w.users.officer);
  const asOfficer = await (await officer.get(publicPath)).text();
  assert.doesNotMatch(asOfficer, /ออกจากระบบ/);
  // Unknown LAO or round, or a unit that is not a respondent: 404.
  assert.equal((await anonymous.get(`/public/results/${w.roundId}/9999999`)).status, 404);
  assert.equal((await anonymous.get(`/public/results/999999/${w.lao.code}`)).status, 404);
  assert.equal((await anonymous.get(`/public/results/abc/${w.lao.code}`)).status, 404);
  assert.equal((await anonymous.get(`/public/results/${w.roundId}/22/qr.svg`)).status, 404);
});

test('the QR code is an SVG leading to the public page, shown on the signed-in results page once published', async () => {
  const res = await anonymous.get(`${publicPath}/qr.svg`);
  assert.equal(res.status, 200);
  assert.match(res.headers.get('content-type') ?? '', /^image\/svg\+xml/);
  assert.equal(res.headers.get('cache-control'), 'public, max-age=300');
  const svg = await res.text();
  assert.match(svg, /^<svg[^>]+xmlns="http:\/\/www.w3.org\/2000\/svg"/);
  assert.match(svg, /<path/);
  assert.equal(svg, await QRCode.toString(`${t.deps.config.publicUrl}${publicPath}`, { type: 'svg', margin: 1, errorCorrectionLevel: 'M' }), 'it encodes the public address');
  const page = await (await (await signedIn(t, w.users.executive)).get(`/rounds/${w.roundId}/submissions/${w.lao.code}/results`)).text();
  assert.match(page, /หน้าผลการประเมินสำหรับประชาชน/);
  assert.match(page, new RegExp(`<img src="${publicPath}/qr.svg"`));
  assert.match(page, new RegExp(`href="${t.deps.config.publicUrl}${publicPath}"`));
});
