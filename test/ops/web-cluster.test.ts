import assert from 'node:assert/strict';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { startApp, type AppProcess } from '../../drills/support/app-process.ts';
import { freePort } from '../support/cluster.ts';

// WEB_PROCESSES=2 as `npm start` runs it on deadline day: the primary starts the embedded PostgreSQL and prepares
// the data once, two web processes share the port, /metrics from either is the sum of both, a web process that
// dies is replaced while the other keeps serving, and SIGTERM ends them all and then the database.
let app: AppProcess;
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'matrathan-cluster-'));
fs.chmodSync(dataDir, 0o755); // the embedded PostgreSQL runs as another user when the tests run as root

/** The web processes: the primary's node children (PostgreSQL's processes are its children too). */
function webProcesses(): number[] {
  const children = fs.readFileSync(`/proc/${app.pid}/task/${app.pid}/children`, 'utf8').trim().split(/\s+/).filter(Boolean).map(Number);
  return children.filter((pid) => {
    try {
      return fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes('src/main.ts');
    } catch {
      return false;
    }
  });
}

/** A GET on a connection of its own: a kept-alive one may belong to the process just killed. */
const freshStatus = (url: string) => new Promise<number>((resolve) => {
  http.get(url, { agent: false }, (res) => {
    res.resume();
    resolve(res.statusCode ?? 0);
  }).on('error', () => resolve(0));
});

async function until(what: string, check: () => boolean | Promise<boolean>, ms = 60_000) {
  const end = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > end) throw new Error(`${what} did not happen within ${ms} ms:\n${app.output().slice(-3000)}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

before(async () => {
  app = await startApp({ port: await freePort(), dataDir, env: { WEB_PROCESSES: '2', EMBEDDED_PG_PORT: String(await freePort()) }, readyTimeoutMs: 120_000 });
  await until('the ready line', () => app.output().includes('2 web processes'));
});
after(async () => {
  await app?.stop();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

test('two web processes share the port, and /metrics from either counts the requests of both', async () => {
  assert.equal(webProcesses().length, 2);
  for (let i = 0; i < 40; i++) assert.equal((await fetch(`${app.url}/healthz`)).status, 200);
  for (let i = 0; i < 4; i++) {
    const text = await (await fetch(`${app.url}/metrics`)).text();
    const served = Number(/matrathan_http_requests_total\{method="GET",route="\/healthz",status="2xx"\} (\d+)/.exec(text)?.[1]);
    assert.ok(served >= 40, `the sum of both processes, not one's share: ${served}`);
    assert.match(text, /matrathan_db_pool_clients\{state="total"\} \d+/);
  }
});

test('a web process killed with -9 is replaced; the other keeps serving meanwhile', async () => {
  const [victim, survivor] = webProcesses() as [number, number];
  process.kill(victim, 'SIGKILL');
  assert.equal(await freshStatus(`${app.url}/readyz`), 200, 'still served');
  await until('a new web process', () => {
    const now = webProcesses();
    return now.length === 2 && !now.includes(victim) && now.includes(survivor);
  });
  for (let i = 0; i < 6; i++) assert.equal(await freshStatus(`${app.url}/readyz`), 200, 'both serve');
  assert.match(app.output(), /a web process ended: starting another/);
});

test('SIGTERM: every web process finishes, then the embedded PostgreSQL stops', async () => {
  const web = webProcesses();
  await app.stop();
  assert.deepEqual(await app.exited, { code: 0, signal: null });
  for (const pid of web) assert.throws(() => process.kill(pid, 0), `web process ${pid} is gone`);
  assert.equal(fs.existsSync(path.join(dataDir, 'postgres', 'postmaster.pid')), false, 'PostgreSQL stopped cleanly');
});
