// A person's browser over real HTTP, without JavaScript: keeps cookies, sends the CSRF token and the site's Origin
// with every form, follows no redirect (the caller looks at each). The same cookies may be sent to any of several
// app processes: a session is the database's, not one process's.

export class HttpBrowser {
  private cookies = new Map<string, string>();
  /** @param origin the site's public address (PUBLIC_URL): what a browser sends as Origin with a form */
  constructor(private readonly origin: string) {}

  cookieHeader(): string {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  }

  private keep(res: Response): void {
    for (const sc of res.headers.getSetCookie()) {
      const [pair] = sc.split(';');
      const i = pair!.indexOf('=');
      const value = pair!.slice(i + 1);
      if (!value || /max-age=0/i.test(sc)) this.cookies.delete(pair!.slice(0, i));
      else this.cookies.set(pair!.slice(0, i), value);
    }
  }

  async get(url: string): Promise<Response> {
    const res = await fetch(url, { headers: { cookie: this.cookieHeader() }, redirect: 'manual', signal: AbortSignal.timeout(15_000) });
    this.keep(res);
    return res;
  }

  async post(url: string, form: Record<string, string> | FormData): Promise<Response> {
    if (!this.cookies.has('mt_csrf')) await this.get(new URL('/sign-in', url).toString());
    const csrf = this.cookies.get('mt_csrf') ?? '';
    let body: string | FormData;
    const headers: Record<string, string> = { cookie: this.cookieHeader(), origin: this.origin };
    if (form instanceof FormData) {
      form.set('_csrf', csrf);
      body = form;
    } else {
      body = new URLSearchParams({ ...form, _csrf: csrf }).toString();
      headers['content-type'] = 'application/x-www-form-urlencoded';
    }
    const res = await fetch(url, { method: 'POST', body, headers, redirect: 'manual', signal: AbortSignal.timeout(15_000) });
    this.keep(res);
    return res;
  }

  /** Signs in at base; true when the app answered with the redirect of a successful sign-in. */
  async signIn(base: string, identifier: string, password: string): Promise<boolean> {
    const res = await this.post(`${base}/sign-in`, { identifier, password });
    await res.arrayBuffer();
    return res.status === 303 && !(res.headers.get('location') ?? '').startsWith('/sign-in');
  }
}
