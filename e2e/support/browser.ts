import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import axe from 'axe-core';
import { chromium, type Browser, type BrowserContextOptions, type Page } from 'playwright-core';
import { freePort } from '../../test/support/cluster.ts';
import { createTestApp, type TestApp } from '../../test/support/web.ts';

// The real app over real HTTP on loopback, driven by a real Chromium: what test/support/web.ts's Browser
// cannot see (CSS, focus, the accessibility tree, forms submitted by the browser itself) is checked here.

export type LiveApp = TestApp & { baseUrl: string; stop(): Promise<void> };

/** The app on a free loopback port. PUBLIC_URL must match it: the CSRF check compares the Origin with it. */
export async function startLiveApp(): Promise<LiveApp> {
  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  const t = await createTestApp({ PUBLIC_URL: baseUrl });
  const server = await new Promise<ReturnType<typeof serve>>((resolve) => {
    const s = serve({ fetch: t.app.fetch, port, hostname: '127.0.0.1' }, () => resolve(s));
  });
  if ((server.address() as AddressInfo).port !== port) throw new Error('server bound to an unexpected port');
  return {
    ...t,
    baseUrl,
    async stop() {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await t.close();
    },
  };
}

// @sparticuz/chromium's flags are tuned for AWS Lambda. Dropped here:
// --single-process breaks Playwright's multiple browser contexts (and crashes on context close);
// --headless='shell' is Playwright's job; --disable-web-security and --allow-running-insecure-content
// would hide real same-origin and CSP behaviour from the tests.
const droppedFlags = [/^--single-process$/, /^--headless/, /^--disable-web-security$/, /^--allow-running-insecure-content$/];

export async function launchChromium(): Promise<Browser> {
  let executablePath = process.env.CHROMIUM_PATH;
  let args: string[] = ['--no-sandbox'];
  if (!executablePath) {
    const sparticuz = (await import('@sparticuz/chromium')).default;
    executablePath = await sparticuz.executablePath();
    args = sparticuz.args.filter((a) => !droppedFlags.some((re) => re.test(a)));
  }
  return chromium.launch({ executablePath, args, headless: true });
}

/** A context the way a Thai office PC sees the app; bypassCSP only so axe can be injected. */
export function contextOptions(opts: BrowserContextOptions = {}): BrowserContextOptions {
  return { locale: 'th-TH', timezoneId: 'Asia/Bangkok', viewport: { width: 1366, height: 768 }, bypassCSP: true, ...opts };
}

const wcagTags = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

type Violation = { id: string; impact: string | null; help: string; helpUrl: string; nodes: { target: string; html: string; summary: string }[] };

/** Whether the page runs scripts: a script tag added now either runs or, with JavaScript off, does not. */
export async function scriptsRun(page: Page): Promise<boolean> {
  await page.addScriptTag({ content: 'window.__scriptsRun = true' });
  return page.evaluate(() => '__scriptsRun' in window);
}

/** Runs axe-core on the page as it stands; returns the WCAG 2.x A/AA violations, formatted for a person. */
export async function accessibilityViolations(page: Page): Promise<string[]> {
  const dom = await labellingProblems(page);
  if (await scriptsRun(page)) {
    await page.addScriptTag({ content: axe.source });
    return [...dom, ...(await runAxe(page))];
  }
  // JavaScript is off: an injected axe would not run, and switching scripts back on is not possible from
  // a second DevTools session. So axe runs on a copy: this page's DOM served at the same address to a
  // scripted page with the same viewport, stylesheets and fonts, the app's own scripts still blocked.
  const url = page.url().replace(/#.*$/, '');
  const html = await page.content();
  const copyContext = await page.context().browser()!.newContext(contextOptions({ viewport: page.viewportSize() }));
  try {
    await copyContext.route('**/*', (route) => {
      const request = route.request();
      if (request.url() === url) return route.fulfill({ body: html, contentType: 'text/html; charset=utf-8' });
      return request.resourceType() === 'script' ? route.abort() : route.continue();
    });
    const copy = await copyContext.newPage();
    await copy.goto(url);
    await copy.addScriptTag({ content: axe.source });
    return [...dom, ...(await runAxe(copy))];
  } finally {
    await copyContext.close();
  }
}

// What axe only reports as "needs review" since WCAG 2.2 dropped 4.1.1: a duplicate id makes a <label for>
// (and an error summary's #link) reach the first element with it, leaving the real field without a name.
async function labellingProblems(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const problems: string[] = [];
    const counts = new Map<string, number>();
    for (const el of document.querySelectorAll('[id]')) counts.set(el.id, (counts.get(el.id) ?? 0) + 1);
    for (const [id, n] of counts) if (n > 1) problems.push(`duplicate-id: id="${id}" is used ${n} times`);
    for (const el of document.querySelectorAll<HTMLInputElement>('input:not([type=hidden]), select, textarea')) {
      const named = (el.labels?.length ?? 0) > 0 || el.hasAttribute('aria-label') || el.hasAttribute('aria-labelledby');
      if (!named) problems.push(`unlabelled-control: no <label> reaches ${el.outerHTML.slice(0, 160)}`);
    }
    return problems;
  });
}

async function runAxe(page: Page): Promise<string[]> {
  const run = page.evaluate(async (tags): Promise<Violation[]> => {
    const w = window as unknown as { axe: typeof axe };
    const result = await w.axe.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] });
    return result.violations.map((v) => ({
      id: v.id,
      impact: v.impact ?? null,
      help: v.help,
      helpUrl: v.helpUrl,
      nodes: v.nodes.map((n) => ({ target: n.target.join(' '), html: n.html.slice(0, 200), summary: n.failureSummary ?? '' })),
    }));
  }, wcagTags);
  // page.evaluate has no timeout of its own: a stuck axe run should fail here, not at the runner's limit.
  const timeout = new Promise<never>((_, reject) => setTimeout(() => reject(new Error(`axe did not finish on ${page.url()}`)), 30_000).unref());
  const violations = await Promise.race([run, timeout]);
  return violations.map(
    (v) =>
      `${v.id} (${v.impact}): ${v.help}\n  ${v.helpUrl}\n` +
      v.nodes.map((n) => `  - ${n.target}\n    ${n.html}\n    ${n.summary.replace(/\n/g, '\n    ')}`).join('\n'),
  );
}
