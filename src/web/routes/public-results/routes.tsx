import { Hono, type Context } from 'hono';
import QRCode from 'qrcode';
import type { Deps } from '../../../deps.ts';
import { findOrgUnitByAnyCode } from '../../../db/queries/org-units.ts';
import { findRespondent, findRound, type RoundRow } from '../../../db/queries/rounds.ts';
import { findPublishedReport } from '../../../db/queries/document-batches.ts';
import { DomainError } from '../../../domain/errors.ts';
import { formatThaiDate } from '../../../domain/dates/thai-date.ts';
import { laoTypeLabels } from '../../../domain/org/lao-type.ts';
import { loadResults, type ResultsView } from '../../../services/results/load-results.ts';
import { Layout } from '../../components/layout.tsx';
import type { AppEnv } from '../../context.ts';
import { pageContext } from '../../render.tsx';
import { routeParams } from '../submissions/page-model.ts';
import { PlanSection } from '../results/plan-view.tsx';
import { ResultsSummaryView, ResultsTables } from '../results/results-table.tsx';
import { publicResultsPath } from './paths.ts';

// A respondent's results for everyone, without signing in — only once its round is published (before that the
// page does not exist: 404, never a hint). No one's session is read here and no cookie is set, so the page is the
// same for everyone and shared caches may keep it for five minutes. Shows the results table (formula words and
// values, not the answers behind them) and the improvement plan; its QR code leads back to it.

const publicCache = 'public, max-age=300';

/** The published round, or 404 for anything else (unknown, draft, open, closed). */
async function publishedRound(deps: Pick<Deps, 'db'>, c: Context<AppEnv>): Promise<{ round: RoundRow; roundId: number; orgUnitCode: string }> {
  const { roundId, orgUnitCode } = routeParams(c);
  const round = await findRound(deps.db, roundId);
  if (!round || round.state !== 'published') throw new DomainError('not_found', 'submission_not_found');
  return { round, roundId, orgUnitCode };
}

function PublicResultsView(p: { view: ResultsView; url: string; hasReport: boolean }) {
  const { view } = p;
  const { ctx } = view;
  const fy = ctx.version.doc.version.dataFiscalYear;
  return (
    <>
      <span class="caption">สรุปผลประเมินการจัดบริการสาธารณะ</span>
      <h1>{ctx.unit.nameTh}</h1>
      <dl class="summary-list">
        {ctx.audience ? <><dt>ประเภท</dt><dd>{laoTypeLabels[ctx.audience].full}</dd></> : null}
        {view.provinceName ? <><dt>จังหวัด</dt><dd>{view.provinceName}</dd></> : null}
        <dt>รอบการประเมิน</dt><dd>{ctx.round.title}</dd>
        {fy ? <><dt>ข้อมูลของ</dt><dd>ปีงบประมาณ พ.ศ. {fy}</dd></> : null}
        <dt>โครงการ</dt><dd>{ctx.programme.title}</dd>
        {ctx.round.publishedAt ? <><dt>ประกาศผลเมื่อ</dt><dd>{formatThaiDate(ctx.round.publishedAt)}</dd></> : null}
      </dl>
      {ctx.state === 'not_started' ? <p>หน่วยงานนี้ไม่ได้ส่งข้อมูลในรอบนี้</p> : null}
      <ResultsSummaryView view={view} />
      {p.hasReport ? <p><a href={`${publicResultsPath(ctx.round.id, ctx.unit.code)}/report.pdf`}>ดาวน์โหลดรายงานผลการประเมิน (PDF)</a></p> : null}
      <ResultsTables view={view} publicView />
      <PlanSection rows={view.rows} canEdit={false} csrf="" actionFor={() => ''} dataFiscalYear={fy} publicView />
      <section class="public-qr" aria-labelledby="qr-title">
        <h2 id="qr-title">ที่อยู่ของหน้านี้</h2>
        <img src={`${publicResultsPath(ctx.round.id, ctx.unit.code)}/qr.svg`} width={120} height={120} alt="คิวอาร์โค้ดของหน้านี้" />
        <p class="wrap"><a href={p.url}>{p.url}</a></p>
      </section>
    </>
  );
}

export function publicResultsRoutes(deps: Deps) {
  const app = new Hono<AppEnv>();
  const base = '/public/results/:roundId/:orgUnitCode';

  app.get(base, async (c) => {
    const { roundId, orgUnitCode } = await publishedRound(deps, c);
    const [view, report] = await Promise.all([loadResults(deps, null, { roundId, orgUnitCode }, { peers: false, lastYear: false }), findPublishedReport(deps.db, roundId, orgUnitCode)]);
    const url = `${deps.config.publicUrl}${publicResultsPath(view.ctx.round.id, view.ctx.unit.code)}`;
    c.header('Cache-Control', publicCache);
    return c.html(
      <Layout title={`ผลการประเมิน — ${view.ctx.unit.nameTh}`} ctx={{ ...pageContext(c), actor: null, csrfToken: '' }} wide>
        <PublicResultsView view={view} url={url} hasReport={report !== undefined} />
      </Layout>,
    );
  });

  // The results report the owners rendered for every respondent (document batches), as a file anyone may keep.
  app.get(`${base}/report.pdf`, async (c) => {
    const { roundId, orgUnitCode } = await publishedRound(deps, c);
    const key = await findPublishedReport(deps.db, roundId, orgUnitCode);
    const bytes = key ? await deps.storage.get(key) : undefined;
    if (!bytes) throw new DomainError('not_found', 'submission_not_found');
    return c.body(new Uint8Array(bytes), 200, { 'Content-Type': 'application/pdf', 'Content-Disposition': 'inline', 'Cache-Control': publicCache });
  });

  app.get(`${base}/qr.svg`, async (c) => {
    const { round, orgUnitCode } = await publishedRound(deps, c);
    const unit = await findOrgUnitByAnyCode(deps.db, orgUnitCode);
    if (!unit || !(await findRespondent(deps.db, round.id, unit.id))) throw new DomainError('not_found', 'submission_not_found');
    const svg = await QRCode.toString(`${deps.config.publicUrl}${publicResultsPath(round.id, unit.code)}`, { type: 'svg', margin: 1, errorCorrectionLevel: 'M' });
    c.header('Content-Type', 'image/svg+xml; charset=utf-8');
    c.header('Cache-Control', publicCache);
    return c.body(svg);
  });
  return app;
}
