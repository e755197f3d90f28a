import { Hono, type Context } from 'hono';
import type { Deps } from '../../../deps.ts';
import { DomainError } from '../../../domain/errors.ts';
import { canManageEmblem, describeEmblem, getEmblemImage } from '../../../services/documents/emblem.ts';
import { removeEmblem } from '../../../services/documents/emblem-remove.ts';
import { uploadEmblem } from '../../../services/documents/emblem-upload.ts';
import type { AppEnv } from '../../context.ts';
import { requireActor } from '../../middleware/session.ts';
import { renderPage } from '../../render.tsx';
import { requestMeta } from '../../request-meta.ts';
import { EmblemView, type EmblemDone } from './view.tsx';

// GET/POST /admin/emblem, POST /admin/emblem/remove, GET /admin/emblem/image — the Garuda every document prints,
// managed by the programme owners and system administrators.

const title = 'ตราครุฑในเอกสารราชการ';
const dones: readonly EmblemDone[] = ['uploaded', 'replaced', 'removed'];

export function adminEmblemRoutes(deps: Deps) {
  const app = new Hono<AppEnv>();
  app.use('/admin/emblem', requireActor);
  app.use('/admin/emblem/*', requireActor);
  const guard = (c: Context<AppEnv>) => {
    if (!canManageEmblem(c.get('actor')!)) throw new DomainError('forbidden', 'emblem');
  };
  const page = async (c: Context<AppEnv>, error?: string) => {
    const current = await describeEmblem(deps, c.get('actor')!);
    const done = dones.find((d) => d === c.req.query('done'));
    return renderPage(c, title, <EmblemView csrf={c.get('csrfToken')} current={current} error={error} done={error ? undefined : done} />, error ? 422 : 200);
  };

  app.get('/admin/emblem', async (c) => {
    guard(c);
    return page(c);
  });

  app.post('/admin/emblem', async (c) => {
    guard(c);
    // A malformed multipart body is bad input like any other: a form without a file.
    const body = (await c.req.parseBody().catch(() => ({}))) as Record<string, unknown>;
    const file = body.file instanceof File && (body.file.size > 0 || body.file.name) ? body.file : null;
    const result = await uploadEmblem(deps, c.get('actor')!, { fileName: file?.name ?? '', bytes: file ? Buffer.from(await file.arrayBuffer()) : null }, requestMeta(c));
    if (!result.ok) return page(c, result.message);
    return c.redirect(`/admin/emblem?done=${result.replaced ? 'replaced' : 'uploaded'}`, 303);
  });

  app.post('/admin/emblem/remove', async (c) => {
    guard(c);
    await removeEmblem(deps, c.get('actor')!, requestMeta(c));
    return c.redirect('/admin/emblem?done=removed', 303);
  });

  app.get('/admin/emblem/image', async (c) => {
    const { row, bytes } = await getEmblemImage(deps, c.get('actor')!);
    return c.body(new Uint8Array(bytes), 200, {
      'Content-Type': row.contentType,
      'X-Content-Type-Options': 'nosniff',
      'Content-Security-Policy': "sandbox; default-src 'none'",
      'Cache-Control': 'private, no-store',
    });
  });
  return app;
}
