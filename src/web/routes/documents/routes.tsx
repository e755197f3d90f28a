import { Hono, type Context } from 'hono';
import { z } from 'zod';
import type { Deps } from '../../../deps.ts';
import { renderLetterDocx, renderLetterPdf, renderMemoDocx, renderMemoPdf, renderOutstandingOfficeDocx, renderOutstandingOfficePdf, renderResultsTableDocx, renderResultsTablePdf } from '../../../documents/index.ts';
import { DomainError } from '../../../domain/errors.ts';
import { findOrgUnitByCode } from '../../../db/queries/org-units.ts';
import { canViewSubmission, isRespondentMember } from '../../../domain/submission/submission-policy.ts';
import { buildLetter, buildMemo, buildResultsTable, defaultEdits } from '../../../services/documents/build-documents.ts';
import { buildOutstandingReport, isOutstandingOfficeRound, outstandingDefaultEdits } from '../../../services/documents/build-outstanding-report.ts';
import { loadDocumentEmblem } from '../../../services/documents/emblem.ts';
import { loadSubmissionContext } from '../../../services/submissions/load-submission.ts';
import type { AppEnv } from '../../context.ts';
import { formBody } from '../../forms.ts';
import { requireActor } from '../../middleware/session.ts';
import { renderPage } from '../../render.tsx';
import { routeParams, submissionPath } from '../submissions/page-model.ts';
import { quarterlyReportPath } from '../quarterly-report/view.tsx';
import { noSuchDate, paragraphsOf, parseThaiDate, thaiDate, thaiDateHint, thaiDatePattern } from './form-dates.ts';
import { DocumentsView, documentKinds, formFromEdits, type DocumentForm, type DocumentKind } from './view.tsx';

// GET/POST /rounds/:roundId/submissions/:orgUnitCode/documents — a respondent's documents about its results, as PDF
// or DOCX: an LAO's memo, letter and results table; an office's outstanding-office report and its covering letter.
// A provincial office's quarterly monitoring report has a page of its own (quarterly-report/).

const text = (max: number) => z.string().trim().max(max, `ยาวเกิน ${max.toLocaleString('th-TH')} ตัวอักษร`);
const schema = z.object({
  kind: z.enum(Object.keys(documentKinds) as [DocumentKind, ...DocumentKind[]], { error: 'เลือกเอกสาร' }),
  referenceNo: text(60), subject: text(300).min(1, 'ใส่เรื่อง'), addressee: text(200),
  date: z.string().trim().regex(thaiDatePattern, thaiDateHint),
  paragraphs: text(8000), proposal: text(4000), signatoryName: text(120), signatoryPosition: text(200), phone: text(40),
  thaiDigits: z.string().optional(), format: z.enum(['pdf', 'docx']).default('pdf'),
});

const safeName = (s: string) => s.replace(/[^A-Za-z0-9_-]/g, '_');

