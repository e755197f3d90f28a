import { Hono, type Context } from 'hono';
import type { Deps } from '../../../deps.ts';
import { listInternalDeadlines, type InternalDeadlineRow } from '../../../db/queries/rounds.ts';
import { lastReturnReason, listRespondentPeople } from '../../../db/queries/submission-pages.ts';
import { DomainError } from '../../../domain/errors.ts';
import { displayFieldValue } from '../../../domain/submission/parse-field-value.ts';
import { changesSinceLastSent, type SubmissionContext } from '../../../services/submissions/load-submission.ts';
import { assignPart, markPartReady } from '../../../services/submissions/manage-parts.ts';
import { loadDivisionStatus } from '../../../services/outstanding/division-status.ts';
import { divisionKeyOfPart } from '../../../domain/outstanding/division-scope.ts';
import type { AppEnv } from '../../context.ts';
import { formBody } from '../../forms.ts';
import { th, type MessageKey } from '../../messages/th.ts';
import { requireActor } from '../../middleware/session.ts';
import { renderPage } from '../../render.tsx';
import { requestMeta } from '../../request-meta.ts';
import { fieldLocator, loadSubmissionPage, routeParams, submissionPath } from './page-model.ts';
import { OverviewView, type OverviewProps } from './overview-view.tsx';

// The submission overview (task list of forms and sections) and the two things done from it: the executive assigns
// a form to an officer; an officer says a form is done.

const notices: Record<string, string> = {
  saved: 'บันทึกแล้ว กลับมากรอกต่อได้ทุกเมื่อก่อนกำหนดส่ง',
  'form-complete': 'บันทึกครบทุกส่วนของแบบนี้แล้ว',
  assigned: 'มอบหมายแบบแล้ว',
  ready: 'แจ้งว่ากรอกแบบนี้เสร็จแล้ว',
  'division-ready': 'แจ้งสำนักงานว่ากลุ่มงานกรอกเสร็จแล้ว',
};

/** Internal deadlines that bind this office respondent (its province's, or every province's). */
export async function internalDeadlinesFor(deps: Pick<Deps, 'db'>, ctx: SubmissionContext): Promise<InternalDeadlineRow[]> {
  if (ctx.programme.respondents === 'lao') return [];
  return (await listInternalDeadlines(deps.db, ctx.round.id)).filter((d) => d.orgUnitId === null || ctx.unit.path.includes(`/${d.orgUnitId}/`));
}

export function overviewRoutes(deps: Deps) {
  const app = new Hono<AppEnv>();
  const base = '/rounds/:roundId/submissions/:orgUnitCode';

  const overview = async (c: Context<AppEnv>, failed?: OverviewProps['failed']) => {
    const page = await loadSubmissionPage(deps, c);
    const { ctx, perms, forms } = page;
    const locate = fieldLocator(ctx, forms);
    const changes = ctx.state === 'returned' ? [...changesSinceLastSent(ctx)].map(([key, [before, after]]) => {
      const [fieldKey, itemCode] = key.split('|') as [string, string?];
      const f = locate(fieldKey, itemCode ?? '');
      const show = (v: unknown) => (f.field ? displayFieldValue(f.field, v) : String(v ?? ''));
      return { label: f.label, before: show(before), after: show(after), href: f.href ?? '#' };
    }) : [];
    const done = c.req.query('done');
    const props: OverviewProps = {
      csrf: c.get('csrfToken'), now: deps.clock.now(), ctx, perms, forms,
      people: perms.canSubmit ? await listRespondentPeople(deps.db, ctx.unit) : [],
      internalDeadlines: await internalDeadlinesFor(deps, ctx),
      returnReason: ctx.state === 'returned' && ctx.submission ? (await lastReturnReason(deps.db, ctx.submission.id))?.reason ?? null : null,
      changes, fieldLabel: locate, notice: done ? notices[done] : undefined, failed,
      division: await loadDivisionStatus(deps, page.actor, ctx),
    };
    return renderPage(c, `${ctx.unit.nameTh} — ${ctx.round.title}`, <OverviewView {...props} />, failed ? 422 : 200);
  };

  app.get(base, requireActor, (c) => overview(c));

  app.post(`${base}/parts/:partCode/assign`, requireActor, async (c) => {
    const posted = await formBody(c);
    const partCode = c.req.param('partCode');
    const { roundId, orgUnitCode } = routeParams(c);
    try {
      await assignPart(deps, c.get('actor')!, { roundId, orgUnitCode, partCode, userId: posted.userId || null }, requestMeta(c));
    } catch (err) {
      if (err instanceof DomainError && err.code === 'invalid') return overview(c, { form: partCode, kind: 'assign', messages: [th[err.message as MessageKey] ?? 'เลือกผู้รับผิดชอบจากรายการของหน่วยงานท่าน'] });
      throw err;
    }
    return c.redirect(`${submissionPath(roundId, orgUnitCode)}?done=assigned#form-${encodeURIComponent(partCode)}`, 303);
  });

  app.post(`${base}/parts/:partCode/ready`, requireActor, async (c) => {
    const partCode = c.req.param('partCode');
    const { roundId, orgUnitCode } = routeParams(c);
    const page = await loadSubmissionPage(deps, c);
    const division = divisionKeyOfPart(partCode);
    if (!division && !page.forms.some((f) => f.form.code === partCode)) throw new DomainError('not_found', 'part_not_found');
    if (!page.perms.canEdit) throw new DomainError('forbidden', 'forbidden');
    if (!page.perms.editable) return overview(c, { form: partCode, kind: 'ready', messages: [page.ctx.entry.allowed ? 'ส่งข้อมูลแล้ว แก้ไขสถานะแบบไม่ได้' : page.ctx.entry.message] });
    const result = await markPartReady(deps, page.actor, { roundId, orgUnitCode, partCode }, requestMeta(c));
    if (!result.ok) return overview(c, { form: partCode, kind: 'ready', messages: ['ยังแจ้งว่าเสร็จไม่ได้ เพราะยังไม่ได้กรอก:', ...result.messages] });
    if (division) return c.redirect(`${submissionPath(roundId, orgUnitCode)}?done=division-ready#division-${encodeURIComponent(division)}`, 303);
    return c.redirect(`${submissionPath(roundId, orgUnitCode)}?done=ready#form-${encodeURIComponent(partCode)}`, 303);
  });
  return app;
}
