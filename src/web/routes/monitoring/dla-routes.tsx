import { Hono, type Context } from 'hono';
import type { Deps } from '../../../deps.ts';
import { docxContentType, pdfContentType } from '../../../documents/index.ts';
import { renderMonitoringSummaryDocx, renderMonitoringSummaryPdf } from '../../../documents/monitoring-summary.ts';
import { loadDocumentEmblem } from '../../../services/documents/emblem.ts';
import { loadMonitoringSummary, monitoringSummaryDoc } from '../../../services/monitoring/build-monitoring-summary.ts';
import { listQuarterReports, listQuarters } from '../../../services/monitoring/list-quarter-reports.ts';
import type { AppEnv } from '../../context.ts';
import { requireActor } from '../../middleware/session.ts';
import { renderPage } from '../../render.tsx';
import { QuarterView, QuartersView, SummaryView } from './dla-view.tsx';
import { quarterQuery } from './schema.ts';

// DLA's side of the quarterly monitoring (programme owners): /programmes/:programmeCode/quarters, one quarter's
// provinces (/rounds/:roundId/monitoring), and its national summary as a page, PDF and DOCX.

export function dlaRoutes(deps: Deps) {
  const app = new Hono<AppEnv>();
  const roundId = (c: Context<AppEnv>) => Number(c.req.param('roundId'));

  app.get('/programmes/:programmeCode/quarters', requireActor, async (c) => {
    const { programme, quarters } = await listQuarters(deps, c.get('actor')!, { programmeCode: c.req.param('programmeCode') ?? '' });
    return renderPage(c, `รายงานรายไตรมาสของจังหวัด — ${programme.title}`, <QuartersView programme={programme} quarters={quarters} />);
  });

  // Before /rounds/:roundId/monitoring/:provinceCode (report-routes.tsx): "summary" is not a province.
  app.get('/rounds/:roundId/monitoring/summary', requireActor, async (c) => {
    const summary = await loadMonitoringSummary(deps, c.get('actor')!, { roundId: roundId(c) });
    return renderPage(c, `สรุปปัญหาและข้อเสนอแนะ — ${summary.roundTitle}`, <SummaryView summary={summary} programme={summary.programme} now={deps.clock.now()} />, 200, { wide: true });
  });

  for (const format of ['pdf', 'docx'] as const) {
    app.get(`/rounds/:roundId/monitoring/summary.${format}`, requireActor, async (c) => {
      const summary = await loadMonitoringSummary(deps, c.get('actor')!, { roundId: roundId(c) });
      const doc = monitoringSummaryDoc(summary, { asOf: deps.clock.now(), emblem: await loadDocumentEmblem(deps), thaiDigits: c.req.query('digits') === 'thai' });
      const bytes = format === 'pdf' ? await renderMonitoringSummaryPdf(doc) : await renderMonitoringSummaryDocx(doc);
      return c.body(new Uint8Array(bytes), 200, {
        'Content-Type': format === 'pdf' ? pdfContentType : docxContentType,
        'Content-Disposition': `attachment; filename="monitoring-summary-${summary.roundId}.${format}"`,
        'Cache-Control': 'private, no-store',
      });
    });
  }

  app.get('/rounds/:roundId/monitoring', requireActor, async (c) => {
    const data = await listQuarterReports(deps, c.get('actor')!, { roundId: roundId(c) });
    const status = quarterQuery.parse({ status: c.req.query('status') }).status;
    return renderPage(c, `รายงานของจังหวัด — ${data.round.title}`, <QuarterView {...data} status={status} />, 200, { wide: true });
  });
  return app;
}

