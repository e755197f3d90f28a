import crypto from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';

// Where evidence bytes live: a folder under DATA_DIR by default, or any S3-compatible object store (AWS S3, MinIO,
// Ceph, R2…) when configured. Keys are made by the server (never a user's file name), so no path can be steered.

export interface Storage {
  put(key: string, bytes: Buffer, contentType: string): Promise<void>;
  /** The object's bytes, or undefined when there is none. */
  get(key: string): Promise<Buffer | undefined>;
  delete(key: string): Promise<void>;
}

const keyPattern = /^[a-z0-9][a-z0-9/_-]{0,200}$/;
function assertKey(key: string): void {
  if (!keyPattern.test(key) || key.includes('..') || key.includes('//')) throw new Error(`invalid storage key: ${key}`);
}

/** A new random key, fanned out over 256 folders: `evidence/ab/ab12…`. */
export function newStorageKey(): string {
  const id = crypto.randomBytes(16).toString('hex');
  return `evidence/${id.slice(0, 2)}/${id}`;
}

/** The store has no room left (disk or quota full): the upload is refused with a message, nothing is kept. */
export function isStorageFull(err: unknown): boolean {
  const code = (err as { code?: unknown } | null)?.code;
  return code === 'ENOSPC' || code === 'EDQUOT';
}

export class LocalStorage implements Storage {
  /** @param failpoints `storage.enospc` makes every put fail as a full disk does, part-way through (the drill's
   * fallback where no small filesystem can be mounted); never set in production. */
  constructor(private readonly root: string, private readonly failpoints: readonly string[] = []) {}

  private fileOf(key: string): string {
    assertKey(key);
    return path.join(this.root, ...key.split('/'));
  }

  async put(key: string, bytes: Buffer): Promise<void> {
    const file = this.fileOf(key);
    await fs.mkdir(path.dirname(file), { recursive: true });
    // Written aside then renamed: a reader never sees half a file, and a crash leaves only a stray temp file.
    const temp = `${file}.${crypto.randomBytes(6).toString('hex')}.tmp`;
    try {
      if (this.failpoints.includes('storage.enospc')) await writeUntilFull(temp, bytes);
      await fs.writeFile(temp, bytes, { mode: 0o600 });
      await fs.rename(temp, file);
    } catch (e) {
      // A full disk leaves part of the temp file behind: removed, so a refused upload takes no room.
      await fs.rm(temp, { force: true }).catch(() => {});
      throw e;
    }
  }

  async get(key: string): Promise<Buffer | undefined> {
    try {
      return await fs.readFile(this.fileOf(key));
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
      throw e;
    }
  }

  async delete(key: string): Promise<void> {
    await fs.rm(this.fileOf(key), { force: true });
  }
}

async function writeUntilFull(temp: string, bytes: Buffer): Promise<never> {
  await fs.writeFile(temp, bytes.subarray(0, Math.floor(bytes.length / 2)), { mode: 0o600 });
  throw Object.assign(new Error(`ENOSPC: no space left on device, write (failpoint storage.enospc)`), { code: 'ENOSPC', errno: -28, syscall: 'write' });
}

export type S3Settings = { endpoint: string; bucket: string; region: string; accessKeyId: string; secretAccessKey: string };

