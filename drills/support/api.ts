// The JSON API as a drill drives it: every call bounded by a timeout, every outcome recorded as what the client
// saw — an answer (status + body, in how long), or no answer at all (the connection died or the bound passed).
// Only a 2xx answer is an acknowledgement; a request without one may or may not have been written.

export type Outcome = { status: number; body: Record<string, unknown>; ms: number; retryAfter: string | null } | { status: 0; error: string; ms: number };

export type Answered = Extract<Outcome, { body: unknown }>;
export const answered = (o: Outcome): o is Answered => o.status !== 0;

export const requestBoundMs = 15_000;

export async function call(url: string, init: RequestInit & { token: string; json?: unknown; key?: string }): Promise<Outcome> {
  const started = Date.now();
  const headers: Record<string, string> = { authorization: `Bearer ${init.token}` };
  if (init.json !== undefined) headers['content-type'] = 'application/json';
  if (init.key) headers['idempotency-key'] = init.key;
  try {
    const res = await fetch(url, { method: init.method ?? 'GET', headers, body: init.json === undefined ? undefined : JSON.stringify(init.json), signal: AbortSignal.timeout(requestBoundMs) });
    const text = await res.text();
    let body: Record<string, unknown>;
    try {
      body = JSON.parse(text) as Record<string, unknown>;
    } catch {
      body = { text: text.slice(0, 500) };
    }
    return { status: res.status, body, ms: Date.now() - started, retryAfter: res.headers.get('retry-after') };
  } catch (e) {
    const err = e as Error & { cause?: { code?: string } };
    return { status: 0, error: err.cause?.code ?? err.name ?? err.message, ms: Date.now() - started };
  }
}

export type Api = ReturnType<typeof submissionApi>;

/** One respondent's submission through one base URL (an app process, or the proxy in front of several). */
export function submissionApi(base: string, roundId: number, code: string, token: string) {
  const path = `${base}/api/v1/rounds/${roundId}/submissions/${code}`;
  return {
    read: () => call(path, { token }),
    patch: (version: number, values: Record<string, unknown>) => call(`${path}/values`, { method: 'PATCH', token, json: { version, values } }),
    submit: (key: string) => call(`${path}/submit`, { method: 'POST', token, key }),
  };
}

/** Thai letters in a message: what a person is shown is Thai, never a bare code or a stack. */
export const hasThai = (s: unknown) => typeof s === 'string' && /[\u0E00-\u0E7F]/.test(s);
