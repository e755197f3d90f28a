import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { buildSync } from 'esbuild';
import { Hono } from 'hono';

// Static assets, read once at start, served under a content hash with a year-long cache,
// pre-compressed (brotli/gzip) for the slow lines of rural offices.
const here = path.dirname(fileURLToPath(import.meta.url));
const require = createRequire(import.meta.url);
const fontDir = path.join(path.dirname(require.resolve('@fontsource/sarabun/package.json')), 'files');

const sources: Record<string, string> = {
  'app.css': path.join(here, 'assets/app.css'),
  'session-timeout.js': path.join(here, 'assets/session-timeout.js'),
  'fonts/sarabun-thai-400.woff2': path.join(fontDir, 'sarabun-thai-400-normal.woff2'),
  'fonts/sarabun-thai-700.woff2': path.join(fontDir, 'sarabun-thai-700-normal.woff2'),
  'fonts/sarabun-latin-400.woff2': path.join(fontDir, 'sarabun-latin-400-normal.woff2'),
  'fonts/sarabun-latin-700.woff2': path.join(fontDir, 'sarabun-latin-700-normal.woff2'),
};

// Client TypeScript bundled by esbuild when first asked for (at start-up in practice: pages ask for their URLs), so
// `npm start` and the tests need no build step. entry.js is the data-entry page's script (autosave, the copy kept
// in the browser); entry-preview.js is the CEL engine for the live indicator preview, imported by entry.js only on
// pages that show indicators, when the person first types.
const bundles: Record<string, { entry: string; format: 'iife' | 'esm' }> = {
  'entry.js': { entry: path.join(here, 'assets/entry.ts'), format: 'iife' },
  'entry-preview.js': { entry: path.join(here, 'assets/entry-preview.ts'), format: 'esm' },
};

function bundle(name: string): Buffer {
  const b = bundles[name]!;
  const out = buildSync({ entryPoints: [b.entry], bundle: true, minify: true, format: b.format, target: 'es2020', platform: 'browser', write: false, legalComments: 'none', logLevel: 'silent' });
  return Buffer.from(out.outputFiles[0]!.contents);
}

const types: Record<string, string> = { '.css': 'text/css; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.woff2': 'font/woff2' };

type Asset = { body: Buffer; br?: Buffer; gzip?: Buffer; type: string; hash: string };
const assets = new Map<string, Asset>();

function load(name: string): Asset {
  const cached = assets.get(name);
  if (cached) return cached;
  const file = sources[name];
  if (!file && !bundles[name]) throw new Error(`unknown asset ${name}`);
  const body = file ? fs.readFileSync(file) : bundle(name);
  const type = types[path.extname(name)] ?? 'application/octet-stream';
  const compressible = !name.endsWith('.woff2');
  const asset: Asset = {
    body,
    type,
    hash: crypto.createHash('sha256').update(body).digest('hex').slice(0, 12),
    ...(compressible ? { br: zlib.brotliCompressSync(body), gzip: zlib.gzipSync(body, { level: 9 }) } : {}),
  };
  assets.set(name, asset);
  return asset;
}

/** Bytes of an asset as served: raw, brotli and gzip (for the page-weight budget). */
export function assetSize(name: string): { raw: number; br: number; gzip: number } {
  const a = load(name);
  return { raw: a.body.length, br: a.br?.length ?? a.body.length, gzip: a.gzip?.length ?? a.body.length };
}

export function assetUrl(name: string): string {
  return `/static/${name}?v=${load(name).hash}`;
}

export function assetRoutes() {
  const app = new Hono();
  app.get('/static/*', (c) => {
    const name = c.req.path.slice('/static/'.length);
    if (!(name in sources) && !(name in bundles)) return c.notFound();
    const a = load(name);
    const accept = c.req.header('accept-encoding') ?? '';
    const headers: Record<string, string> = {
      'Content-Type': a.type,
      'Cache-Control': c.req.query('v') === a.hash ? 'public, max-age=31536000, immutable' : 'public, max-age=300',
      ETag: `"${a.hash}"`,
      Vary: 'Accept-Encoding',
    };
    if (c.req.header('if-none-match') === `"${a.hash}"`) return c.body(null, 304, headers);
    if (a.br && /\bbr\b/.test(accept)) return c.body(new Uint8Array(a.br), 200, { ...headers, 'Content-Encoding': 'br' });
    if (a.gzip && /\bgzip\b/.test(accept)) return c.body(new Uint8Array(a.gzip), 200, { ...headers, 'Content-Encoding': 'gzip' });
    return c.body(new Uint8Array(a.body), 200, headers);
  });
  return app;
}
