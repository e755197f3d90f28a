import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { loadSubmissionContext } from '../src/services/submissions/load-submission.ts';
import { saveSection } from '../src/services/submissions/save-section.ts';
import { samplePdf } from '../test/evidence/sample-files.ts';
import { recordEvidence } from '../test/support/submission-pages.ts';
import { buildEntryWorld, meta, type EntryWorld } from '../test/submissions/support.ts';
import { accessibilityViolations, contextOptions, launchChromium, scriptsRun, startLiveApp, type LiveApp } from './support/browser.ts';

// The data-entry journey in a real Chromium, with JavaScript on and off, with axe on every page: an officer fills
// two areas of แบบเทศบาล ๒ for a เทศบาลตำบล and attaches evidence; the executive submits; the district office
// returns one field with a reason; the officer corrects it; the executive resubmits; the province accepts.

let live: LiveApp;
let browser: Browser;
before(async () => {
  [live, browser] = await Promise.all([startLiveApp(), launchChromium()]);
});
after(async () => {
  await browser?.close();
  await live?.stop();
});

/** What the journey does not do in the browser: แบบ ๑ and the third area, answered beforehand through the service. */
async function answerOtherForms(w: EntryWorld): Promise<void> {
  const ctx = await loadSubmissionContext(live.deps, w.actors.officer2, { roundId: w.roundId, orgUnitCode: w.lao.code });
  for (const form of ctx.version.doc.forms.filter((f) => f.code === 'F1' || f.code === 'F2-3')) {
    for (const section of form.sections) {
      const raw: Record<string, string> = {};
      for (const f of section.fields) if (!f.appliesTo || f.appliesTo.includes('subdistrict')) raw[f.key] = f.type === 'text' || f.type === 'longtext' ? 'ข้อมูลทดสอบ' : f.type === 'percent' ? '80' : /_total$/.test(f.key) ? '100' : '0';
      const r = await saveSection(live.deps, w.actors.officer2, { roundId: w.roundId, orgUnitCode: w.lao.code, sectionCode: section.code, raw, complete: true, confirmedWarnings: true }, meta);
      if (!r.ok) throw new Error(`${section.code}: ${JSON.stringify(r)}`);
    }
  }
  const submission = await live.deps.db.selectFrom('submissions').select('id').where('round_id', '=', w.roundId).where('org_unit_id', '=', w.lao.id).executeTakeFirstOrThrow();
  await recordEvidence(live, submission.id, ['EN01']);
}

/** Answers every open input of a section page: totals 10, percentages 80, other counts 0, text in Thai. */
async function fillSectionForm(page: Page): Promise<void> {
  const form = page.locator('form.section-form');
  for (const input of await form.locator('input[type="text"]:not([readonly]):not([disabled])').all()) {
    const name = (await input.getAttribute('name')) ?? '';
    const numeric = (await input.getAttribute('inputmode')) !== null;
    await input.fill(name.endsWith('__note') ? 'ทดสอบ' : !numeric ? 'ข้อมูลทดสอบ' : /_total$/.test(name) ? '10' : /pct|satisfaction/.test(name) ? '80' : '0');
  }
  for (const area of await form.locator('textarea:not([readonly]):not([disabled])').all()) await area.fill('ข้อมูลทดสอบ');
}