export function documentRoutes(deps: Deps) {
  const app = new Hono<AppEnv>();
  const path = '/rounds/:roundId/submissions/:orgUnitCode/documents';

  const load = async (c: Context<AppEnv>) => {
    const ctx = await loadSubmissionContext(deps, c.get('actor')!, routeParams(c));
    if (!canViewSubmission(c.get('actor')!, ctx.unit)) throw new DomainError('forbidden', 'forbidden');
    const published = ctx.round.state === 'published';
    const publicUrl = published ? `${deps.config.publicUrl}/public/results/${ctx.round.id}/${encodeURIComponent(ctx.unit.code)}` : null;
    const kinds: DocumentKind[] = isOutstandingOfficeRound(ctx) ? ['outstanding', 'letter'] : ['memo', 'letter', 'results'];
    return { ctx, published, publicUrl, kinds };
  };
  const page = (c: Context<AppEnv>, l: Awaited<ReturnType<typeof load>>, form: DocumentForm, errors: Record<string, string>, status: 200 | 422 = 200) =>
    renderPage(c, 'เอกสารผลการประเมิน', <DocumentsView csrf={c.get('csrfToken')} base={submissionPath(l.ctx.round.id, l.ctx.unit.code)} unitName={l.ctx.unit.nameTh} roundTitle={l.ctx.round.title} kinds={l.kinds} form={form} errors={errors} published={l.published} />, status);

  // The quarterly monitoring report of a provincial office is a province's report, on a page of its own.
  const quarterly = (ctx: Awaited<ReturnType<typeof load>>['ctx']) => ctx.programme.respondents === 'province_office' && ctx.programme.frequency === 'quarterly' && ctx.unit.provinceCode !== null;

  app.get(path, requireActor, async (c) => {
    const l = await load(c);
    const { ctx } = l;
    if (quarterly(ctx)) return c.redirect(quarterlyReportPath(ctx.round.id, ctx.unit.provinceCode!), 303);
    const now = deps.clock.now();
    const asked = c.req.query('kind') as DocumentKind | undefined;
    const kind: DocumentKind = asked && l.kinds.includes(asked) ? asked : l.kinds[0]!;
    if (kind === 'outstanding' || (kind === 'letter' && isOutstandingOfficeRound(ctx))) {
      return page(c, l, formFromEdits(kind, await outstandingDefaultEdits(deps, ctx, now, kind), thaiDate(now)), {});
    }
    const province = ctx.unit.provinceCode ? await findOrgUnitByCode(deps.db, 'province', ctx.unit.provinceCode) : undefined;
    return page(c, l, formFromEdits(kind, defaultEdits(ctx, now, l.publicUrl, kind === 'letter' ? 'letter' : 'memo', province?.nameTh), thaiDate(now)), {});
  });

  app.post(path, requireActor, async (c) => {
    const l = await load(c);
    if (quarterly(l.ctx)) throw new DomainError('not_found', 'documents_not_found');
    const raw = await formBody(c);
    const parsed = schema.safeParse(raw);
    const keep: DocumentForm = {
      kind: (l.kinds.includes(raw.kind as DocumentKind) ? raw.kind : l.kinds[0]) as DocumentKind,
      referenceNo: raw.referenceNo ?? '', date: raw.date ?? '', subject: raw.subject ?? '', addressee: raw.addressee ?? '', paragraphs: raw.paragraphs ?? '',
      proposal: raw.proposal ?? '', signatoryName: raw.signatoryName ?? '', signatoryPosition: raw.signatoryPosition ?? '', phone: raw.phone ?? '', thaiDigits: raw.thaiDigits === 'yes',
    };
    const errors: Record<string, string> = {};
    if (!parsed.success) for (const issue of parsed.error.issues) errors[String(issue.path[0])] ??= issue.message;
    if (parsed.success && !l.kinds.includes(parsed.data.kind)) errors.kind = 'เลือกเอกสาร';
    // An outstanding-office report is addressed to no one; the memo and the letter are.
    if (parsed.success && parsed.data.kind !== 'outstanding' && parsed.data.kind !== 'results' && !parsed.data.addressee) errors.addressee = 'ใส่ผู้รับ (เรียน)';
    const date = parsed.success ? parseThaiDate(parsed.data.date) : null;
    if (parsed.success && !date) errors.date = noSuchDate;
    if (!parsed.success || !date || Object.keys(errors).length) return page(c, l, keep, errors, 422);
    const d = parsed.data;
    // The figures-only reports may be printed by anyone who sees the submission; the memo and letter are its own.
    if (d.kind !== 'results' && d.kind !== 'outstanding' && !isRespondentMember(c.get('actor')!, l.ctx.unit)) throw new DomainError('forbidden', 'forbidden');
    const emblem = await loadDocumentEmblem(deps);
    const edits = { referenceNo: d.referenceNo, date, subject: d.subject, addressee: d.addressee, paragraphs: paragraphsOf(d.paragraphs), proposal: paragraphsOf(d.proposal), signatoryName: d.signatoryName, signatoryPosition: d.signatoryPosition, phone: d.phone, thaiDigits: d.thaiDigits === 'yes', publicUrl: l.publicUrl, emblem };
    const pdf = d.format === 'pdf';
    const bytes = d.kind === 'memo' ? await (pdf ? renderMemoPdf : renderMemoDocx)(buildMemo(l.ctx, edits))
      : d.kind === 'letter' ? await (pdf ? renderLetterPdf : renderLetterDocx)(buildLetter(l.ctx, edits))
      : d.kind === 'outstanding' ? await (pdf ? renderOutstandingOfficePdf : renderOutstandingOfficeDocx)(await buildOutstandingReport(deps, l.ctx, edits, emblem))
      : await (pdf ? renderResultsTablePdf : renderResultsTableDocx)(buildResultsTable(l.ctx, edits.thaiDigits, emblem));
    const name = `${d.kind}-${safeName(l.ctx.unit.code)}-${l.ctx.round.id}.${pdf ? 'pdf' : 'docx'}`;
    return c.body(new Uint8Array(bytes), 200, {
      'Content-Type': pdf ? 'application/pdf' : 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
      'Content-Disposition': `attachment; filename="${name}"`, 'Cache-Control': 'private, no-store',
    });
  });
  return app;
}
