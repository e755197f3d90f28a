import { Hono, type Context } from 'hono';
import type { Deps } from '../../../deps.ts';
import { DomainError } from '../../../domain/errors.ts';
import { resolveText } from '../../../domain/framework/framework-view.ts';
import { canEditSubmission } from '../../../domain/submission/submission-policy.ts';
import { listAnswerSlots } from '../../../services/submissions/answer-slots.ts';
import { loadSubmissionContext } from '../../../services/submissions/load-submission.ts';
import { lockedReason } from '../../../services/submissions/save-section.ts';
import { downloadFormTemplate } from '../../../services/xlsx/form-template.ts';
import { maxUploadBytes } from '../../../services/xlsx/read-form-upload.ts';
import { uploadFormValues, type UploadReport } from '../../../services/xlsx/upload-form-values.ts';
import type { AppEnv } from '../../context.ts';
import { t } from '../../messages/th.ts';
import { requireActor } from '../../middleware/session.ts';
import { renderPage } from '../../render.tsx';
import { requestMeta } from '../../request-meta.ts';
import { UploadView } from './view.tsx';

// Bulk entry of one form through its XLSX template: download it, fill it offline, upload it — checked first
// (nothing saved), then imported through the same save path as the API.

const base = '/rounds/:roundId/submissions/:orgUnitCode/forms/:formCode';

function params(c: Context<AppEnv>) {
  const roundId = c.req.param('roundId') ?? '';
  const orgUnitCode = c.req.param('orgUnitCode') ?? '';
  const formCode = c.req.param('formCode') ?? '';
  if (!/^\d{1,9}$/.test(roundId) || !/^[A-Za-z0-9_.-]{1,40}$/.test(orgUnitCode) || !/^[A-Za-z0-9_.-]{1,40}$/.test(formCode)) throw new DomainError('not_found', 'form_not_found');
  return { roundId: Number(roundId), orgUnitCode, formCode };
}

export function xlsxRoutes(deps: Deps) {
  const app = new Hono<AppEnv>();
  app.use(`${base}/*`, requireActor);

  app.get(`${base}/template.xlsx`, async (c) => {
    const { fileName, bytes } = await downloadFormTemplate(deps, c.get('actor')!, params(c));
    c.header('Cache-Control', 'no-store');
    c.header('Content-Type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    c.header('Content-Disposition', `attachment; filename="${fileName.replace(/[^A-Za-z0-9_.-]/g, '_')}"`);
    c.header('X-Content-Type-Options', 'nosniff');
    return c.body(new Uint8Array(bytes), 200);
  });

  const page = async (c: Context<AppEnv>, extra: { report?: UploadReport; fileError?: string; version?: number | null }, status: 200 | 409 | 422 | 423) => {
    const p = params(c);
    const actor = c.get('actor')!;
    const ctx = await loadSubmissionContext(deps, actor, p);
    if (!canEditSubmission(actor, ctx.unit)) throw new DomainError('forbidden', 'forbidden');
    const form = ctx.version.doc.forms.find((f) => f.code === p.formCode);
    if (!form || listAnswerSlots(ctx.version.doc, ctx.audience, { formCode: form.code }).length === 0) throw new DomainError('not_found', 'form_not_found');
    const formTitle = resolveText(form.title, ctx.audience, ctx.version.doc);
    return renderPage(c, `${t('xlsx.title')}: ${formTitle}`, (
      <UploadView
        csrf={c.get('csrfToken')} base={`/rounds/${p.roundId}/submissions/${encodeURIComponent(p.orgUnitCode)}`} formCode={form.code} formTitle={formTitle}
        unitName={ctx.unit.nameTh} roundTitle={ctx.round.title} version={extra.report?.version ?? extra.version ?? ctx.submission?.version ?? 0}
        entryMessage={lockedReason(ctx)?.message ?? null} fileError={extra.fileError} report={extra.report}
      />
    ), status);
  };

  app.get(`${base}/upload`, (c) => page(c, {}, 200));

  app.post(`${base}/upload`, async (c) => {
    const p = params(c);
    const body = await c.req.parseBody().catch(() => ({}) as Record<string, unknown>);
    const rawVersion = typeof body.version === 'string' && /^\d{1,9}$/.test(body.version) ? Number(body.version) : null;
    const file = body.file;
    // The policy first: someone who may not enter this data learns nothing about the file.
    const ctx = await loadSubmissionContext(deps, c.get('actor')!, p);
    if (!canEditSubmission(c.get('actor')!, ctx.unit)) throw new DomainError('forbidden', 'forbidden');
    if (!(file instanceof File) || file.size === 0) return page(c, { fileError: 'เลือกไฟล์แม่แบบ (.xlsx) ที่กรอกแล้วก่อน', version: rawVersion }, 422);
    if (file.size > maxUploadBytes) return page(c, { fileError: 'ไฟล์ใหญ่เกิน 5 MB ใช้แม่แบบที่ดาวน์โหลดจากหน้านี้', version: rawVersion }, 422);
    const report = await uploadFormValues(deps, c.get('actor')!, {
      ...p, bytes: Buffer.from(await file.arrayBuffer()), dryRun: body.mode !== 'import', baseVersion: rawVersion,
    }, requestMeta(c));
    const status = report.outcome === 'ok' ? 200 : report.outcome === 'conflict' ? 409 : report.outcome === 'locked' ? 423 : 422;
    return page(c, { report }, status);
  });

  return app;
}
