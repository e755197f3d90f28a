import { FixedClock } from '../../src/clock.ts';
import { loadConfig } from '../../src/config.ts';
import { createDeps, type Deps } from '../../src/deps.ts';
import { createLogger } from '../../src/logger.ts';
import { MemoryMailer } from '../../src/mail/mailer.ts';
import { createApp, type App } from '../../src/web/app.ts';
import { createTestDatabase, type TestDatabase } from './test-db.ts';

// A real app on a real (cloned) database, driven through app.request(); a fake only at the mail boundary.
export const testOrigin = 'http://localhost:3000';

export type TestApp = { app: App; deps: Deps; mailer: MemoryMailer; clock: FixedClock; database: TestDatabase; close(): Promise<void> };

export async function createTestApp(env: Record<string, string> = {}): Promise<TestApp> {
  const database = await createTestDatabase();
  const config = loadConfig({ NODE_ENV: 'test', PUBLIC_URL: testOrigin, DATA_DIR: '/tmp/matrathan-test-data', ...env });
  const mailer = new MemoryMailer();
  const clock = new FixedClock(new Date());
  const deps = createDeps({ config, pool: database.pool, clock, logger: createLogger('silent'), mailer, authSecret: 'test-secret-0123456789-abcdefghijklmnopqrstuvwxyz' });
  return { app: createApp(deps), deps, mailer, clock, database, close: () => database.drop() };
}

/** A browser-like client: keeps cookies, sends the CSRF token and Origin with every form, follows nothing. */
export class Browser {
  private cookies = new Map<string, string>();
  constructor(private readonly app: App) {}

  cookieHeader(): string {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  }

  private keep(res: Response) {
    for (const sc of res.headers.getSetCookie()) {
      const [pair] = sc.split(';');
      const i = pair!.indexOf('=');
      const name = pair!.slice(0, i);
      const value = pair!.slice(i + 1);
      if (!value || /max-age=0/i.test(sc)) this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
  }

  async get(path: string, headers: Record<string, string> = {}): Promise<Response> {
    const res = await this.app.request(path, { headers: { cookie: this.cookieHeader(), ...headers } });
    this.keep(res);
    return res;
  }

  csrf(): string {
    return this.cookies.get('mt_csrf') ?? '';
  }

  async post(path: string, form: Record<string, string>, opts: { origin?: string | null; csrf?: string | null } = {}): Promise<Response> {
    if (!this.cookies.has('mt_csrf')) await this.get('/sign-in');
    const body = new URLSearchParams({ ...form, ...(opts.csrf === null ? {} : { _csrf: opts.csrf ?? this.csrf() }) });
    const headers: Record<string, string> = { 'content-type': 'application/x-www-form-urlencoded', cookie: this.cookieHeader() };
    if (opts.origin !== null) headers.origin = opts.origin ?? testOrigin;
    const res = await this.app.request(path, { method: 'POST', body: body.toString(), headers });
    this.keep(res);
    return res;
  }

  async signIn(identifier: string, password: string): Promise<Response> {
    return this.post('/sign-in', { identifier, password });
  }
}
