import path from 'node:path';
import { freePort } from '../test/support/cluster.ts';
import { submissionApi } from './support/api.ts';
import { startApp, startAppWhile, type AppProcess } from './support/app-process.ts';
import { startDrillCluster } from './support/cluster.ts';
import type { Report } from './support/report.ts';
import { startSaveLoad, waitFor, type AckedSave } from './support/save-load.ts';
import { verifyAfterFault } from './support/verify.ts';
import { openDeps, seedDrillWorld } from './support/world.ts';

// kill -9 of the app during saves and sends: several people save 8 respondents' answers at once and 4 of them are
// sent, through the JSON API of a real app process; the process is killed outright mid-way, started again on the
// same database, and then every acknowledged save and send must be in the database and nothing half done.
// Sends that got no answer are retried with their Idempotency-Key: they must come out sent exactly once.

export const description = 'kill -9 of the app during concurrent saves and sends; restart; nothing acknowledged lost, nothing half done';

export async function run(report: Report): Promise<void> {
  report.step('starting a throw-away PostgreSQL');
  const cluster = await startDrillCluster('kill-app');
  const dataDir = path.join(cluster.tmp, 'data');
  const { deps, close } = openDeps(cluster.url, dataDir);
  let app: AppProcess | undefined;
  try {
    const options = { port: await freePort(), databaseUrl: cluster.url, dataDir };
    report.step('starting the app (src/main.ts) while seeding 8 LAOs, their executives and API tokens');
    let world;
    [app, world] = await startAppWhile(options, seedDrillWorld(deps, { laos: 8 }));
    const respondents = world.laos.map((l) => ({ code: l.code, token: l.token }));
    const sendCodes = world.laos.slice(0, 4).map((l) => l.code);
    const load = startSaveLoad({
      base: () => app!.url, roundId: world.roundId, respondents, writersPerRespondent: 3, onNoAnswer: 'stop',
      send: { codes: sendCodes, afterSaves: 3, spread: 2 },
    });
    // The kill lands while a send is in flight if one comes (most runs), or else after 60 acknowledged saves.
    await waitFor(() => (load.ackedCount() >= 20 && load.inFlight().submit > 0) || load.ackedCount() >= 60, 90_000, 'saves and a send in flight');
    const flying = load.inFlight();
    report.step(`kill -9 of the app (pid ${app.pid}): ${load.ackedCount()} saves acknowledged, ${load.sent.length} sends answered; in flight: ${flying.save} saves, ${flying.read} reads, ${flying.submit} sends`);
    await app.kill9();
    await load.stop();
    const unanswered = load.attempts.filter((a) => a.outcome.status === 0);
    report.check('the kill cut requests in flight', unanswered.length > 0, `${unanswered.length} requests got no answer (${[...new Set(unanswered.map((a) => a.op))].join(', ')})`);
    const bad = load.attempts.filter((a) => a.outcome.status !== 0 && ![200, 409, 423].includes(a.outcome.status));
    report.check('before the kill every answer was 200, 409 (stale version) or 423 (already sent)', bad.length === 0, bad.map((b) => `${b.op} ${b.outcome.status}`).slice(0, 5).join(', '));

    report.step('starting the app again on the same database and data folder');
    const restartedAt = Date.now();
    app = await startApp(options);
    report.step(`ready again in ${((Date.now() - restartedAt) / 1000).toFixed(1)} s`);

    const acked: AckedSave[] = [...load.acked];
    const sentCodes = load.sent.filter((s) => s.outcome.status === 200).map((s) => s.code);
    const lao = (code: string) => world.laos.find((l) => l.code === code)!;
    for (const s of load.sent.filter((x) => x.outcome.status !== 200)) {
      const retry = await submissionApi(app.url, world.roundId, s.code, lao(s.code).token).submit(s.key);
      report.check(`the send of ${s.code} that had no answer, retried with its key, is acknowledged`, retry.status === 200, `${retry.status} ${JSON.stringify(retry.status === 200 ? retry.body : retry).slice(0, 200)}`);
      if (retry.status === 200) sentCodes.push(s.code);
    }
    report.step('saving again after the restart');
    const after = startSaveLoad({ base: () => app!.url, roundId: world.roundId, respondents: respondents.filter((r) => !sentCodes.includes(r.code)), writersPerRespondent: 2, onNoAnswer: 'stop' });
    await waitFor(() => after.ackedCount() >= 10, 30_000, '10 saves after the restart');
    await after.stop();
    acked.push(...after.acked);
    report.check('saves are acknowledged again after the restart', after.acked.length >= 10, `${after.acked.length} acknowledged`);
    await app.stop();
    app = undefined;

    report.step('checking the database');
    await verifyAfterFault(deps.db, report, { roundId: world.roundId, acked, sentCodes });
  } finally {
    await app?.kill9();
    await close();
    await cluster.close();
  }
}
