import { Hono, type Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { Deps } from '../../../deps.ts';
import { docxContentType, pdfContentType, renderQuarterlyReportDocx, renderQuarterlyReportPdf } from '../../../documents/index.ts';
import { canViewCommittee } from '../../../domain/committees/committee-policy.ts';
import { DomainError } from '../../../domain/errors.ts';
import { resolveText } from '../../../domain/framework/framework-view.ts';
import { buildQuarterlyReport, loadQuarterlyReport, quarterlyDefaults } from '../../../services/documents/build-quarterly-report.ts';
import { loadDocumentEmblem } from '../../../services/documents/emblem.ts';
import { addMonitoringComment } from '../../../services/monitoring/add-monitoring-comment.ts';
import { loadLaoFigures } from '../../../services/monitoring/load-lao-figures.ts';
import { loadMonitoringReport, type MonitoringReport } from '../../../services/monitoring/load-monitoring-report.ts';
import { saveMonitoringAnswers } from '../../../services/monitoring/save-monitoring-answers.ts';
import type { Conflict } from '../../../services/submissions/save-section.ts';
import type { AppEnv } from '../../context.ts';
import { formBody } from '../../forms.ts';
import { requireActor } from '../../middleware/session.ts';
import { renderPage } from '../../render.tsx';
import { requestMeta } from '../../request-meta.ts';
import { formsOf, sectionIndicators, sectionPath, type Permissions } from '../submissions/page-model.ts';
import { buildAnswers, postedVersions } from '../submissions/section-model.ts';
import { EntryView } from './entry-view.tsx';
import { monitoringReportPath, monitoringSectionPath, standardPath } from './paths.ts';
import { ReportView } from './report-view.tsx';
import { commentSchema } from './schema.ts';

// /rounds/:roundId/monitoring/:provinceCode — a province's quarterly report for its committee: the overview, one
// page per standard (with the LAOs' figures) and per other section, comments, and the report as PDF or DOCX.

type Opts = { typed?: Record<string, string>; errors?: Record<string, string>; warnings?: { code: string; message: string }[]; conflicts?: Conflict[]; lockedMessage?: string; commentError?: string; commentValue?: string };

export function reportRoutes(deps: Deps) {
  const app = new Hono<AppEnv>();
  const path = '/rounds/:roundId/monitoring/:provinceCode';
  const load = (c: Context<AppEnv>) => loadMonitoringReport(deps, c.get('actor')!, { roundId: Number(c.req.param('roundId')), provinceCode: c.req.param('provinceCode') ?? '' });
  const figuresOf = (report: MonitoringReport) => loadLaoFigures(deps, { fiscalYear: report.ctx.round.fiscalYear, provinceCode: report.province.code, standards: report.fields.items });
  const perms = (r: MonitoringReport): Permissions => ({ canEdit: r.perms.fill, canSubmit: r.perms.submit, canReview: false, editable: r.perms.editable, reopened: r.perms.reopened, scope: null });
  const entryOf = (r: MonitoringReport, sectionCode: string) => {
    const entry = formsOf(r.ctx).flatMap((f) => f.sections).find((s) => s.section.code === sectionCode);
    if (!entry) throw new DomainError('not_found', 'section_not_found');
    return entry;
  };

  const overview = async (c: Context<AppEnv>, report: MonitoringReport, opts: Opts = {}, status: ContentfulStatusCode = 200) => {
    const figures = await figuresOf(report);
    const notice = c.req.query('done') === 'saved' && status === 200 ? 'บันทึกแล้ว' : c.req.query('done') === 'commented' && status === 200 ? 'บันทึกความเห็นแล้ว' : undefined;
    return renderPage(c, `${opts.commentError ? 'ข้อผิดพลาด: ' : ''}รายงานผลการติดตามรายไตรมาส จังหวัด${report.province.nameTh}`,
      <ReportView report={report} figures={figures} csrf={c.get('csrfToken')} now={deps.clock.now()} notice={notice} commentError={opts.commentError} commentValue={opts.commentValue} seesCommittee={canViewCommittee(c.get('actor')!, report.province)} />, status, { wide: true });
  };

  const entryPage = async (c: Context<AppEnv>, report: MonitoringReport, target: { sectionCode: string; itemCode: string }, opts: Opts = {}, status: ContentfulStatusCode = 200) => {
    const entry = entryOf(report, target.sectionCode);
    const items = buildAnswers(report.ctx, perms(report), entry, { typed: opts.typed ?? null, errors: opts.errors ?? {}, conflicts: opts.conflicts ?? [] });
    const item = items.find((i) => i.code === target.itemCode);
    if (!item) throw new DomainError('not_found', 'standard_not_found');
    const { round } = report.ctx;
    const isStandard = entry.section === report.fields.section;
    const index = report.fields.items.findIndex((i) => i.code === target.itemCode);
    const standard = isStandard
      ? await figuresOf(report).then((figures) => ({ code: target.itemCode, figures, own: figures.byStandard.get(target.itemCode), comments: report.comments.filter((x) => x.itemCode === target.itemCode), commentError: opts.commentError, commentValue: opts.commentValue }))
      : null;
    const title = isStandard ? item.title : entry.title;
    // Evidence is attached on the office's own data-entry page (the upload belongs to the office's people).
    const needsEvidence = sectionIndicators(report.ctx, entry, report.ctx.answers).filter((p) => p.indicator.evidence && p.indicator.evidence.required !== 'never');
    const evidence = needsEvidence.length ? {
      lines: needsEvidence.map((p) => `${p.indicator.code} ${resolveText(p.indicator.title, report.ctx.audience, report.ctx.version.doc)}${p.indicator.evidence?.note ? ` — ${p.indicator.evidence.note}` : ''}`),
      href: report.perms.submit ? sectionPath(round.id, report.ctx.unit.code, target.sectionCode) : null,
    } : null;
    const errors = opts.errors ?? {};
    return renderPage(c, `${Object.keys(errors).length || opts.commentError ? 'ข้อผิดพลาด: ' : ''}${title} — จังหวัด${report.province.nameTh}`, (
      <EntryView report={report} csrf={c.get('csrfToken')} title={title} item={item} errors={errors} warnings={opts.warnings ?? []} conflicts={opts.conflicts ?? []} standard={standard}
        action={isStandard ? standardPath(round.id, report.province.code, target.itemCode) : monitoringSectionPath(round.id, report.province.code, target.sectionCode)}
        caption={isStandard ? `มาตรฐานที่ ${index + 1} จาก ${report.fields.items.length} · จังหวัด${report.province.nameTh}` : `${resolveText(entry.form.title, report.ctx.audience, report.ctx.version.doc)} · จังหวัด${report.province.nameTh}`}
        isLast={index === report.fields.items.length - 1} evidence={evidence} lockedMessage={opts.lockedMessage ?? report.perms.lockedMessage ?? undefined} />
    ), status);
  };

  app.get(path, requireActor, async (c) => overview(c, await load(c)));

  const save = async (c: Context<AppEnv>, report: MonitoringReport, target: { sectionCode: string; itemCode: string }) => {
    const posted = await formBody(c);
    const result = await saveMonitoringAnswers(deps, c.get('actor')!, {
      roundId: report.ctx.round.id, provinceCode: report.province.code, sectionCode: target.sectionCode, itemCode: target.itemCode || undefined, raw: posted,
      answerVersions: postedVersions(posted), complete: posted.action !== 'later', confirmedWarnings: posted.confirmWarnings === 'yes', report,
    }, requestMeta(c));
    const base = monitoringReportPath(report.ctx.round.id, report.province.code);
    if (result.ok) {
      if (!target.itemCode || posted.action === 'later') return c.redirect(`${base}?done=saved${target.itemCode ? `#standard-${target.itemCode}` : ''}`, 303);
      const items = report.fields.items;
      const next = items[items.findIndex((i) => i.code === target.itemCode) + 1];
      return c.redirect(next ? standardPath(report.ctx.round.id, report.province.code, next.code) : `${base}?done=saved#standard-${target.itemCode}`, 303);
    }
    switch (result.reason) {
      case 'invalid': return entryPage(c, report, target, { typed: posted, errors: result.errors }, 422);
      case 'warnings': return entryPage(c, report, target, { typed: posted, warnings: result.warnings }, 422);
      case 'conflict': return entryPage(c, await load(c), target, { typed: posted, conflicts: result.conflicts }, 409);
      case 'locked': return entryPage(c, await load(c), target, { lockedMessage: result.message }, 409);
    }
  };

  const standardTarget = (c: Context<AppEnv>, report: MonitoringReport) => ({ sectionCode: report.fields.section.code, itemCode: c.req.param('itemCode') ?? '' });
  app.get(`${path}/standards/:itemCode`, requireActor, async (c) => {
    const report = await load(c);
    return entryPage(c, report, standardTarget(c, report));
  });
  app.post(`${path}/standards/:itemCode`, requireActor, async (c) => {
    const report = await load(c);
    return save(c, report, standardTarget(c, report));
  });

  const sectionTarget = (c: Context<AppEnv>, report: MonitoringReport) => {
    const sectionCode = c.req.param('sectionCode') ?? '';
    if (sectionCode === report.fields.section.code) throw new DomainError('not_found', 'section_not_found');
    return { sectionCode, itemCode: '' };
  };
  app.get(`${path}/sections/:sectionCode`, requireActor, async (c) => {
    const report = await load(c);
    return entryPage(c, report, sectionTarget(c, report));
  });
  app.post(`${path}/sections/:sectionCode`, requireActor, async (c) => {
    const report = await load(c);
    return save(c, report, sectionTarget(c, report));
  });

  app.post(`${path}/comments`, requireActor, async (c) => {
    const raw = await formBody(c);
    const parsed = commentSchema.safeParse(raw);
    const itemCode = parsed.success ? parsed.data.itemCode : '';
    const result = parsed.success
      ? await addMonitoringComment(deps, c.get('actor')!, { roundId: Number(c.req.param('roundId')), provinceCode: c.req.param('provinceCode') ?? '', itemCode, body: parsed.data.body }, requestMeta(c))
      : { ok: false as const, errors: { body: parsed.error.issues[0]!.message } };
    const report = await load(c);
    if (!result.ok) {
      const opts = { commentError: result.errors.body, commentValue: raw.body ?? '' };
      return itemCode ? entryPage(c, report, { sectionCode: report.fields.section.code, itemCode }, opts, 422) : overview(c, report, opts, 422);
    }
    return c.redirect(itemCode ? `${standardPath(report.ctx.round.id, report.province.code, itemCode)}#comments` : `${monitoringReportPath(report.ctx.round.id, report.province.code)}?done=commented#comments`, 303);
  });

  for (const format of ['pdf', 'docx'] as const) {
    app.get(`${path}/report.${format}`, requireActor, async (c) => {
      const q = await loadQuarterlyReport(deps, c.get('actor')!, { roundId: Number(c.req.param('roundId')), provinceCode: c.req.param('provinceCode') ?? '' });
      const doc = buildQuarterlyReport(q, quarterlyDefaults(q, deps.clock.now(), await loadDocumentEmblem(deps)));
      const bytes = format === 'pdf' ? await renderQuarterlyReportPdf(doc) : await renderQuarterlyReportDocx(doc);
      return c.body(new Uint8Array(bytes), 200, {
        'Content-Type': format === 'pdf' ? pdfContentType : docxContentType,
        'Content-Disposition': `attachment; filename="quarterly-report-${q.province.code}-${q.ctx.round.id}.${format}"`,
        'Cache-Control': 'private, no-store',
      });
    });
  }
  return app;
}
