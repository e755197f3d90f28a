// Benchmark: one บันทึกข้อความ (seed 003's memo: two pages, a summary table, Garuda, a QR code) rendered as PDF
// (HTML printed by the one shared Chromium) and as DOCX; median and p95 over N renders after a warm-up, plus the
// first PDF (which launches the browser) and a burst of concurrent PDFs through the page pool.
// Run: node --import tsx bench/documents.ts [renders=20]
import os from 'node:os';
import { performance } from 'node:perf_hooks';
import {
  closeDocumentBrowser,
  configureDocumentBrowser,
  renderMemoDocx,
  renderMemoHtml,
  renderMemoPdf,
} from '../src/documents/index.ts';
import { memoSample } from '../test/documents/samples.ts';

const renders = Number(process.argv[2] ?? 20);
configureDocumentBrowser({ chromiumPath: process.env.CHROMIUM_PATH || undefined });
const doc = memoSample();

async function time(fn: () => Promise<unknown>): Promise<number> {
  const start = performance.now();
  await fn();
  return performance.now() - start;
}

async function series(name: string, fn: () => Promise<unknown>): Promise<void> {
  await fn(); // warm-up
  const ms: number[] = [];
  for (let i = 0; i < renders; i++) ms.push(await time(fn));
  ms.sort((a, b) => a - b);
  const at = (q: number) => ms[Math.min(ms.length - 1, Math.floor(q * ms.length))]!;
  console.log(`${name.padEnd(12)} median ${at(0.5).toFixed(1)} ms   p95 ${at(0.95).toFixed(1)} ms   min ${ms[0]!.toFixed(1)} ms   (${renders} renders)`);
}

try {
  console.log(`node ${process.version}, ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'cpu'}`);
  const first = await time(() => renderMemoPdf(doc));
  console.log(`first PDF    ${first.toFixed(0)} ms (launches Chromium)`);
  const pdf = await renderMemoPdf(doc);
  const docx = await renderMemoDocx(doc);
  console.log(`sizes        PDF ${(pdf.length / 1024).toFixed(0)} KiB, DOCX ${(docx.length / 1024).toFixed(0)} KiB`);
  await series('memo HTML', () => renderMemoHtml(doc));
  await series('memo PDF', () => renderMemoPdf(doc));
  await series('memo DOCX', () => renderMemoDocx(doc));
  const burst = 16;
  const wall = await time(() => Promise.all(Array.from({ length: burst }, () => renderMemoPdf(doc))));
  console.log(`burst        ${burst} concurrent PDFs in ${wall.toFixed(0)} ms (${(wall / burst).toFixed(1)} ms each, 4 pages in the pool)`);
} finally {
  await closeDocumentBrowser();
}
