import crypto from 'node:crypto';
import type { Deps, RequestMeta } from '../../deps.ts';
import { insertApiToken, revokeApiToken, useApiToken } from '../../db/queries/api-tokens.ts';
import { DomainError } from '../../domain/errors.ts';
import { recordAudit } from '../audit/record-audit.ts';

// Personal API tokens: `mt_<8 hex prefix>_<secret>`. Only a SHA-256 is stored; the whole token is shown once.

export const hashToken = (token: string) => crypto.createHash('sha256').update(token).digest('hex');

export async function createApiToken(deps: Pick<Deps, 'db'>, userId: string, name: string, meta: RequestMeta): Promise<{ id: number; token: string }> {
  const prefix = crypto.randomBytes(4).toString('hex');
  const token = `mt_${prefix}_${crypto.randomBytes(24).toString('base64url')}`;
  return deps.db.transaction().execute(async (trx) => {
    const id = await insertApiToken(trx, { userId, name, tokenHash: hashToken(token), tokenPrefix: `mt_${prefix}` });
    await recordAudit(trx, meta, { action: 'api_token_created', entityType: 'api_token', entityId: String(id), newValue: { name, prefix: `mt_${prefix}` } });
    return { id, token };
  });
}

export async function revokeOwnApiToken(deps: Pick<Deps, 'db' | 'clock'>, userId: string, id: number, meta: RequestMeta): Promise<void> {
  await deps.db.transaction().execute(async (trx) => {
    if (!(await revokeApiToken(trx, userId, id, deps.clock.now()))) throw new DomainError('not_found', 'api_token');
    await recordAudit(trx, meta, { action: 'api_token_revoked', entityType: 'api_token', entityId: String(id) });
  });
}

/** The user id behind a bearer token, if it is well-formed, live and its owner active. */
export async function authenticateApiToken(deps: Pick<Deps, 'db' | 'clock'>, token: string): Promise<string | undefined> {
  if (!/^mt_[0-9a-f]{8}_[A-Za-z0-9_-]{32}$/.test(token)) return undefined;
  return useApiToken(deps.db, hashToken(token), deps.clock.now());
}
