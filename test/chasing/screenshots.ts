// Screenshots of the chase pages at office-desktop and phone sizes, for a person to look at. Not a test.
// Usage: npm exec -- node --import tsx test/chasing/screenshots.ts [outDir]   (default .tmp/screenshots)
import fs from 'node:fs';
import path from 'node:path';
import { sql } from 'kysely';
import type { Page } from 'playwright-core';
import { findOrgUnitByAnyCode } from '../../src/db/queries/org-units.ts';
import { findProgrammeByCode } from '../../src/db/queries/frameworks.ts';
import { loadActor } from '../../src/services/access/load-actor.ts';
import { importFramework } from '../../src/services/framework/import-framework.ts';
import { recordCallNote } from '../../src/services/reminders/record-call-note.ts';
import { changeRoundState } from '../../src/services/rounds/change-round-state.ts';
import { createRound } from '../../src/services/rounds/create-round.ts';
import { grantExtension } from '../../src/services/rounds/grant-extension.ts';
import { createAccount } from '../../src/services/users/create-account.ts';
import { accessibilityViolations, contextOptions, launchChromium, startLiveApp, type LiveApp } from '../../e2e/support/browser.ts';
import { startTestCluster } from '../support/cluster.ts';
import { createLao } from '../support/factories.ts';

const outDir = path.resolve(process.argv[2] ?? '.tmp/screenshots');
const viewports = { desktop: { width: 1366, height: 768 }, phone: { width: 390, height: 844 } };
const password = 'correct horse battery staple';
const meta = { actorUserId: null, ip: null, requestId: null };

const names = [
  'องค์การบริหารส่วนตำบลท่าหลวงใหม่พัฒนา', 'เทศบาลตำบลพลับพลานารายณ์', 'องค์การบริหารส่วนตำบลบางกะไชย', 'เทศบาลตำบลปากน้ำแหลมสิงห์',
  'องค์การบริหารส่วนตำบลหนองชิ่ม', 'องค์การบริหารส่วนตำบลเกาะเปริด', 'เทศบาลตำบลบางสระเก้า', 'องค์การบริหารส่วนตำบลคลองน้ำเค็ม',
  'เทศบาลเมืองจันทนิมิต', 'องค์การบริหารส่วนตำบลพลับพลา', 'เทศบาลตำบลท่าช้าง', 'องค์การบริหารส่วนตำบลคมบาง',
];

async function seed(live: LiveApp): Promise<number> {
  const { deps } = live;
  const laos = [];
  for (const [i, name] of names.entries()) {
    laos.push(await createLao(deps.db, { code: `52206${String(i + 10).padStart(2, '0')}`, nameTh: name, laoType: name.startsWith('เทศบาลเมือง') ? 'town' : name.startsWith('เทศบาล') ? 'subdistrict' : 'sao', districtCode: i < 8 ? '2206' : '2201' }));
  }
  const people: [string, string, string, string][] = [['thanakorn', 'ธนกร วงศ์ไพบูลย์', 'district_office', '2206'], ['prapai', 'ประไพ ศรีสุวรรณวงศ์', 'province_office', '22'], ['pornthip', 'พรทิพย์ ศักดิ์สิทธิ์ไพศาล', 'programme_admin', 'TH']];
  for (const [i, lao] of laos.entries()) if (i % 5 !== 3) people.push([`officer${i}`, `เจ้าหน้าที่ ${names[i]!.slice(-8)}`, 'lao_officer', lao.code]);
  const ids: Record<string, string> = {};
  for (const [username, name, role, code] of people) {
    ids[username] = await createAccount(deps, { name, email: `${username}@example.go.th`, username, password, role: role as never, orgUnitId: (await findOrgUnitByAnyCode(deps.db, code))!.id }, meta);
  }
  let imported!: Awaited<ReturnType<typeof importFramework>>;
  for (const year of [2567, 2568]) {
    const file = path.resolve(import.meta.dirname, `../../frameworks/odloc-minimum-standards-${year}.yaml`);
    imported = await importFramework(deps, null, { bytes: fs.readFileSync(file), fileName: path.basename(file) }, meta);
    if (!imported.ok) throw new Error(`framework ${year} did not import`);
  }
  if (!imported.ok) throw new Error('framework did not import');
  const programme = (await findProgrammeByCode(deps.db, 'odloc-minimum-standards'))!;
  const day = 86_400_000;
  const endOfDay = (days: number) => new Date(Math.floor((Date.now() + days * day) / day) * day + 17 * 3_600_000 - 1000);
  // due yesterday: the district's LAOs are late, except three given until five days from now (at risk)
  const { roundId } = await createRound(deps, null, {
    programmeId: programme.id, frameworkVersionId: imported.versionId, title: 'การประเมินมาตรฐานขั้นต่ำการจัดบริการสาธารณะ ประจำปี พ.ศ. 2568', fiscalYear: 2568, quarter: null,
    opensAt: new Date(Date.now() - 40 * day), dueAt: endOfDay(-1), lateUntil: endOfDay(14), editClosesAt: endOfDay(30), laoTypes: null, provinceCodes: ['22'], excludedProvinceCodes: [],
  }, meta);
  await changeRoundState(deps, null, { roundId, to: 'open' }, meta);
  for (const lao of laos.slice(1, 4)) await grantExtension(deps, null, { roundId, scope: 'respondent', orgUnitId: lao.id, newDueAt: endOfDay(5), reason: 'ระบบไฟฟ้าขัดข้อง' }, meta);
  // some have started: a few answers, and one submitted
  await sql`insert into submissions (round_id, org_unit_id, state) select ${roundId}, id, 'in_progress' from org_units where id = any(${laos.filter((_, i) => i % 3 === 0).map((l) => l.id)}::int[])`.execute(deps.db);
  await sql`update submissions set state = 'submitted', submitted_at = now() where round_id = ${roundId} and org_unit_id = ${laos[6]!.id}`.execute(deps.db);
  const district = (await loadActor(deps.db, ids.thanakorn!))!;
  await recordCallNote(deps, district, { roundId, orgUnitId: laos[0]!.id, note: 'โทรคุยกับปลัด อบต. แล้ว แจ้งว่าเจ้าหน้าที่ลาคลอด จะส่งข้อมูลภายในวันศุกร์นี้' }, meta);
  return roundId;
}