for (const javaScriptEnabled of [true, false]) {
  test(`officer fills, executive submits, district returns, officer corrects, executive resubmits, province accepts (JavaScript ${javaScriptEnabled ? 'on' : 'off'})`, async () => {
    const w = await buildEntryWorld(live, javaScriptEnabled ? { lao: '8200001', other: '8200002' } : { lao: '8200003', other: '8200004' });
    await answerOtherForms(w);
    const base = `${live.baseUrl}/rounds/${w.roundId}/submissions/${w.lao.code}`;
    const problems: string[] = [];

    async function as(who: keyof EntryWorld['users'], steps: (page: Page, check: (label: string) => Promise<void>) => Promise<void>) {
      const context = await browser.newContext(contextOptions({ javaScriptEnabled }));
      context.setDefaultTimeout(15_000);
      const page = await context.newPage();
      page.on('pageerror', (e) => problems.push(`${who}: page error: ${e.message}`));
      page.on('console', (m) => {
        if (m.type() === 'error' && !/status of (409|422)/.test(m.text())) problems.push(`${who}: console error on ${page.url()}: ${m.text()}`);
      });
      const check = async (label: string) => {
        await page.waitForLoadState('load');
        assert.equal(await scriptsRun(page), javaScriptEnabled, `${label}: JavaScript is ${javaScriptEnabled ? 'on' : 'off'}`);
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
        if (overflow > 0) problems.push(`${who} ${label}: page scrolls sideways by ${overflow}px`);
        for (const v of await accessibilityViolations(page)) problems.push(`${who} ${label} (${page.url()}): ${v}`);
      };
      try {
        await page.goto(`${live.baseUrl}/sign-in`);
        await page.getByLabel('ชื่อผู้ใช้หรืออีเมล').fill(w.users[who].username);
        await page.getByLabel('รหัสผ่าน', { exact: true }).fill(w.users[who].password);
        await page.getByRole('button', { name: 'เข้าสู่ระบบ' }).click();
        await page.waitForURL(`${live.baseUrl}/`);
        await steps(page, check);
      } finally {
        await context.close();
      }
    }

    // 1. The officer: the task list, then two areas (แบบ ๒-๑ and ๒-๒), section by section, with evidence.
    await as('officer', async (page, check) => {
      await page.goto(`${live.baseUrl}/tasks`);
      await check('task list');
      await page.getByRole('link', { name: /แบบเทศบาล ๒-๑/ }).first().click();
      await check('a form from the task list');
      for (const section of ['F2-1-S1', 'F2-1-S2', 'F2-2-S1', 'F2-2-S2']) {
        await page.goto(`${base}/sections/${section}`);
        await check(`section ${section}`);
        await fillSectionForm(page);
        await page.getByRole('button', { name: 'บันทึกและทำต่อ' }).click();
        await page.waitForURL((u) => !u.pathname.endsWith(`/sections/${section}`));
        await check(`after saving ${section}`);
      }
      for (const [section, indicator] of [['F2-1-S2', 'ED02'], ['F2-2-S1', 'EC01']] as const) {
        await page.goto(`${base}/sections/${section}`);
        const block = page.locator(`#evidence-indicator-${indicator}`);
        await block.locator('input[type="file"]').setInputFiles({ name: `หลักฐาน-${indicator}.pdf`, mimeType: 'application/pdf', buffer: samplePdf() });
        await block.getByRole('button', { name: 'อัปโหลด' }).click();
        await page.waitForURL(/evidence_done=uploaded/);
        assert.match((await block.textContent()) ?? '', new RegExp(`หลักฐาน-${indicator}\\.pdf`));
        await check(`evidence on ${section}`);
      }
    });

    // 2. The executive checks the answers and sends (twice: the second is the same submission).
    await as('executive', async (page, check) => {
      await page.goto(`${base}/check`);
      await check('check answers');
      await page.getByRole('button', { name: 'ยืนยันและส่งข้อมูล' }).click();
      await page.waitForURL(`${base}/submitted`);
      await check('submitted');
    });

    // 3. The district office returns one field with a reason.
    await as('district', async (page, check) => {
      await page.goto(`${base}/review`);
      await check('review');
      const comment = page.locator('tr#learning_centres');
      await comment.locator('summary').click();
      await comment.getByLabel('ความเห็น').fill('จำนวนแหล่งเรียนรู้ไม่ตรงกับทะเบียนของอำเภอ');
      await comment.getByLabel('ขอให้แก้ไขช่องนี้').check();
      await comment.getByRole('button', { name: 'บันทึกความเห็น' }).click();
      await page.waitForLoadState('load');
      await page.getByLabel('เหตุผล').fill('แก้จำนวนแหล่งเรียนรู้ตามทะเบียนของอำเภอ');
      await page.getByRole('button', { name: 'ส่งกลับให้แก้ไข' }).click();
      await page.waitForLoadState('load');
      await check('returned');
    });

    // 4. The officer corrects only that field.
    await as('officer', async (page, check) => {
      await page.goto(base);
      assert.match((await page.locator('main').textContent()) ?? '', /จำนวนแหล่งเรียนรู้ไม่ตรงกับทะเบียนของอำเภอ/);
      await check('returned overview');
      await page.goto(`${base}/sections/F2-1-S2`);
      const field = page.locator('input[name="learning_centres"]');
      await field.fill('4');
      await page.getByRole('button', { name: 'บันทึกและทำต่อ' }).click();
      await page.waitForURL((u) => !u.pathname.endsWith('/sections/F2-1-S2'));
      await check('corrected');
      // Four learning centres now: the framework asks for evidence of them.
      await page.goto(`${base}/sections/F2-1-S2`);
      const block = page.locator('#evidence-indicator-ED07');
      await block.locator('input[type="file"]').setInputFiles({ name: 'หลักฐาน-ED07.pdf', mimeType: 'application/pdf', buffer: samplePdf() });
      await block.getByRole('button', { name: 'อัปโหลด' }).click();
      await page.waitForURL(/evidence_done=uploaded/);
    });

    // 5. The executive resubmits; 6. the province accepts.
    await as('executive', async (page, check) => {
      await page.goto(`${base}/check`);
      await check('check answers again');
      const send = page.getByRole('button', { name: 'ยืนยันและส่งข้อมูล' });
      if (!(await send.count())) assert.fail(`no send button on the check page:\n${(await page.locator('main').innerText()).slice(0, 1500)}`);
      await send.click();
      await page.waitForURL(`${base}/submitted`);
    });
    await as('province', async (page, check) => {
      await page.goto(`${base}/review`);
      await check('province review');
      await page.getByRole('button', { name: 'รับรอง' }).click();
      await page.waitForLoadState('load');
      await check('accepted');
    });

    const ctx = await loadSubmissionContext(live.deps, null, { roundId: w.roundId, orgUnitCode: w.lao.code });
    assert.equal(ctx.state, 'accepted');
    assert.equal(ctx.answers.get('learning_centres'), 4);
    const snapshots = await live.deps.db.selectFrom('submission_snapshots').select('seq').where('submission_id', '=', ctx.submission!.id).execute();
    assert.equal(snapshots.length, 2, 'sent twice: first, and after the correction');
    const evidence = await live.deps.db.selectFrom('evidence').select('file_name').where('submission_id', '=', ctx.submission!.id).where('removed_at', 'is', null).execute();
    assert.deepEqual(evidence.map((e) => e.file_name).sort(), ['หลักฐาน-EC01.pdf', 'หลักฐาน-ED02.pdf', 'หลักฐาน-ED07.pdf', 'หลักฐาน.pdf']);
    assert.deepEqual(problems, [], `\n${problems.join('\n\n')}\n`);
  });
}
