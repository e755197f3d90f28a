// Messages by LINE: the LINE Messaging API's push endpoint, used when LINE_CHANNEL_ACCESS_TOKEN is configured, to
// people who linked their LINE user id to their account. The fake below stands at this boundary in tests.

export type LineMessage = { to: string; text: string; retryKey: string };

export interface LineClient {
  /** Resolves once LINE accepted the message (or had already accepted one with this retry key). */
  push(message: LineMessage): Promise<void>;
}

export class LineError extends Error {
  constructor(message: string, readonly status: number, readonly retryable: boolean) {
    super(message);
  }
}

const pushUrl = 'https://api.line.me/v2/bot/message/push';
/** A LINE text message holds at most 5,000 characters. */
export const lineTextMaxLength = 5000;

export function createLineClient(token: string | undefined, opts: { fetch?: typeof fetch; timeoutMs?: number } = {}): LineClient | null {
  if (!token) return null;
  const doFetch = opts.fetch ?? fetch;
  return {
    async push(m) {
      let res: Response;
      try {
        res = await doFetch(pushUrl, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${token}`, 'x-line-retry-key': m.retryKey },
          body: JSON.stringify({ to: m.to, messages: [{ type: 'text', text: m.text.slice(0, lineTextMaxLength) }] }),
          signal: AbortSignal.timeout(opts.timeoutMs ?? 10_000),
        });
      } catch (e) {
        throw new LineError(`LINE push failed: ${(e as Error).message}`, 0, true);
      }
      // 409: a request with this retry key was accepted before (we are the retry after a crash) — already sent.
      if (res.ok || res.status === 409) return;
      const detail = (await res.text().catch(() => '')).slice(0, 300);
      // 429 (rate or monthly quota) and 5xx may succeed later; 400/401/403 (a bad user id, a revoked token) will not.
      throw new LineError(`LINE push answered ${res.status}: ${detail}`, res.status, res.status === 429 || res.status >= 500);
    },
  };
}

/** The fake at the boundary: keeps what was pushed, and what LINE would do with a repeated retry key. */
export class MemoryLineClient implements LineClient {
  readonly pushed: LineMessage[] = [];
  private readonly keys = new Set<string>();
  async push(m: LineMessage): Promise<void> {
    if (this.keys.has(m.retryKey)) return;
    this.keys.add(m.retryKey);
    this.pushed.push(m);
  }
}