async function signIn(page: Page, base: string, username: string) {
  await page.goto(`${base}/sign-in`);
  await page.getByLabel('ชื่อผู้ใช้หรืออีเมล').fill(username);
  await page.getByLabel('รหัสผ่าน', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'เข้าสู่ระบบ' }).click();
  await page.waitForURL(`${base}/`);
}

async function shoot(page: Page, file: string) {
  await page.evaluate(() => document.fonts.ready);
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  await page.screenshot({ path: path.join(outDir, file), fullPage: true });
  console.log(`${file}${overflow > 0 ? `  (scrolls sideways by ${overflow}px)` : ''}`);
  for (const v of await accessibilityViolations(page)) console.log(`  ${v.replace(/\n/g, '\n  ')}`);
}

const cluster = await startTestCluster();
process.env.TEST_PG_URL = cluster.adminUrl;
try {
  fs.mkdirSync(outDir, { recursive: true });
  const live = await startLiveApp();
  const browser = await launchChromium();
  try {
    const roundId = await seed(live);
    const base = live.baseUrl;
    const chase = `${base}/rounds/${roundId}/chase`;
    for (const [size, viewport] of Object.entries(viewports)) {
      const context = await browser.newContext(contextOptions({ viewport }));
      const page = await context.newPage();
      await signIn(page, base, 'thanakorn');
      await page.goto(chase);
      await shoot(page, `${size}-chase-01-list.png`);
      await page.getByRole('button', { name: 'ส่ง', exact: true }).click();
      await page.locator('.error-summary').waitFor();
      await shoot(page, `${size}-chase-02-no-selection-error.png`);
      await page.goto(`${chase}?state=late`);
      await page.locator('.chase-table input[type=checkbox]').first().check();
      await page.locator('.chase-table input[type=checkbox]').nth(1).check();
      await page.getByLabel('เลยกำหนดส่งแล้ว').check();
      await page.locator('.chase-template details').nth(1).locator('summary').click();
      await shoot(page, `${size}-chase-03-late-selected-preview.png`);
      await page.getByRole('button', { name: 'ส่ง', exact: true }).click();
      await page.waitForURL(/\/sends\/\d+/);
      // half of it out, as a worker would have it a moment later (the screenshot app runs no worker)
      const sendId = Number(/sends\/(\d+)/.exec(page.url())![1]);
      await sql`update reminder_deliveries set state = 'sent', sent_at = now() where send_id = ${sendId} and id % 2 = 0`.execute(live.deps.db);
      await page.reload();
      await shoot(page, `${size}-chase-04-send-in-progress.png`);
      await page.goto(`${chase}/log`);
      await shoot(page, `${size}-chase-05-log.png`);
      await context.close();
      const owner = await browser.newContext(contextOptions({ viewport }));
      const ownerPage = await owner.newPage();
      await signIn(ownerPage, base, 'pornthip');
      await ownerPage.goto(`${base}/reminder-templates`);
      await shoot(ownerPage, `${size}-chase-06-templates.png`);
      await owner.close();
    }
  } finally {
    await browser.close();
    await live.stop();
  }
} finally {
  await cluster.stop();
}
process.exit(0);
