import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { findOrgUnitByAnyCode } from '../src/db/queries/org-units.ts';
import { loadActor } from '../src/services/access/load-actor.ts';
import { addCommitteeMember } from '../src/services/committees/add-committee-member.ts';
import { importFramework } from '../src/services/framework/import-framework.ts';
import { changeRoundState } from '../src/services/rounds/change-round-state.ts';
import { createRound } from '../src/services/rounds/create-round.ts';
import { submitSubmission } from '../src/services/submissions/submit-submission.ts';
import { createAccount } from '../src/services/users/create-account.ts';
import { buildEntryWorld, fillEverything, meta } from '../test/submissions/support.ts';
import { accessibilityViolations, contextOptions, launchChromium, scriptsRun, startLiveApp, type LiveApp } from './support/browser.ts';

// The committee secretary's journey in a real Chromium, with axe on every page: a district office officer appointed
// secretary of Chanthaburi's monitoring committee signs in, goes to the committee from the menu, opens the quarter's
// report, fills the child-development-centre standard beside what the province's LAOs reported to ODLOC, is told
// what is missing, saves, and finds the row on the report; then a second standard with JavaScript off.

const password = 'correct horse battery staple';
const problems = 'ครูผู้ดูแลเด็กไม่เพียงพอ และอาคารศูนย์พัฒนาเด็กเล็กหลายแห่งชำรุด';
let live: LiveApp;
let browser: Browser;
let roundId: number;
let expectedFigure: string;

before(async () => {
  [live, browser] = await Promise.all([startLiveApp(), launchChromium()]);
  // What the province's LAOs sent to ODLOC this year: one sent, one still typing.
  const w = await buildEntryWorld(live);
  await fillEverything(live, w);
  await fillEverything(live, w, { orgUnitCode: w.otherLao.code });
  const sent = await submitSubmission(live.deps, w.actors.executive, { roundId: w.roundId, orgUnitCode: w.lao.code }, meta);
  assert.ok(sent.ok);
  const counts = await live.deps.db.selectFrom('results as r').innerJoin('submissions as s', 's.id', 'r.submission_id')
    .select(['r.state']).where('s.round_id', '=', w.roundId).where('s.state', '=', 'submitted').where('r.indicator_code', '=', 'ED03').execute();
  const met = counts.filter((c) => c.state === 'met').length;
  const judged = counts.filter((c) => ['met', 'needs_development', 'not_done'].includes(c.state)).length;
  expectedFigure = `ผ่านเกณฑ์ ${met} จาก ${judged} แห่ง`;

  // DLA's monitoring quarter, open now for Chanthaburi and Chonburi.
  const file = path.resolve(import.meta.dirname, '../frameworks/dla-standards-monitoring.yaml');
  const imported = await importFramework(live.deps, null, { bytes: fs.readFileSync(file), fileName: 'dla-standards-monitoring.yaml' }, meta);
  assert.ok(imported.ok);
  const version = await live.deps.db.selectFrom('framework_versions').select(['id', 'programme_id']).where('id', '=', imported.versionId).executeTakeFirstOrThrow();
  const now = live.clock.now().getTime();
  const day = 86_400_000;
  ({ roundId } = await createRound(live.deps, null, {
    programmeId: version.programme_id, frameworkVersionId: version.id, title: 'ติดตามมาตรฐานการบริการสาธารณะ ไตรมาสที่ 4/2568', fiscalYear: 2568, quarter: 4,
    opensAt: new Date(now - day), dueAt: new Date(now + 20 * day), lateUntil: new Date(now + 20 * day), editClosesAt: new Date(now + 30 * day),
    laoTypes: null, provinceCodes: ['22', '20'], excludedProvinceCodes: [],
  }, meta));
  await changeRoundState(live.deps, null, { roundId, to: 'open' }, meta);

  // The committee: its chair's position and the secretary's account, appointed by the provincial office.
  const account = async (username: string, name: string, role: 'province_office' | 'district_office', unit: string) =>
    createAccount(live.deps, { name, email: `${username}@example.go.th`, username, password, role, orgUnitId: (await findOrgUnitByAnyCode(live.deps.db, unit))!.id }, meta);
  const office = (await loadActor(live.deps.db, await account('prapai', 'ประไพ ศรีสุวรรณวงศ์', 'province_office', '22')))!;
  const secretary = await account('laddawan', 'ลัดดาวรรณ คอกจันทร์', 'district_office', '2206');
  for (const member of [
    { kind: 'office' as const, position: 'chair' as const, officeCode: 'PO22' },
    { kind: 'user' as const, position: 'secretary' as const, userId: secretary, positionTitle: 'นักส่งเสริมการปกครองท้องถิ่นชำนาญการ' },
  ]) {
    const r = await addCommitteeMember(live.deps, office, { provinceCode: '22', member }, meta);
    assert.ok(r.ok, JSON.stringify(r));
  }
});
after(async () => {
  await browser?.close();
  await live?.stop();
});

