import { Hono, type Context } from 'hono';
import type { Deps } from '../../../deps.ts';
import { docxContentType, pdfContentType, renderLetterDocx, renderLetterPdf, renderQuarterlyReportDocx, renderQuarterlyReportPdf } from '../../../documents/index.ts';
import { buildQuarterlyLetter, buildQuarterlyReport, loadQuarterlyReport, quarterlyDefaults, quarterlyProgress, quarterPeriod } from '../../../services/documents/build-quarterly-report.ts';
import { loadDocumentEmblem } from '../../../services/documents/emblem.ts';
import type { AppEnv } from '../../context.ts';
import { formBody } from '../../forms.ts';
import { requireActor } from '../../middleware/session.ts';
import { renderPage } from '../../render.tsx';
import { noSuchDate, paragraphsOf, parseThaiDate } from '../documents/form-dates.ts';
import { submissionPath } from '../submissions/page-model.ts';
import { quarterlyFields, quarterlySchema } from './schema.ts';
import { QuarterlyReportView, formFromQuarterlyEdits, quarterlyReportPath, type QuarterlyForm, type QuarterlyKind } from './view.tsx';

// GET/POST /rounds/:roundId/provinces/:provinceCode/quarterly-report — a province's quarterly monitoring report
// and its covering letter, as PDF or DOCX, for those who see the provincial office's submission (the office itself,
// the province's committee, the programme owners).

export function quarterlyReportRoutes(deps: Deps) {
  const app = new Hono<AppEnv>();
  const path = '/rounds/:roundId/provinces/:provinceCode/quarterly-report';

  const load = (c: Context<AppEnv>) => loadQuarterlyReport(deps, c.get('actor')!, { roundId: Number(c.req.param('roundId')), provinceCode: c.req.param('provinceCode') ?? '' });
  const page = (c: Context<AppEnv>, q: Awaited<ReturnType<typeof load>>, form: QuarterlyForm, errors: Record<string, string>, status: 200 | 422 = 200) => {
    const { round, state } = q.ctx;
    const facts = {
      roundTitle: round.title, province: q.province.name, period: quarterPeriod(round.fiscalYear, round.quarter), submissionPath: submissionPath(round.id, q.ctx.unit.code),
      sent: state === 'submitted' || state === 'accepted', ...quarterlyProgress(q),
    };
    return renderPage(c, `รายงานผลการติดตามรายไตรมาส จังหวัด${q.province.name}`, <QuarterlyReportView csrf={c.get('csrfToken')} path={quarterlyReportPath(round.id, q.province.code)} facts={facts} form={form} errors={errors} />, status);
  };

  app.get(path, requireActor, async (c) => {
    const q = await load(c);
    const kind: QuarterlyKind = c.req.query('kind') === 'letter' ? 'letter' : 'report';
    return page(c, q, formFromQuarterlyEdits(kind, quarterlyDefaults(q, deps.clock.now(), null)), {});
  });

  app.post(path, requireActor, async (c) => {
    const q = await load(c);
    const raw = await formBody(c);
    const keep = Object.fromEntries(quarterlyFields.map((k) => [k, raw[k] ?? ''])) as Omit<QuarterlyForm, 'kind' | 'thaiDigits'>;
    const form: QuarterlyForm = { ...keep, kind: raw.kind === 'letter' ? 'letter' : 'report', thaiDigits: raw.thaiDigits === 'yes' };
    const parsed = quarterlySchema.safeParse(raw);
    const errors: Record<string, string> = {};
    if (!parsed.success) for (const issue of parsed.error.issues) errors[String(issue.path[0])] ??= issue.message;
    const asOf = parsed.success ? parseThaiDate(parsed.data.asOf) : null;
    const date = parsed.success ? parseThaiDate(parsed.data.date) : null;
    if (parsed.success && !asOf) errors.asOf = noSuchDate;
    if (parsed.success && !date) errors.date = noSuchDate;
    if (!parsed.success || !asOf || !date) return page(c, q, form, errors, 422);
    const d = parsed.data;
    const edits = {
      asOf, date, note: d.note, reporterName: d.reporterName, reporterPosition: d.reporterPosition, reporterPhone: d.reporterPhone,
      referenceNo: d.referenceNo, subject: d.subject, addressee: d.addressee, address: d.address, paragraphs: paragraphsOf(d.paragraphs),
      signatoryName: d.signatoryName, signatoryPosition: d.signatoryPosition, thaiDigits: d.thaiDigits === 'yes', emblem: await loadDocumentEmblem(deps),
    };
    const pdf = d.format === 'pdf';
    const bytes = d.kind === 'report'
      ? await (pdf ? renderQuarterlyReportPdf : renderQuarterlyReportDocx)(buildQuarterlyReport(q, edits))
      : await (pdf ? renderLetterPdf : renderLetterDocx)(buildQuarterlyLetter(q, edits));
    const name = `quarterly-${d.kind}-${q.province.code}-${q.ctx.round.id}.${pdf ? 'pdf' : 'docx'}`;
    return c.body(new Uint8Array(bytes), 200, {
      'Content-Type': pdf ? pdfContentType : docxContentType,
      'Content-Disposition': `attachment; filename="${name}"`, 'Cache-Control': 'private, no-store',
    });
  });
  return app;
}
