import type { Context } from 'hono';
import { DomainError } from '../../../domain/errors.ts';
import type { AppEnv } from '../../context.ts';
import { t } from '../../messages/th.ts';

// Small pieces every API route shares: path parameters that cannot name anything answer 404, bodies that are not
// JSON answer 400 — the same JSON error shape as everything else under /api.

export function roundIdParam(c: Context<AppEnv>): number {
  const raw = c.req.param('roundId') ?? '';
  if (!/^\d{1,9}$/.test(raw) || Number(raw) === 0) throw new DomainError('not_found', 'round_not_found');
  return Number(raw);
}

export function orgUnitCodeParam(c: Context<AppEnv>): string {
  const raw = c.req.param('orgUnitCode') ?? '';
  if (!/^[A-Za-z0-9_.-]{1,40}$/.test(raw)) throw new DomainError('not_found', 'submission_not_found');
  return raw;
}

export class BadJson extends Error {}

/** The body as JSON; BadJson when it is not. Reading past the body limit throws the limit's own error (413). */
export async function readJson(c: Context<AppEnv>): Promise<unknown> {
  const text = await c.req.text();
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new BadJson();
  }
}

export const badJson = (c: Context<AppEnv>) => c.json({ error: 'bad_request', message: t('api.badJson') }, 400);
