import { Hono, type Context } from 'hono';
import { z } from 'zod';
import type { Deps } from '../../../deps.ts';
import { renderLetterDocx, renderLetterPdf, renderMemoDocx, renderMemoPdf, renderResultsTableDocx, renderResultsTablePdf } from '../../../documents/index.ts';
import { bangkokInstant, toBangkok } from '../../../domain/dates/bangkok-time.ts';
import { DomainError } from '../../../domain/errors.ts';
import { findOrgUnitByCode } from '../../../db/queries/org-units.ts';
import { canViewSubmission, isRespondentMember } from '../../../domain/submission/submission-policy.ts';
import { buildLetter, buildMemo, buildResultsTable, defaultEdits } from '../../../services/documents/build-documents.ts';
import { loadSubmissionContext } from '../../../services/submissions/load-submission.ts';
import type { AppEnv } from '../../context.ts';
import { formBody } from '../../forms.ts';
import { requireActor } from '../../middleware/session.ts';
import { renderPage } from '../../render.tsx';
import { routeParams, submissionPath } from '../submissions/page-model.ts';
import { DocumentsView, formFromEdits, type DocumentForm, type DocumentKind } from './view.tsx';

// GET/POST /rounds/:roundId/submissions/:orgUnitCode/documents — an LAO's documents about its results, as PDF or DOCX.

const thaiDate = (d: Date) => { const { date } = toBangkok(d); const [y, m, day] = date.split('-'); return `${day}/${m}/${Number(y) + 543}`; };
const text = (max: number) => z.string().trim().max(max, `ยาวเกิน ${max.toLocaleString('th-TH')} ตัวอักษร`);
const schema = z.object({
  kind: z.enum(['memo', 'letter', 'results'], { error: 'เลือกเอกสาร' }),
  referenceNo: text(60), subject: text(300).min(1, 'ใส่เรื่อง'), addressee: text(200).min(1, 'ใส่ผู้รับ (เรียน)'),
  date: z.string().trim().regex(/^\d{1,2}\/\d{1,2}\/\d{4}$/, 'ใส่วันที่เป็น วว/ดด/ปปปป พ.ศ. เช่น 15/09/2568'),
  paragraphs: text(8000), proposal: text(4000), signatoryName: text(120), signatoryPosition: text(200), phone: text(40),
  thaiDigits: z.string().optional(), format: z.enum(['pdf', 'docx']).default('pdf'),
});

function parseThaiDate(s: string): Date | null {
  const [d, m, y] = s.split('/').map(Number) as [number, number, number];
  const ce = y - 543;
  const probe = new Date(Date.UTC(ce, m - 1, d));
  if (probe.getUTCFullYear() !== ce || probe.getUTCMonth() !== m - 1 || probe.getUTCDate() !== d) return null;
  return bangkokInstant(`${ce}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`, '09:00');
}

const paragraphsOf = (s: string) => s.split(/\n\s*\n/).map((p) => p.replace(/\s*\n\s*/g, ' ').trim()).filter(Boolean);
const safeName = (s: string) => s.replace(/[^A-Za-z0-9_-]/g, '_');

export function documentRoutes(deps: Deps) {
  const app = new Hono<AppEnv>();
  const path = '/rounds/:roundId/submissions/:orgUnitCode/documents';

  const load = async (c: Context<AppEnv>) => {
    const ctx = await loadSubmissionContext(deps, c.get('actor')!, routeParams(c));
    if (!canViewSubmission(c.get('actor')!, ctx.unit)) throw new DomainError('forbidden', 'forbidden');
    const published = ctx.round.state === 'published';
    const publicUrl = published ? `${deps.config.publicUrl}/public/results/${ctx.round.id}/${encodeURIComponent(ctx.unit.code)}` : null;
    return { ctx, published, publicUrl };
  };
  const page = (c: Context<AppEnv>, l: Awaited<ReturnType<typeof load>>, form: DocumentForm, errors: Record<string, string>, status: 200 | 422 = 200) =>
    renderPage(c, 'เอกสารผลการประเมิน', <DocumentsView csrf={c.get('csrfToken')} base={submissionPath(l.ctx.round.id, l.ctx.unit.code)} unitName={l.ctx.unit.nameTh} roundTitle={l.ctx.round.title} form={form} errors={errors} published={l.published} />, status);

  app.get(path, requireActor, async (c) => {
    const l = await load(c);
    const now = deps.clock.now();
    const kind: DocumentKind = c.req.query('kind') === 'letter' ? 'letter' : c.req.query('kind') === 'results' ? 'results' : 'memo';
    const province = l.ctx.unit.provinceCode ? await findOrgUnitByCode(deps.db, 'province', l.ctx.unit.provinceCode) : undefined;
    return page(c, l, formFromEdits(kind, defaultEdits(l.ctx, now, l.publicUrl, kind === 'letter' ? 'letter' : 'memo', province?.nameTh), thaiDate(now)), {});
  });

  app.post(path, requireActor, async (c) => {
    const l = await load(c);
    const raw = await formBody(c);
    const parsed = schema.safeParse(raw);
    const keep: DocumentForm = {
      kind: (['memo', 'letter', 'results'].includes(raw.kind ?? '') ? raw.kind : 'memo') as DocumentKind,
      referenceNo: raw.referenceNo ?? '', date: raw.date ?? '', subject: raw.subject ?? '', addressee: raw.addressee ?? '', paragraphs: raw.paragraphs ?? '',
      proposal: raw.proposal ?? '', signatoryName: raw.signatoryName ?? '', signatoryPosition: raw.signatoryPosition ?? '', phone: raw.phone ?? '', thaiDigits: raw.thaiDigits === 'yes',
    };
    const errors: Record<string, string> = {};
    if (!parsed.success) for (const issue of parsed.error.issues) errors[String(issue.path[0])] ??= issue.message;
    const date = parsed.success ? parseThaiDate(parsed.data.date) : null;
    if (parsed.success && !date) errors.date = 'ไม่มีวันที่นี้ในปฏิทิน ตรวจวัน เดือน ปี พ.ศ.';
    if (!parsed.success || !date) return page(c, l, keep, errors, 422);
    const d = parsed.data;
    if (d.kind !== 'results' && !isRespondentMember(c.get('actor')!, l.ctx.unit)) throw new DomainError('forbidden', 'forbidden');
    const edits = { referenceNo: d.referenceNo, date, subject: d.subject, addressee: d.addressee, paragraphs: paragraphsOf(d.paragraphs), proposal: paragraphsOf(d.proposal), signatoryName: d.signatoryName, signatoryPosition: d.signatoryPosition, phone: d.phone, thaiDigits: d.thaiDigits === 'yes', publicUrl: l.publicUrl };
    const pdf = d.format === 'pdf';
    const bytes = d.kind === 'memo' ? await (pdf ? renderMemoPdf : renderMemoDocx)(buildMemo(l.ctx, edits))
      : d.kind === 'letter' ? await (pdf ? renderLetterPdf : renderLetterDocx)(buildLetter(l.ctx, edits))
      : await (pdf ? renderResultsTablePdf : renderResultsTableDocx)(buildResultsTable(l.ctx, edits.thaiDigits));
    const name = `${d.kind}-${safeName(l.ctx.unit.code)}-${l.ctx.round.id}.${pdf ? 'pdf' : 'docx'}`;
    return c.body(new Uint8Array(bytes), 200, {
      'Content-Type': pdf ? 'application/pdf' : 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
      'Content-Disposition': `attachment; filename="${name}"`, 'Cache-Control': 'private, no-store',
    });
  });
  return app;
}