test('the committee secretary fills a standard of the quarterly report beside the LAOs\' figures, and saves it', async () => {
  const problemsSeen: string[] = [];
  const run = async (javaScriptEnabled: boolean, steps: (page: Page, check: (label: string) => Promise<void>) => Promise<void>) => {
    const context = await browser.newContext(contextOptions({ javaScriptEnabled }));
    context.setDefaultTimeout(15_000);
    const page = await context.newPage();
    page.on('pageerror', (e) => problemsSeen.push(`page error: ${e.message}`));
    const check = async (label: string) => {
      await page.waitForLoadState('load');
      assert.equal(await scriptsRun(page), javaScriptEnabled, `${label}: JavaScript is ${javaScriptEnabled ? 'on' : 'off'}`);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      if (overflow > 0) problemsSeen.push(`${label}: page scrolls sideways by ${overflow}px`);
      for (const v of await accessibilityViolations(page)) problemsSeen.push(`${label} (${page.url()}): ${v}`);
    };
    try {
      await page.goto(`${live.baseUrl}/sign-in`);
      await page.getByLabel('ชื่อผู้ใช้หรืออีเมล').fill('laddawan');
      await page.getByLabel('รหัสผ่าน', { exact: true }).fill(password);
      await page.getByRole('button', { name: 'เข้าสู่ระบบ' }).click();
      await page.waitForURL(`${live.baseUrl}/`);
      await steps(page, check);
    } finally {
      await context.close();
    }
  };
  const report = `${live.baseUrl}/rounds/${roundId}/monitoring/22`;

  await run(true, async (page, check) => {
    await check('home');
    await page.getByRole('navigation', { name: 'เมนูหลัก' }).getByRole('link', { name: 'คณะกรรมการติดตามฯ' }).click();
    await page.waitForURL(`${live.baseUrl}/provinces/22/committee`);
    await check('committee');
    assert.match((await page.locator('main').textContent()) ?? '', /กรรมการและเลขานุการ/);
    await page.getByRole('link', { name: /กรอกรายงาน/ }).click();
    await page.waitForURL(report);
    await check('report');
    await page.getByRole('link', { name: 'กรอก/แก้ไข มาตรฐานศูนย์พัฒนาเด็กเล็ก' }).click();
    await page.waitForURL(`${report}/standards/S21`);
    await check('standard S21');
    const lao = (await page.locator('.lao-panel').textContent()) ?? '';
    assert.ok(lao.includes(expectedFigure), `the LAOs' figure is shown: ${expectedFigure}`);
    assert.match(lao, /ส่งข้อมูลแล้ว 1 จาก 2 แห่ง/);

    // Saving without the compliance answer: told at the field, what was typed kept.
    await page.locator('textarea[name="std_problems__S21"]').fill(problems);
    await page.getByRole('button', { name: 'บันทึกและทำเรื่องถัดไป' }).click();
    await page.waitForLoadState('load');
    assert.match((await page.locator('.error-summary').textContent()) ?? '', /ยังไม่ได้กรอก/);
    assert.equal(await page.locator('textarea[name="std_problems__S21"]').inputValue(), problems);
    await check('standard S21 with errors');

    await page.getByLabel('ปฏิบัติบางส่วน').check();
    await page.locator('input[name="std_lao_applying__S21"]').fill('12');
    await page.locator('textarea[name="std_suggestions__S21"]').fill('ขอรับการสนับสนุนงบประมาณปรับปรุงอาคาร');
    await page.getByRole('button', { name: 'บันทึกและทำเรื่องถัดไป' }).click();
    await page.waitForURL(`${report}/standards/S22`);
    await check('standard S22');
    await page.goto(report);
    const row = (await page.locator('#standard-S21').textContent()) ?? '';
    assert.match(row, /ปฏิบัติบางส่วน/);
    assert.ok(row.includes(problems));
    await check('report after saving');
  });

  // The same with JavaScript off: a plain form post.
  await run(false, async (page, check) => {
    await page.goto(`${report}/standards/S09`);
    await check('standard S09 without JavaScript');
    await page.getByLabel('ปฏิบัติครบถ้วน').check();
    await page.locator('input[name="std_lao_applying__S09"]').fill('40');
    await page.getByRole('button', { name: 'บันทึกไว้ก่อน (ยังไม่ครบ)' }).click();
    await page.waitForURL((u) => u.pathname === `/rounds/${roundId}/monitoring/22`);
    await check('report after saving without JavaScript');
    assert.match((await page.locator('#standard-S09').textContent()) ?? '', /ปฏิบัติครบถ้วน/);
  });

  const stored = await live.deps.db.selectFrom('submission_values as v').innerJoin('submissions as s', 's.id', 'v.submission_id').innerJoin('user as u', 'u.id', 'v.updated_by')
    .select(['v.item_code', 'v.value', 'u.name']).where('s.round_id', '=', roundId).where('v.field_key', '=', 'std_compliance').orderBy('v.item_code').execute();
  assert.deepEqual(stored.map((r) => [r.item_code, r.value, r.name]), [['S09', 'full', 'ลัดดาวรรณ คอกจันทร์'], ['S21', 'partial', 'ลัดดาวรรณ คอกจันทร์']]);
  assert.deepEqual(problemsSeen, [], problemsSeen.join('\n'));
});
