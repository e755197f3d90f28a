import { submissionApi, type Outcome } from './api.ts';

// Concurrent saves (and sends) of a few respondents through the JSON API, as several people editing at once do:
// each writer reads the submission's version, then PATCHes a value no one else ever writes (so every write can be
// found again), and tells an acknowledged write (2xx) from a refused one (409/423/503) and from one without an
// answer. Submitters send a respondent once it has some acknowledged saves, with an Idempotency-Key.

export type AckedSave = { code: string; value: number; version: number };
export type Sent = { code: string; key: string; outcome: Outcome };
export type Attempt = { op: 'read' | 'save' | 'submit'; code: string; outcome: Outcome };

export type LoadOptions = {
  base: () => string;
  roundId: number;
  respondents: { code: string; token: string }[];
  writersPerRespondent: number;
  /** Codes to send, the n-th once it has afterSaves + n × spread acknowledged saves (so sends go on all along). */
  send?: { codes: string[]; afterSaves: number; spread?: number };
  /** What a writer does after a request without an answer: the app died (stop), or it may come back (retry). */
  onNoAnswer: 'stop' | 'retry';
};

let nextValue = 100_000 + Math.floor(Math.random() * 1000) * 1000;
const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));

export function startSaveLoad(opts: LoadOptions) {
  const acked: AckedSave[] = [];
  const sent: Sent[] = [];
  const attempts: Attempt[] = [];
  let stopped = false;
  const savedCount = new Map<string, number>();
  const done = new Set<string>();
  const inFlight = { read: 0, save: 0, submit: 0 };
  const track = async <T,>(op: keyof typeof inFlight, p: () => Promise<T>): Promise<T> => {
    inFlight[op]++;
    try {
      return await p();
    } finally {
      inFlight[op]--;
    }
  };

  const writer = async (code: string, token: string) => {
    while (!stopped && !done.has(code)) {
      const api = submissionApi(opts.base(), opts.roundId, code, token);
      const read = await track('read', api.read);
      attempts.push({ op: 'read', code, outcome: read });
      if (read.status !== 200) {
        if (read.status === 0 && opts.onNoAnswer === 'stop') return;
        await pause(100);
        continue;
      }
      if (read.body.status === 'submitted') return done.add(code);
      const value = nextValue++;
      const save = await track('save', () => api.patch(read.body.version as number, { budget_total: value, budget_env: 0, has_plan: true }));
      attempts.push({ op: 'save', code, outcome: save });
      if (save.status === 200) {
        acked.push({ code, value, version: save.body.version as number });
        savedCount.set(code, (savedCount.get(code) ?? 0) + 1);
      } else if (save.status === 0 && opts.onNoAnswer === 'stop') return;
      else if (save.status >= 500) await pause(100);
    }
  };

  const submitter = async (code: string, token: string, after: number) => {
    while (!stopped && (savedCount.get(code) ?? 0) < after) await pause(20);
    if (stopped) return;
    const key = `drill-send-${code}-${Date.now()}`;
    const outcome = await track('submit', () => submissionApi(opts.base(), opts.roundId, code, token).submit(key));
    attempts.push({ op: 'submit', code, outcome });
    sent.push({ code, key, outcome });
  };

  const running: Promise<unknown>[] = [];
  for (const r of opts.respondents) {
    for (let i = 0; i < opts.writersPerRespondent; i++) running.push(writer(r.code, r.token));
    const n = opts.send?.codes.indexOf(r.code) ?? -1;
    if (n >= 0) running.push(submitter(r.code, r.token, opts.send!.afterSaves + n * (opts.send!.spread ?? 0)));
  }
  const finished = Promise.all(running);
  return {
    acked,
    sent,
    attempts,
    ackedCount: () => acked.length,
    inFlight: () => ({ ...inFlight }),
    /** Stops starting new requests and waits for the ones in flight. */
    async stop() {
      stopped = true;
      await finished;
    },
    finished,
  };
}

export async function waitFor(condition: () => boolean, timeoutMs: number, what: string): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await pause(20);
  }
}
