import { Hono, type Context } from 'hono';
import type { Deps } from '../../../deps.ts';
import { evidenceTypes, type EvidenceKind } from '../../../domain/evidence/detect-file-type.ts';
import type { EvidenceErrorCode } from '../../../domain/evidence/evidence-errors.ts';
import { contentDisposition } from '../../../domain/evidence/evidence-limits.ts';
import { getEvidenceFile } from '../../../services/evidence/get-evidence-file.ts';
import { removeEvidence } from '../../../services/evidence/remove-evidence.ts';
import { uploadEvidence } from '../../../services/evidence/upload-evidence.ts';
import type { AppEnv } from '../../context.ts';
import { requireActor } from '../../middleware/session.ts';
import { requestMeta } from '../../request-meta.ts';
import { evidenceBlockId, evidenceTargetKey, type EvidenceTarget } from './component.tsx';

// Evidence files of a respondent's submission: upload, download/preview, remove. Forms come from EvidenceBlock
// on another page, and every outcome a person can act on goes back there (303) with a code in the query string.
// Files are served as what their bytes are (never as what their name says), sandboxed, and only inline for
// PDF and images.

const base = '/rounds/:roundId/submissions/:orgUnitCode/evidence';
const localOrigin = 'http://matrathan.invalid';
/** Only same-site paths under /rounds/ may be gone back to; anything else goes back to the round page. */
export function safeBackPath(raw: unknown, roundId: string): URL {
  const fallback = new URL(`/rounds/${Number(roundId) > 0 ? Number(roundId) : ''}`, localOrigin);
  if (typeof raw !== 'string' || raw.length > 1000 || !raw.startsWith('/rounds/') || /[\\\r\n\t]/.test(raw) || raw.startsWith('//')) return fallback;
  try {
    const url = new URL(raw, localOrigin);
    return url.origin === localOrigin && url.pathname.startsWith('/rounds/') ? url : fallback;
  } catch {
    return fallback;
  }
}

function backTo(raw: unknown, roundId: string, target: EvidenceTarget, outcome: { error: EvidenceErrorCode } | { done: 'uploaded' | 'removed' }): string {
  const url = safeBackPath(raw, roundId);
  for (const k of ['evidence_error', 'evidence_done', 'evidence_for']) url.searchParams.delete(k);
  if ('error' in outcome) url.searchParams.set('evidence_error', outcome.error);
  else url.searchParams.set('evidence_done', outcome.done);
  if (target.indicatorCode || target.fieldKey) url.searchParams.set('evidence_for', evidenceTargetKey(target));
  const anchor = target.indicatorCode || target.fieldKey ? evidenceBlockId(target) : '';
  return `${url.pathname}${url.search}${anchor ? `#${anchor}` : ''}`;
}

const text = (v: unknown, max = 100) => (typeof v === 'string' && v.length <= max ? v : undefined);

async function formBody(c: Context<AppEnv>): Promise<Record<string, unknown>> {
  // A malformed multipart body is bad input like any other: treated as a form without fields.
  return (await c.req.parseBody().catch(() => ({}))) as Record<string, unknown>;
}

export function evidenceRoutes(deps: Deps) {
  const app = new Hono<AppEnv>();
  app.use(base, requireActor);
  app.use(`${base}/*`, requireActor);
  const actorOf = (c: Context<AppEnv>) => c.get('actor')!;

  app.post(base, async (c) => {
    const body = await formBody(c);
    const target = { indicatorCode: text(body.indicatorCode), fieldKey: text(body.fieldKey) };
    const file = body.file instanceof File ? body.file : null;
    const result = await uploadEvidence(deps, actorOf(c), {
      roundId: Number(c.req.param('roundId')), orgUnitCode: c.req.param('orgUnitCode'), ...target,
      fileName: file?.name ?? '', bytes: file ? Buffer.from(await file.arrayBuffer()) : null,
    }, requestMeta(c));
    if (!result.ok) c.get('logger').info({ refused: result.code }, 'evidence upload refused');
    return c.redirect(backTo(body.back, c.req.param('roundId'), target, result.ok ? { done: 'uploaded' } : { error: result.code }), 303);
  });

  app.get(`${base}/:evidenceId`, async (c) => {
    const { evidence, bytes } = await getEvidenceFile(deps, actorOf(c), {
      roundId: Number(c.req.param('roundId')), orgUnitCode: c.req.param('orgUnitCode'), evidenceId: Number(c.req.param('evidenceId')),
    });
    const kind = (Object.keys(evidenceTypes) as EvidenceKind[]).find((k) => evidenceTypes[k].contentType === evidence.contentType);
    const type = kind ? evidenceTypes[kind] : undefined;
    const inline = c.req.query('inline') === '1' && type?.inline === true;
    return c.body(new Uint8Array(bytes), 200, {
      'Content-Type': type?.contentType ?? 'application/octet-stream',
      'Content-Disposition': contentDisposition(inline ? 'inline' : 'attachment', evidence.fileName, `evidence-${evidence.id}.${type?.extensions[0] ?? 'bin'}`),
      'X-Content-Type-Options': 'nosniff',
      // A file is never a page of ours: no scripts, no forms, no same-origin access, even if a browser renders it.
      'Content-Security-Policy': "sandbox; default-src 'none'; img-src 'self' data:; style-src 'unsafe-inline'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'",
      'Cache-Control': 'private, no-store',
    });
  });

  app.post(`${base}/:evidenceId/remove`, async (c) => {
    const body = await formBody(c);
    const target = { indicatorCode: text(body.indicatorCode), fieldKey: text(body.fieldKey) };
    const result = await removeEvidence(deps, actorOf(c), {
      roundId: Number(c.req.param('roundId')), orgUnitCode: c.req.param('orgUnitCode'), evidenceId: Number(c.req.param('evidenceId')),
    }, requestMeta(c));
    const where = result.ok ? { indicatorCode: result.indicatorCode ?? undefined, fieldKey: result.fieldKey ?? undefined } : target;
    return c.redirect(backTo(body.back, c.req.param('roundId'), where, result.ok ? { done: 'removed' } : { error: result.code }), 303);
  });

  return app;
}
