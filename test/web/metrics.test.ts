import assert from 'node:assert/strict';
import { after, test } from 'node:test';
import { addJob } from '../../src/jobs/queue.ts';
import { createTestApp, type TestApp } from '../support/web.ts';

// /metrics: Prometheus text with requests by route pattern (never the raw path), errors, the database pool, the
// job queue and the process; closed to others when a token is configured.
const apps: TestApp[] = [];
after(() => Promise.all(apps.map((a) => a.close())));

test('requests are counted by route pattern and status class, with latency, pool, queue and process figures', async () => {
  const t = await createTestApp();
  apps.push(t);
  await t.app.request('/healthz');
  await t.app.request('/public/results/999/1234567'); // a pattern with ids: one series whatever the ids
  await t.app.request('/public/results/998/7654321');
  await t.app.request('/no/such/page');
  await addJob(t.deps.db, 'documents.render-batch', { v: 1, batchId: 1, orgUnitIds: [] }, { runAt: new Date(Date.now() + 3600_000) });
  const res = await t.app.request('/metrics');
  assert.equal(res.status, 200);
  assert.match(res.headers.get('content-type')!, /^text\/plain; version=0\.0\.4/);
  const text = await res.text();
  assert.match(text, /matrathan_http_requests_total\{method="GET",route="\/healthz",status="2xx"\} 1/);
  assert.match(text, /matrathan_http_requests_total\{method="GET",route="\/public\/results\/:roundId\/:orgUnitCode",status="4xx"\} 2/);
  assert.match(text, /matrathan_http_requests_total\{method="GET",route="unmatched",status="4xx"\} 1/);
  assert.doesNotMatch(text, /1234567/, 'no raw ids in labels');
  assert.match(text, /matrathan_http_request_duration_seconds_bucket\{le="0\.1",method="GET",route="\/healthz"\} 1/);
  assert.match(text, /matrathan_db_pool_clients\{state="total"\} \d+/);
  assert.match(text, /matrathan_job_queue_jobs\{task="documents\.render-batch",state="scheduled"\} 1/);
  assert.match(text, /matrathan_process_resident_memory_bytes \d+/);
});

test('with METRICS_TOKEN set, only a scraper holding it gets the figures', async () => {
  const t = await createTestApp({ METRICS_TOKEN: 'scrape-token-0123456789' });
  apps.push(t);
  assert.equal((await t.app.request('/metrics')).status, 404);
  assert.equal((await t.app.request('/metrics', { headers: { authorization: 'Bearer wrong-token-0123456789' } })).status, 404);
  assert.equal((await t.app.request('/metrics', { headers: { authorization: 'Bearer scrape-token-0123456789' } })).status, 200);
});
