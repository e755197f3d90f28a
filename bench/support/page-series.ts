import { performance } from 'node:perf_hooks';
import type { Browser } from '../../test/support/web.ts';

// Server time of one page through app.request() (routing, session, queries, HTML, gzip): the first request, then
// p50/p95 over `requests` more, printed on one line. Returns the page's HTML for checks after.

const quantile = (ms: number[], q: number) => [...ms].sort((a, b) => a - b)[Math.min(ms.length - 1, Math.floor(q * ms.length))]!;
const gzip = { 'accept-encoding': 'gzip' };

export async function pageSeries(label: string, who: Browser, url: string, opts: { requests: number; before?: () => Promise<void>; width?: number }): Promise<string> {
  const time = async () => {
    if (opts.before) await opts.before();
    const t0 = performance.now();
    const res = await who.get(url, gzip);
    const body = Buffer.from(await res.arrayBuffer());
    if (res.status !== 200) throw new Error(`${url}: ${res.status}`);
    return { ms: performance.now() - t0, bytes: body.length };
  };
  const first = await time();
  const ms: number[] = [];
  let bytes = 0;
  for (let i = 0; i < opts.requests; i++) {
    const r = await time();
    ms.push(r.ms);
    bytes = r.bytes;
  }
  console.log(`${label.padEnd(opts.width ?? 44)} first ${first.ms.toFixed(0).padStart(5)} ms   p50 ${quantile(ms, 0.5).toFixed(1).padStart(6)} ms   p95 ${quantile(ms, 0.95).toFixed(1).padStart(6)} ms   ${(bytes / 1024).toFixed(1)} KiB gzip`);
  return (await who.get(url)).text();
}