const sha256Hex = (data: Buffer | string) => crypto.createHash('sha256').update(data).digest('hex');
const hmac = (key: Buffer | string, data: string) => crypto.createHmac('sha256', key).update(data).digest();
const encodePath = (p: string) => p.split('/').map((s) => encodeURIComponent(s).replace(/[!'()*]/g, (ch) => `%${ch.charCodeAt(0).toString(16).toUpperCase()}`)).join('/');

/**
 * AWS Signature Version 4 for one request (header form). `headers` must hold every header to sign; host and the
 * x-amz-* ones are added here. Returns the headers to send, Authorization included.
 */
export function signV4(req: { method: string; url: URL; headers?: Record<string, string>; payloadHash: string; at: Date; region: string; service?: string; accessKeyId: string; secretAccessKey: string }): Record<string, string> {
  const service = req.service ?? 's3';
  const amzDate = req.at.toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '');
  const day = amzDate.slice(0, 8);
  const headers: Record<string, string> = { ...Object.fromEntries(Object.entries(req.headers ?? {}).map(([k, v]) => [k.toLowerCase(), v.trim()])), host: req.url.host, 'x-amz-content-sha256': req.payloadHash, 'x-amz-date': amzDate };
  const names = Object.keys(headers).sort();
  const signedHeaders = names.join(';');
  const query = [...req.url.searchParams].map(([k, v]) => [encodeURIComponent(k), encodeURIComponent(v)]).sort(([a], [b]) => (a! < b! ? -1 : a! > b! ? 1 : 0)).map(([k, v]) => `${k}=${v}`).join('&');
  const canonical = [req.method, encodePath(decodeURIComponent(req.url.pathname)), query, names.map((n) => `${n}:${headers[n]}\n`).join(''), signedHeaders, req.payloadHash].join('\n');
  const scope = `${day}/${req.region}/${service}/aws4_request`;
  const toSign = ['AWS4-HMAC-SHA256', amzDate, scope, sha256Hex(canonical)].join('\n');
  const signingKey = hmac(hmac(hmac(hmac(`AWS4${req.secretAccessKey}`, day), req.region), service), 'aws4_request');
  const signature = crypto.createHmac('sha256', signingKey).update(toSign).digest('hex');
  return { ...headers, authorization: `AWS4-HMAC-SHA256 Credential=${req.accessKeyId}/${scope},SignedHeaders=${signedHeaders},Signature=${signature}` };
}

/** Path-style requests (`endpoint/bucket/key`), which every S3-compatible store understands. */
export class S3Storage implements Storage {
  constructor(private readonly s: S3Settings, private readonly now: () => Date = () => new Date()) {}

  private async send(method: 'PUT' | 'GET' | 'DELETE', key: string, body?: Buffer, contentType?: string): Promise<Response> {
    assertKey(key);
    const url = new URL(`${this.s.endpoint.replace(/\/$/, '')}/${encodePath(this.s.bucket)}/${encodePath(key)}`);
    const extra: Record<string, string> = body ? { 'content-type': contentType ?? 'application/octet-stream' } : {};
    const headers = signV4({ method, url, headers: extra, payloadHash: sha256Hex(body ?? ''), at: this.now(), region: this.s.region, accessKeyId: this.s.accessKeyId, secretAccessKey: this.s.secretAccessKey });
    delete headers.host; // fetch sets it from the URL, as signed
    return fetch(url, { method, headers, body: body ? new Uint8Array(body) : undefined, signal: AbortSignal.timeout(30_000) });
  }

  private static async fail(what: string, res: Response): Promise<never> {
    const text = (await res.text().catch(() => '')).slice(0, 300);
    const code = /<Code>([^<]+)<\/Code>/.exec(text)?.[1] ?? '';
    throw new Error(`object store ${what} failed: ${res.status} ${code}`.trim());
  }

  async put(key: string, bytes: Buffer, contentType: string): Promise<void> {
    const res = await this.send('PUT', key, bytes, contentType);
    if (!res.ok) await S3Storage.fail('put', res);
    await res.arrayBuffer();
  }

  async get(key: string): Promise<Buffer | undefined> {
    const res = await this.send('GET', key);
    if (res.status === 404) {
      await res.arrayBuffer();
      return undefined;
    }
    if (!res.ok) await S3Storage.fail('get', res);
    return Buffer.from(await res.arrayBuffer());
  }

  async delete(key: string): Promise<void> {
    const res = await this.send('DELETE', key);
    if (!res.ok && res.status !== 404) await S3Storage.fail('delete', res);
    await res.arrayBuffer();
  }
}

export function createStorage(config: { dataDir: string; s3: S3Settings | null; failpoints?: readonly string[] }): Storage {
  return config.s3 ? new S3Storage(config.s3) : new LocalStorage(config.dataDir, config.failpoints);
}
