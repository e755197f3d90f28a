import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Browser } from 'playwright-core';
import { buildEntryWorld } from '../test/submissions/support.ts';
import { contextOptions, launchChromium, startLiveApp, type LiveApp } from './support/browser.ts';

// The first visit to a data-entry page, as a rural office's browser fetches it (empty cache): every byte over the
// wire, and the JavaScript compressed, against design.md §5 (≤ 150 KB a first visit, JavaScript ≤ 30 KB).
// The numbers are printed for docs/performance.md.

let live: LiveApp;
let browser: Browser;
before(async () => {
  [live, browser] = await Promise.all([startLiveApp(), launchChromium()]);
});
after(async () => {
  await browser?.close();
  await live?.stop();
});

test('a section page, first visit: within 150 KB over the wire and JavaScript within 30 KB compressed; still within 150 KB once typing loads the live indicators', async () => {
  const w = await buildEntryWorld(live, { lao: '8300001', other: '8300002' });
  const context = await browser.newContext(contextOptions({ javaScriptEnabled: true }));
  const page = await context.newPage();
  await page.goto(`${live.baseUrl}/sign-in`);
  await page.getByLabel('ชื่อผู้ใช้หรืออีเมล').fill(w.users.officer.username);
  await page.getByLabel('รหัสผ่าน', { exact: true }).fill(w.users.officer.password);
  await page.getByRole('button', { name: 'เข้าสู่ระบบ' }).click();
  await page.waitForURL(`${live.baseUrl}/`);

  // A fresh cache for the measured visit: a new page in the same signed-in context, with caching off.
  const measured = await context.newPage();
  const cdp = await context.newCDPSession(measured);
  await cdp.send('Network.enable');
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  const bytes = new Map<string, { type: string; encoded: number }>();
  const types = new Map<string, string>();
  cdp.on('Network.responseReceived', (e) => types.set(e.requestId, `${e.type}:${e.response.url.replace(live.baseUrl, '')}`));
  cdp.on('Network.loadingFinished', (e) => bytes.set(e.requestId, { type: types.get(e.requestId) ?? '?', encoded: e.encodedDataLength }));
  await measured.goto(`${live.baseUrl}/rounds/${w.roundId}/submissions/${w.lao.code}/sections/F2-2-S2`);
  await measured.waitForLoadState('networkidle');
  const firstVisit = [...bytes.values()];
  // Typing loads the CEL engine for the live indicator values.
  await measured.locator('input[name="tour_sites_total"]').fill('10');
  await measured.locator('input[name="tour_sites_promoted"]').fill('5');
  await measured.waitForLoadState('networkidle');
  const afterTyping = [...bytes.values()];
  await context.close();

  const sum = (list: { type: string; encoded: number }[], pick = (_: string) => true) => list.filter((b) => pick(b.type)).reduce((s, b) => s + b.encoded, 0);
  const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;
  const scripts = (t: string) => t.startsWith('Script:');
  console.log('first visit:', firstVisit.map((b) => `${b.type} ${kb(b.encoded)}`).join(', '));
  console.log(`first visit total ${kb(sum(firstVisit))}, of which JavaScript ${kb(sum(firstVisit, scripts))}; after typing: total ${kb(sum(afterTyping))}, JavaScript ${kb(sum(afterTyping, scripts))}`);
  // Bytes include HTTP headers. The CEL engine (≈27 KB) loads only once someone types on a page with indicators.
  assert.ok(sum(firstVisit) <= 150 * 1024, `over the page budget: ${kb(sum(firstVisit))}`);
  assert.ok(sum(firstVisit, scripts) <= 30 * 1024, `over the JavaScript budget: ${kb(sum(firstVisit, scripts))}`);
  assert.ok(sum(afterTyping) <= 150 * 1024, `over the page budget after typing: ${kb(sum(afterTyping))}`);
});
