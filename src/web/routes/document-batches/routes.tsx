import { Hono, type Context } from 'hono';
import type { Deps } from '../../../deps.ts';
import { findBatchItem, findDocumentBatch, listBatchItems, listCompletedRespondents, listDocumentBatches, listRoundProvinces } from '../../../db/queries/document-batches.ts';
import { findRound } from '../../../db/queries/rounds.ts';
import { canManageProgrammes } from '../../../domain/access/policies.ts';
import { DomainError } from '../../../domain/errors.ts';
import { startDocumentBatch } from '../../../services/documents/start-document-batch.ts';
import type { AppEnv } from '../../context.ts';
import { formBody } from '../../forms.ts';
import { t, type MessageKey } from '../../messages/th.ts';
import { requireActor } from '../../middleware/session.ts';
import { renderPage } from '../../render.tsx';
import { requestMeta } from '../../request-meta.ts';
import { BatchListView, BatchView } from './view.tsx';

// /rounds/:roundId/document-batches — the programme owners render every respondent's results report in the
// background and follow its progress; the files are downloaded from here (and from the public page once published).

const perPage = 200;
const positiveInt = (s: string | undefined) => (s && /^\d{1,9}$/.test(s) ? Number(s) : NaN);

export function documentBatchRoutes(deps: Deps) {
  const app = new Hono<AppEnv>();

  const loadRound = async (c: Context<AppEnv>) => {
    if (!canManageProgrammes(c.get('actor')!)) throw new DomainError('forbidden', 'forbidden');
    const round = await findRound(deps.db, positiveInt(c.req.param('roundId')));
    if (!round) throw new DomainError('not_found', 'round_not_found');
    return round;
  };

  const listPage = async (c: Context<AppEnv>, round: NonNullable<Awaited<ReturnType<typeof findRound>>>, errors: Record<string, string>, provinceCode: string, status: 200 | 422 = 200) => {
    const [batches, provinces, completed] = await Promise.all([listDocumentBatches(deps.db, round.id), listRoundProvinces(deps.db, round.id), listCompletedRespondents(deps.db, round.id, null)]);
    return renderPage(c, 'รายงานผลทุกหน่วยงาน', <BatchListView csrf={c.get('csrfToken')} roundId={round.id} roundTitle={round.title} roundState={round.state} batches={batches} provinces={provinces} completed={completed.length} errors={errors} provinceCode={provinceCode} now={deps.clock.now()} />, status);
  };

  app.get('/rounds/:roundId/document-batches', requireActor, async (c) => listPage(c, await loadRound(c), {}, ''));

  app.post('/rounds/:roundId/document-batches', requireActor, async (c) => {
    const round = await loadRound(c);
    const body = await formBody(c);
    const provinceCode = typeof body.provinceCode === 'string' ? body.provinceCode.trim().slice(0, 10) : '';
    if (provinceCode && !/^\d{2}$/.test(provinceCode)) return listPage(c, round, { provinceCode: t('batch_province_unknown') }, provinceCode, 422);
    try {
      const { batchId } = await startDocumentBatch(deps, c.get('actor')!, { roundId: round.id, provinceCode: provinceCode || null }, requestMeta(c));
      return c.redirect(`/rounds/${round.id}/document-batches/${batchId}`, 303);
    } catch (e) {
      if (e instanceof DomainError && (e.code === 'invalid' || e.code === 'conflict')) return listPage(c, round, { provinceCode: t(e.messageKey as MessageKey) }, provinceCode, 422);
      throw e;
    }
  });

  const loadBatch = async (c: Context<AppEnv>) => {
    const round = await loadRound(c);
    const batch = await findDocumentBatch(deps.db, positiveInt(c.req.param('batchId')));
    if (!batch || batch.roundId !== round.id) throw new DomainError('not_found', 'batch_not_found');
    return { round, batch };
  };

  app.get('/rounds/:roundId/document-batches/:batchId', requireActor, async (c) => {
    const { round, batch } = await loadBatch(c);
    const pages = Math.max(1, Math.ceil(batch.total / perPage));
    const page = Math.min(pages, Math.max(1, positiveInt(c.req.query('page')) || 1));
    const items = await listBatchItems(deps.db, batch.id, { offset: (page - 1) * perPage, limit: perPage });
    if (!batch.finishedAt) c.header('Refresh', '5');
    return renderPage(c, `รายงานผลการประเมิน ชุดที่ ${batch.id}`, <BatchView roundId={round.id} roundTitle={round.title} batch={batch} items={items} page={page} pages={pages} now={deps.clock.now()} />);
  });

  app.get('/rounds/:roundId/document-batches/:batchId/files/:orgUnitCode', requireActor, async (c) => {
    const { batch } = await loadBatch(c);
    const code = c.req.param('orgUnitCode').slice(0, 40);
    const item = await findBatchItem(deps.db, batch.id, code);
    const bytes = item?.storageKey && item.state === 'done' ? await deps.storage.get(item.storageKey) : undefined;
    if (!bytes) throw new DomainError('not_found', 'batch_file_not_found');
    return c.body(new Uint8Array(bytes), 200, {
      'Content-Type': 'application/pdf', 'Content-Disposition': `inline; filename="results-${code.replace(/[^A-Za-z0-9_-]/g, '_')}-${batch.roundId}.pdf"`, 'Cache-Control': 'private, no-store',
    });
  });
  return app;
}
