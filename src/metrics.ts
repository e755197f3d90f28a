import cluster from 'node:cluster';
import client from 'prom-client';
import { sql } from 'kysely';
import type pg from 'pg';
import type { Db } from './db/pool.ts';

// Metrics in Prometheus text format: requests (rate, latency, errors by route pattern, never by raw URL so the
// series stay few), the database pool, the job queue, and the process (CPU, memory, event-loop lag, GC). One of
// several web processes (web-cluster.ts) answers with the sum over all of them, which the primary gathers.

export type Metrics = {
  registry: client.Registry;
  /** The Prometheus text: this process's, or every web process's together when it is one of several. */
  text(): Promise<string>;
  observeRequest(method: string, route: string, status: number, seconds: number): void;
  /** A request refused with 503 because the process is saturated. */
  shed(): void;
};

export function createMetrics(parts: { pool: pg.Pool; db: Db }): Metrics {
  const registry = new client.Registry();
  client.collectDefaultMetrics({ register: registry, prefix: 'matrathan_' });
  const requests = new client.Counter({ name: 'matrathan_http_requests_total', help: 'HTTP requests by method, route pattern and status class', labelNames: ['method', 'route', 'status'] as const, registers: [registry] });
  const duration = new client.Histogram({
    name: 'matrathan_http_request_duration_seconds', help: 'HTTP request time (server side) by method and route pattern', labelNames: ['method', 'route'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.2, 0.5, 1, 2, 5, 10], registers: [registry],
  });
  const shed = new client.Counter({ name: 'matrathan_http_shed_total', help: 'Requests refused with 503 and Retry-After because the process was saturated', registers: [registry] });
  const errors = new client.Counter({ name: 'matrathan_http_errors_total', help: 'HTTP responses with status 500 or above, by route pattern', labelNames: ['route'] as const, registers: [registry] });
  new client.Gauge({
    name: 'matrathan_db_pool_clients', help: 'Database pool clients: total, idle, and requests waiting for one', labelNames: ['state'] as const, registers: [registry],
    collect() {
      this.set({ state: 'total' }, parts.pool.totalCount);
      this.set({ state: 'idle' }, parts.pool.idleCount);
      this.set({ state: 'waiting' }, parts.pool.waitingCount);
    },
  });
  new client.Gauge({
    name: 'matrathan_job_queue_jobs', help: 'Jobs in the queue by task and state (ready, scheduled, running, failed for good)', labelNames: ['task', 'state'] as const, registers: [registry],
    aggregator: 'max', // every process reads the same queue: not a sum
    async collect() {
      this.reset();
      const rows = await sql<{ task: string; state: string; n: number }>`select task_identifier as task,
          case when attempts >= max_attempts then 'failed' when locked_at is not null then 'running' when run_at > now() then 'scheduled' else 'ready' end as state,
          count(*)::int as n
        from graphile_worker.jobs group by 1, 2`.execute(parts.db).catch(() => ({ rows: [] }));
      for (const r of rows.rows) this.set({ task: r.task, state: r.state }, r.n);
    },
  });
  if (cluster.isWorker) {
    new client.AggregatorRegistry(); // answers the primary's requests for this process's metrics
    client.AggregatorRegistry.setRegistries(registry);
  }
  return {
    registry,
    text: () => (cluster.isWorker ? askPrimary() : registry.metrics()),
    observeRequest(method, route, status, seconds) {
      requests.inc({ method, route, status: `${Math.floor(status / 100)}xx` });
      duration.observe({ method, route }, seconds);
      if (status >= 500) errors.inc({ route });
    },
    shed() {
      shed.inc();
    },
  };
}

// Between a web process and the cluster's primary: "the metrics of all, please", and the answer.
const requestType = 'matrathan:metrics-request';
const responseType = 'matrathan:metrics-response';
type MetricsResponse = { type: typeof responseType; id: number; text?: string; error?: string };

/** The id of a web process's request for everyone's metrics, or null for any other message. */
export function metricsRequest(message: unknown): number | null {
  const m = message as { type?: unknown; id?: unknown } | null;
  return m && m.type === requestType && typeof m.id === 'number' ? m.id : null;
}

export const metricsResponse = (id: number, answer: { text: string } | { error: string }): MetricsResponse => ({ type: responseType, id, ...answer });

let asked = 0;
const waiting = new Map<number, (m: MetricsResponse) => void>();

function askPrimary(): Promise<string> {
  if (asked === 0) {
    process.on('message', (m: MetricsResponse) => {
      if (m?.type === responseType) waiting.get(m.id)?.(m);
    });
  }
  const id = ++asked;
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      waiting.delete(id);
      reject(new Error('the primary did not answer with the metrics'));
    }, 7000);
    waiting.set(id, (m) => {
      clearTimeout(timer);
      waiting.delete(id);
      if (m.text !== undefined) resolve(m.text);
      else reject(new Error(m.error ?? 'no metrics'));
    });
    process.send!({ type: requestType, id });
  });
}
