import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { findOrgUnitByCode } from '../src/db/queries/org-units.ts';
import { loadActor } from '../src/services/access/load-actor.ts';
import { addInternalDeadline } from '../src/services/rounds/add-internal-deadline.ts';
import { loadSubmissionContext } from '../src/services/submissions/load-submission.ts';
import { saveValues } from '../src/services/submissions/save-values.ts';
import { createAccount } from '../src/services/users/create-account.ts';
import { outstandingProvinceRound } from '../test/documents/office-rounds.ts';
import { samplePdf } from '../test/evidence/sample-files.ts';
import { recordEvidence } from '../test/support/submission-pages.ts';
import { accessibilityViolations, contextOptions, launchChromium, startLiveApp, type LiveApp } from './support/browser.ts';

// A division officer of a provincial office (กลุ่มงานการเงิน บัญชีและการตรวจสอบ) in the outstanding-office selection
// (seed 004), in a real Chromium with axe on every page: signs in, sees only the division's indicators and the
// province's internal date on the task list, fills one indicator, attaches its evidence, and tells the office the
// division is done — which the office then sees.

const meta = { actorUserId: null, ip: null, requestId: 'e2e' };
const day = 86_400_000;
const password = 'correct horse battery staple';
let live: LiveApp;
let browser: Browser;
before(async () => {
  [live, browser] = await Promise.all([startLiveApp(), launchChromium()]);
});
after(async () => {
  await browser?.close();
  await live?.stop();
});

test('a division officer fills its indicator, attaches evidence and says the division is done', async () => {
  const roundId = await outstandingProvinceRound(live, ['22']);
  const province = (await findOrgUnitByCode(live.deps.db, 'province', '22'))!;
  const division = (await findOrgUnitByCode(live.deps.db, 'division', 'PO22-FIN'))!;
  await addInternalDeadline(live.deps, null, { roundId, provinceId: province.id, title: 'กลุ่มงานรายงานผลต่อสำนักงานส่งเสริมการปกครองท้องถิ่นจังหวัด', dueAt: new Date(live.clock.now().getTime() + 10 * day) }, meta);
  const userId = await createAccount(live.deps, { name: 'จันทร์เพ็ญ รอบคอบ', email: 'fin@example.go.th', username: 'fin.officer', password, role: 'province_office', orgUnitId: province.id, officeUnitId: division.id }, meta);
  // What the journey does not do in the browser: the division's other answers and their evidence.
  const actor = (await loadActor(live.deps.db, userId))!;
  const context = await loadSubmissionContext(live.deps, actor, { roundId, orgUnitCode: 'PO22' });
  const saved = await saveValues(live.deps, actor, { roundId, orgUnitCode: 'PO22', baseVersion: 0, context, values: { lao_total: '120', innovation_level: '4', ic_report_level: '5' } }, meta);
  assert.ok(saved.ok, JSON.stringify(saved));
  const submission = await live.deps.db.selectFrom('submissions').select('id').where('round_id', '=', roundId).where('org_unit_id', '=', context.unit.id).executeTakeFirstOrThrow();
  await recordEvidence(live, submission.id, ['P08', 'P09']);

  const base = `${live.baseUrl}/rounds/${roundId}/submissions/PO22`;
  const problems: string[] = [];
  const page: Page = await (await browser.newContext(contextOptions())).newPage();
  page.context().setDefaultTimeout(15_000);
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  page.on('console', (m) => { if (m.type() === 'error') problems.push(`console error on ${page.url()}: ${m.text()}`); });
  const check = async (label: string) => {
    await page.waitForLoadState('load');
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    if (overflow > 0) problems.push(`${label}: page scrolls sideways by ${overflow}px`);
    for (const v of await accessibilityViolations(page)) problems.push(`${label} (${page.url()}): ${v}`);
  };
  try {
    await page.goto(`${live.baseUrl}/sign-in`);
    await page.getByLabel('ชื่อผู้ใช้หรืออีเมล').fill('fin.officer');
    await page.getByLabel('รหัสผ่าน', { exact: true }).fill(password);
    await page.getByRole('button', { name: 'เข้าสู่ระบบ' }).click();
    await page.waitForURL(`${live.baseUrl}/`);

    // The task list: the division's three indicators, not the others', and the province's internal date.
    await page.goto(`${live.baseUrl}/tasks`);
    await check('task list');
    const card = page.locator('.task-card', { hasText: 'คัดเลือกท้องถิ่นจังหวัดดีเด่น' });
    const text = (await card.textContent()) ?? '';
    assert.match(text, /ตัวชี้วัดของกลุ่มงานการเงิน บัญชีและการตรวจสอบ/);
    assert.match(text, /กลุ่มงานส่งสำนักงานภายใน\s*กลุ่มงานรายงานผลต่อสำนักงานส่งเสริมการปกครองท้องถิ่นจังหวัด/);
    assert.match(text, /เหลืออีก 9 วัน|เหลืออีก 10 วัน/);
    assert.deepEqual(await card.locator('.division-indicators a').allTextContents(), ['ตัวชี้วัดที่ 8', 'ตัวชี้วัดที่ 9', 'ตัวชี้วัดที่ 11']);

    // Indicator 11: its count, then its evidence, on the section where it is entered.
    await card.getByRole('link', { name: 'ตัวชี้วัดที่ 11' }).click();
    await page.waitForURL(`${base}/sections/F1-S6`);
    await check('section F1-S6');
    assert.equal(await page.locator('input[name="complaints"]').count(), 0, 'another division\u2019s field is shown, not offered');
    await page.getByLabel(/ผ่านเกณฑ์การประเมินคุณธรรมและความโปร่งใส/).fill('96');
    await page.getByRole('button', { name: 'บันทึกไว้ก่อน กลับมาทำภายหลัง' }).click();
    await page.waitForURL(`${base}?done=saved`);
    await check('overview after saving');
    await page.goto(`${base}/sections/F1-S6`);
    const block = page.locator('#evidence-indicator-P11');
    await block.locator('input[type="file"]').setInputFiles({ name: 'ผลการประเมิน-ITA-2566.pdf', mimeType: 'application/pdf', buffer: samplePdf() });
    await block.getByRole('button', { name: 'อัปโหลด' }).click();
    await page.waitForURL(/evidence_done=uploaded/);
    assert.match((await block.textContent()) ?? '', /ผลการประเมิน-ITA-2566\.pdf/);
    await check('evidence on F1-S6');

    // Done: the office is told.
    await page.goto(base);
    await check('overview');
    await page.getByRole('button', { name: 'แจ้งสำนักงานว่ากลุ่มงานกรอกเสร็จแล้ว' }).click();
    await page.waitForURL(/done=division-ready/);
    assert.match((await page.locator('#division-FIN').textContent()) ?? '', /พร้อมส่ง[\s\S]*ทันกำหนดภายใน/);
    await check('division ready');
  } finally {
    await page.context().close();
  }
  const part = await live.deps.db.selectFrom('submission_parts').select('state').where('submission_id', '=', submission.id).where('part_code', '=', 'division:FIN').executeTakeFirstOrThrow();
  assert.equal(part.state, 'ready');
  const answers = (await loadSubmissionContext(live.deps, null, { roundId, orgUnitCode: 'PO22' })).answers;
  assert.equal(answers.get('ita_laos_passed'), 96);
  assert.deepEqual(problems, [], `\n${problems.join('\n\n')}\n`);
});
