import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';

// PDF by printing the document's HTML in Chromium: the one route that gets Thai shaping, line breaking (ICU's
// dictionary, between words) and text extraction right. One browser per process, launched on first use; a few pages
// kept open and handed out in turn, so concurrent renders queue instead of starting browsers of their own.

export type DocumentBrowserOptions = {
  /** A system Chromium (config.chromiumPath); otherwise the one @sparticuz/chromium ships. */
  chromiumPath?: string | undefined;
  /** How many documents print at once; the rest wait their turn. */
  maxConcurrent?: number;
};

let options: Required<Pick<DocumentBrowserOptions, 'maxConcurrent'>> & DocumentBrowserOptions = { maxConcurrent: 4 };
let session: Promise<{ browser: Browser; context: BrowserContext }> | undefined;
const idlePages: Page[] = [];
let busy = 0;
let launches = 0;
const queue: (() => void)[] = [];

/** Call once at start (with config.chromiumPath); later calls apply to the next browser launched. */
export function configureDocumentBrowser(opts: DocumentBrowserOptions): void {
  options = { ...options, ...opts };
}

// @sparticuz/chromium's flags are tuned for AWS Lambda: --single-process crashes when contexts close, and headless
// mode is Playwright's to choose.
const droppedFlags = [/^--single-process$/, /^--headless/];

async function launch(): Promise<{ browser: Browser; context: BrowserContext }> {
  let executablePath = options.chromiumPath;
  let args = ['--no-sandbox'];
  if (!executablePath) {
    const sparticuz = (await import('@sparticuz/chromium')).default;
    executablePath = await sparticuz.executablePath();
    args = sparticuz.args.filter((a) => !droppedFlags.some((re) => re.test(a)));
  }
  const browser = await chromium.launch({ executablePath, args, headless: true });
  launches++;
  // The documents need nothing from outside: no scripts, no network (fonts and images are data: URLs).
  const context = await browser.newContext({ javaScriptEnabled: false, locale: 'th-TH', timezoneId: 'Asia/Bangkok' });
  await context.route(/^(https?|wss?|file|ftp):/, (route) => route.abort());
  return { browser, context };
}

function current(): Promise<{ browser: Browser; context: BrowserContext }> {
  if (!session) {
    const started = launch();
    session = started;
    started.then(
      ({ browser }) =>
        browser.on('disconnected', () => {
          if (session === started) forget();
        }),
      () => {
        if (session === started) session = undefined;
      },
    );
  }
  return session;
}

function forget(): void {
  session = undefined;
  idlePages.length = 0;
}

async function acquire(): Promise<void> {
  if (busy < options.maxConcurrent) {
    busy++;
    return;
  }
  await new Promise<void>((resolve) => queue.push(resolve));
}

function release(): void {
  const next = queue.shift();
  if (next) next();
  else busy--;
}

/** Prints a whole HTML document to PDF; the page size and margins come from its CSS @page rule. */
export async function htmlToPdf(html: string): Promise<Buffer> {
  await acquire();
  let page: Page | undefined;
  try {
    const { context } = await current();
    page = idlePages.pop() ?? (await context.newPage());
    await page.setContent(html, { waitUntil: 'load' });
    await page.evaluate(() => document.fonts.ready.then(() => undefined));
    const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: true, tagged: true });
    idlePages.push(page);
    page = undefined;
    return pdf;
  } finally {
    if (page) await page.close().catch(() => undefined);
    release();
  }
}

/** How many browsers this process has launched (for tests: concurrent renders share one). */
export function documentBrowserLaunches(): number {
  return launches;
}

/** Closes the browser (at shutdown, and at the end of tests); the next render launches a new one. */
export async function closeDocumentBrowser(): Promise<void> {
  const s = session;
  forget();
  if (!s) return;
  const { browser } = await s.catch(() => ({ browser: undefined }));
  await browser?.close();
}
