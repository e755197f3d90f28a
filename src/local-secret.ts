import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

/** Outside production a secret is made once and kept under DATA_DIR, so sessions survive restarts. */
export function localSecret(dataDir: string): string {
  const file = path.join(dataDir, '.auth-secret');
  if (fs.existsSync(file)) return fs.readFileSync(file, 'utf8').trim();
  fs.mkdirSync(dataDir, { recursive: true });
  const secret = crypto.randomBytes(32).toString('base64url');
  fs.writeFileSync(file, secret + '\n', { mode: 0o600 });
  return secret;
}
