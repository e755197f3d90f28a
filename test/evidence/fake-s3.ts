import crypto from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { signV4 } from '../../src/services/evidence/storage.ts';

/** A fake S3: objects in memory; a request whose signature does not check out gets 403 like the real one. */
export async function startFakeS3(secrets: Record<string, string>) {
  const objects = new Map<string, { body: Buffer; contentType: string }>();
  const seen: { method: string; path: string; authorization: string }[] = [];
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks);
      const auth = req.headers.authorization ?? '';
      seen.push({ method: req.method!, path: req.url!, authorization: auth });
      const m = /^AWS4-HMAC-SHA256 Credential=([^/]+)\/(\d{8})\/([a-z0-9-]+)\/s3\/aws4_request,SignedHeaders=([a-z0-9;-]+),Signature=([0-9a-f]{64})$/.exec(auth);
      const hash = req.headers['x-amz-content-sha256'];
      const date = String(req.headers['x-amz-date'] ?? '');
      const deny = (code: string) => { res.writeHead(403, { 'content-type': 'application/xml' }).end(`<Error><Code>${code}</Code></Error>`); };
      if (!m || !secrets[m[1]!] || !/^\d{8}T\d{6}Z$/.test(date) || date.slice(0, 8) !== m[2]) return deny('AccessDenied');
      if (hash !== crypto.createHash('sha256').update(body).digest('hex')) return deny('XAmzContentSHA256Mismatch');
      const signed = Object.fromEntries(m[4]!.split(';').filter((h) => !['host', 'x-amz-date', 'x-amz-content-sha256'].includes(h)).map((h) => [h, String(req.headers[h] ?? '')]));
      const at = new Date(`${date.slice(0, 4)}-${date.slice(4, 6)}-${date.slice(6, 8)}T${date.slice(9, 11)}:${date.slice(11, 13)}:${date.slice(13, 15)}Z`);
      const expected = signV4({ method: req.method!, url: new URL(req.url!, `http://${req.headers.host}`), headers: signed, payloadHash: String(hash), at, region: m[3]!, accessKeyId: m[1]!, secretAccessKey: secrets[m[1]!]! });
      if (expected.authorization !== auth) return deny('SignatureDoesNotMatch');
      const key = decodeURIComponent(req.url!);
      if (req.method === 'PUT') {
        objects.set(key, { body, contentType: String(req.headers['content-type']) });
        return res.writeHead(200).end();
      }
      if (req.method === 'GET') {
        const o = objects.get(key);
        return o ? res.writeHead(200, { 'content-type': o.contentType }).end(o.body) : res.writeHead(404).end('<Error><Code>NoSuchKey</Code></Error>');
      }
      if (req.method === 'DELETE') {
        objects.delete(key);
        return res.writeHead(204).end();
      }
      res.writeHead(405).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, objects, seen, close: () => new Promise<void>((r) => server.close(() => r())) };
}
