// Latency samples per request type, and their summary (throughput, p50/p95/p99, errors, shed).

export type Sample = { ms: number; status: number };
export type Summary = { n: number; perSecond: number; p50: number; p95: number; p99: number; max: number; errors: number; shed: number; statuses: Record<string, number> };

export class Recorder {
  private readonly byType = new Map<string, Sample[]>();
  record(type: string, ms: number, status: number): void {
    let list = this.byType.get(type);
    if (!list) this.byType.set(type, (list = []));
    list.push({ ms, status });
  }
  summaries(seconds: number): Map<string, Summary> {
    const out = new Map<string, Summary>();
    for (const [type, samples] of this.byType) out.set(type, summarise(samples, seconds));
    return out;
  }
  reset(): void {
    this.byType.clear();
  }
}

export function summarise(samples: Sample[], seconds: number): Summary {
  const ms = samples.map((s) => s.ms).sort((a, b) => a - b);
  const at = (q: number) => (ms.length ? ms[Math.min(ms.length - 1, Math.floor(q * ms.length))]! : 0);
  return {
    n: samples.length, perSecond: samples.length / seconds, p50: at(0.5), p95: at(0.95), p99: at(0.99), max: ms.at(-1) ?? 0,
    errors: samples.filter((s) => s.status >= 500 && s.status !== 503).length + samples.filter((s) => s.status === 0).length,
    shed: samples.filter((s) => s.status === 503 || s.status === 429).length,
    statuses: samples.reduce<Record<string, number>>((acc, s) => ({ ...acc, [s.status]: (acc[s.status] ?? 0) + 1 }), {}),
  };
}

export const formatSummary = (type: string, s: Summary) =>
  `${type.padEnd(22)} ${String(s.n).padStart(6)} req ${s.perSecond.toFixed(1).padStart(6)}/s  p50 ${s.p50.toFixed(0).padStart(5)}  p95 ${s.p95.toFixed(0).padStart(5)}  p99 ${s.p99.toFixed(0).padStart(5)}  max ${s.max.toFixed(0).padStart(5)} ms  errors ${s.errors}  shed ${s.shed}  ${JSON.stringify(s.statuses)}`;
