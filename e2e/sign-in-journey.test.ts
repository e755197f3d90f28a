import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { roleLabels, type Role } from '../src/domain/access/roles.ts';
import { findOrgUnitByAnyCode } from '../src/db/queries/org-units.ts';
import { t as msg } from '../src/web/messages/th.ts';
import { createLao, createUserWithRole } from '../test/support/factories.ts';
import { accessibilityViolations, contextOptions, launchChromium, scriptsRun, startLiveApp, type LiveApp } from './support/browser.ts';

// The sign-in journey in a real Chromium, with and without JavaScript: every page must work as plain HTML
// forms and links, and every page must pass axe-core's WCAG 2.x A/AA rules.

let live: LiveApp;
let browser: Browser;
let unitNames: Record<string, string>;

before(async () => {
  [live, browser] = await Promise.all([startLiveApp(), launchChromium()]);
  await createLao(live.deps.db, { code: '5220601', nameTh: 'เทศบาลตำบลทดสอบ', laoType: 'subdistrict', districtCode: '2206' });
  const province = await findOrgUnitByAnyCode(live.deps.db, '22');
  unitNames = { '5220601': 'เทศบาลตำบลทดสอบ', '22': province!.nameTh };
});
after(async () => {
  await browser?.close();
  await live?.stop();
});

const journeys: { role: Role; unitCode: string }[] = [
  { role: 'lao_officer', unitCode: '5220601' },
  { role: 'province_office', unitCode: '22' },
];

for (const javaScriptEnabled of [true, false]) {
  for (const { role, unitCode } of journeys) {
    test(`${role} signs in, visits account and org, signs out (JavaScript ${javaScriptEnabled ? 'on' : 'off'})`, async () => {
      const user = await createUserWithRole(live.deps, role, unitCode);
      const context = await browser.newContext(contextOptions({ javaScriptEnabled }));
      context.setDefaultTimeout(15_000); // fail at the step that hangs, well before the runner's timeout
      const page = await context.newPage();
      const problems: string[] = [];
      page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
      // Chromium logs every 4xx page as a console error; the 422 of the deliberate form error is expected.
      page.on('console', (m) => {
        if (m.type() === 'error' && !/status of 422/.test(m.text())) problems.push(`console error on ${page.url()}: ${m.text()}`);
      });

      // Every page visited: loaded, no horizontal scrolling, and no WCAG violations.
      const check = async (label: string) => {
        await page.waitForLoadState('load');
        assert.equal(await scriptsRun(page), javaScriptEnabled, `${label}: JavaScript is ${javaScriptEnabled ? 'on' : 'off'}`);
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
        if (overflow > 0) problems.push(`${label}: page scrolls sideways by ${overflow}px`);
        for (const v of await accessibilityViolations(page)) problems.push(`${label} (${page.url()}): ${v}`);
      };
      const url = (path: string) => `${live.baseUrl}${path}`;

      try {
        await page.goto(url('/'));
        assert.equal(await page.getByRole('heading', { level: 1 }).textContent(), msg('app.tagline'));
        await check('anonymous home');

        await page.getByRole('main').getByRole('link', { name: msg('nav.signIn') }).click();
        await page.waitForURL(url('/sign-in'));
        await check('sign-in');

        // A forgotten password first: the error summary links to the field.
        await page.getByLabel(msg('signIn.identifier')).fill(user.username);
        await page.getByRole('button', { name: msg('signIn.submit') }).click();
        await page.locator('.error-summary').waitFor();
        assert.equal(await page.getByRole('link', { name: msg('signIn.password.required') }).getAttribute('href'), '#password');
        assert.equal(await page.getByLabel(msg('signIn.identifier')).inputValue(), user.username, 'the typed username is kept');
        await check('sign-in with an error');

        await page.getByLabel(msg('signIn.password'), { exact: true }).fill(user.password);
        await page.getByRole('button', { name: msg('signIn.submit') }).click();
        await page.waitForURL(url('/'));
        assert.equal(await page.getByRole('heading', { level: 1 }).textContent(), `สวัสดี ทดสอบ ${role}`);
        const membership = page.locator('.summary-list');
        assert.equal(await membership.locator('dt').textContent(), roleLabels[role]);
        assert.match((await membership.locator('dd').textContent()) ?? '', new RegExp(unitNames[unitCode]!));
        await check('role home');

        const nav = page.getByRole('navigation', { name: 'เมนูหลัก' });
        await nav.getByRole('link', { name: msg('nav.account') }).click();
        await page.waitForURL(url('/account'));
        assert.equal(await page.getByRole('heading', { level: 1 }).textContent(), 'บัญชีของฉัน');
        await check('account');

        await nav.getByRole('link', { name: msg('nav.org') }).click();
        await page.waitForURL(/\/org\/(lao|province)\//);
        assert.equal(await page.getByRole('heading', { level: 1 }).textContent(), unitNames[unitCode]);
        await check('org');

        await page.getByRole('button', { name: msg('nav.signOut') }).click();
        await page.waitForURL(url('/sign-in?signed-out=1'));
        assert.equal((await page.getByRole('status').textContent())?.trim(), msg('signIn.signedOut'));
        await check('signed out');

        await page.goto(url('/account'));
        assert.match(page.url(), /\/sign-in\?next=%2Faccount/, 'the session is gone');
      } finally {
        await context.close();
      }
      assert.deepEqual(problems, [], `\n${problems.join('\n\n')}\n`);
    });
  }
}

test('the accessibility check itself finds violations, with and without JavaScript', async () => {
  for (const javaScriptEnabled of [true, false]) {
    const context = await browser.newContext(contextOptions({ javaScriptEnabled }));
    try {
      const page = await context.newPage();
      const address = `${live.baseUrl}/not-a-real-page`;
      // No lang, an image without alt, an input without a label, and a label lost to a heading with the same id.
      const body = '<!doctype html><title>x</title><main><img src="/nothing.png"><input><h2 id="code">รหัส</h2><label for="code">รหัส</label><input id="code"></main>';
      await page.route(address, (route) => route.fulfill({ contentType: 'text/html', body }));
      await page.goto(address);
      const found = new Set((await accessibilityViolations(page)).map((v) => v.split(/[ :]/)[0]));
      assert.deepEqual([...found].sort(), ['duplicate-id', 'html-has-lang', 'image-alt', 'label', 'unlabelled-control'], `JavaScript ${javaScriptEnabled ? 'on' : 'off'}`);
    } finally {
      await context.close();
    }
  }
});
