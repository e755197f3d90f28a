import path from 'node:path';
import { sql } from 'kysely';
import { addJob } from '../src/jobs/queue.ts';
import { freePort } from '../test/support/cluster.ts';
import { answered, hasThai } from './support/api.ts';
import { startAppWhile, type AppProcess } from './support/app-process.ts';
import { HttpBrowser } from './support/browser.ts';
import { startDrillCluster } from './support/cluster.ts';
import type { Report } from './support/report.ts';
import { startSaveLoad, waitFor } from './support/save-load.ts';
import { verifyAfterFault } from './support/verify.ts';
import { openDeps, seedDrillWorld } from './support/world.ts';

// PostgreSQL stopped and started again under load: people keep saving 6 respondents' answers through the API of a
// real app process while the database is shut down (fast: sessions ended) for a few seconds. Requests in flight
// and those that come meanwhile must fail cleanly and soon (503 with a Thai message and Retry-After, never a hang,
// never the generic 500), the process stays up and finds the database again by itself, and afterwards every
// acknowledged save is there.

export const description = 'PostgreSQL stopped and started under load; clean 503s meanwhile; the app reconnects by itself; nothing acknowledged lost';

const downMs = 4000;
/** No request may take longer than this, outage or not (the pool gives up connecting after 5 s). */
const boundMs = 10_000;

export async function run(report: Report): Promise<void> {
  report.step('starting a throw-away PostgreSQL');
  const cluster = await startDrillCluster('restart-db');
  const dataDir = path.join(cluster.tmp, 'data');
  const { deps, close } = openDeps(cluster.url, dataDir);
  let app: AppProcess | undefined;
  try {
    report.step('starting the app (src/main.ts, its job worker in-process) while seeding 6 LAOs');
    let world;
    [app, world] = await startAppWhile({ port: await freePort(), databaseUrl: cluster.url, dataDir }, seedDrillWorld(deps, { laos: 6, officers: 1 }));
    const officer = world.laos[0]!.officer!;
    const browser = new HttpBrowser(app.url);
    report.check('an officer signs in before the outage', await browser.signIn(app.url, officer.username, officer.password));
    const page = `${app.url}/rounds/${world.roundId}/submissions/${world.laos[0]!.code}`;

    const load = startSaveLoad({ base: () => app!.url, roundId: world.roundId, respondents: world.laos.map((l) => ({ code: l.code, token: l.token })), writersPerRespondent: 2, onNoAnswer: 'retry' });
    await waitFor(() => load.ackedCount() >= 20, 60_000, '20 acknowledged saves');
    const before = load.ackedCount();
    report.step(`stopping PostgreSQL (fast shutdown) with ${before} saves acknowledged and ${load.inFlight().save} in flight`);
    const stoppedAt = load.attempts.length;
    await cluster.stopServer();
    await new Promise((r) => setTimeout(r, 500));
    const ready = await fetch(`${app.url}/readyz`, { signal: AbortSignal.timeout(boundMs) });
    const readyBody = (await ready.json()) as { reason?: string };
    report.check('/readyz says the database is unreachable', ready.status === 503 && readyBody.reason === 'database_unreachable', `${ready.status} ${JSON.stringify(readyBody)}`);
    const html = await browser.get(page);
    const heading = /<h1>([^<]*)<\/h1>/.exec(await html.text())?.[1];
    report.check('a page asked for meanwhile is a Thai 503 page with Retry-After', html.status === 503 && hasThai(heading) && html.headers.get('retry-after') !== null,
      `${html.status}, Retry-After ${html.headers.get('retry-after')}: ${heading}`);
    await new Promise((r) => setTimeout(r, downMs - 500));
    report.step(`starting PostgreSQL again after ${downMs / 1000} s`);
    await cluster.startServer();
    const upAt = Date.now();
    const during = load.attempts.slice(stoppedAt).map((a) => a.outcome);
    await waitFor(() => load.ackedCount() > before + 10, 30_000, 'acknowledged saves after the database came back');
    report.check('the app reconnects by itself: saves are acknowledged again', true, `first saves back ${((Date.now() - upAt) / 1000).toFixed(1)} s after PostgreSQL started`);
    await new Promise((r) => setTimeout(r, 1000));
    await load.stop();

    const failed = during.filter(answered).filter((o) => o.status >= 500);
    report.check('requests failed while the database was down', failed.length > 0, `${failed.length} of ${during.length} answered during the outage`);
    const unclean = failed.filter((o) => o.status !== 503 || !hasThai(o.body.message) || !o.retryAfter);
    report.check('every failure was a 503 with a Thai message and Retry-After (no 500)', unclean.length === 0,
      unclean.length ? unclean.slice(0, 3).map((o) => `${o.status} ${JSON.stringify(o.body).slice(0, 120)}`).join('; ') : String(failed[0]?.body.message ?? ''));
    const all = load.attempts.map((a) => a.outcome);
    const unanswered = all.filter((o) => o.status === 0);
    const slowest = Math.max(...all.map((o) => o.ms));
    report.check(`no request went unanswered or took longer than ${boundMs / 1000} s`, unanswered.length === 0 && slowest < boundMs, `${all.length} requests, slowest ${slowest} ms, ${unanswered.length} unanswered`);
    const other = all.filter((o) => o.status !== 0 && o.status < 500 && ![200, 409].includes(o.status));
    report.check('every other answer was 200 or 409 (stale version)', other.length === 0, other.slice(0, 3).map((o) => String(o.status)).join(', '));
    report.check('the app process stayed up throughout (no restart)', app.alive(), `pid ${app.pid}`);
    const readyAgain = await fetch(`${app.url}/readyz`, { signal: AbortSignal.timeout(boundMs) });
    report.check('/readyz is ready again', readyAgain.status === 200);
    const pageAgain = await browser.get(page);
    await pageAgain.arrayBuffer();
    report.check('the signed-in officer\'s page works again with the same session', pageAgain.status === 200, String(pageAgain.status));
    // The in-process worker lost its connections too: a job queued now must still be picked up and done.
    await addJob(deps.db, 'ops.prune-logs', { v: 1 }, { jobKey: 'drill:after-restart' });
    const queuedAt = Date.now();
    const pending = async () => (await sql<{ n: number }>`select count(*)::int as n from graphile_worker.jobs where key = 'drill:after-restart'`.execute(deps.db)).rows[0]!.n;
    while ((await pending()) > 0 && Date.now() - queuedAt < 20_000) await new Promise((r) => setTimeout(r, 200));
    report.check('the in-process job worker runs jobs again', (await pending()) === 0, `a job queued after the outage was done in ${((Date.now() - queuedAt) / 1000).toFixed(1)} s`);
    await app.stop();
    app = undefined;

    report.step('checking the database');
    await verifyAfterFault(deps.db, report, { roundId: world.roundId, acked: load.acked, sentCodes: [] });
  } finally {
    await app?.kill9();
    await close();
    await cluster.close();
  }
}
