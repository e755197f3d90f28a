import { Hono, type Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { Deps } from '../../../deps.ts';
import { findRound } from '../../../db/queries/rounds.ts';
import { listRespondentsInReach } from '../../../db/queries/submission-pages.ts';
import { canManageProgrammes, hasRole, reachPaths } from '../../../domain/access/policies.ts';
import { DomainError } from '../../../domain/errors.ts';
import { computeIndicators, inputName } from '../../../domain/submission/check-section.ts';
import { canReviewFrom } from '../../../domain/submission/submission-state.ts';
import { addReviewComment, decideSubmission } from '../../../services/submissions/review-submission.ts';
import type { AppEnv } from '../../context.ts';
import { formBody } from '../../forms.ts';
import { requireActor } from '../../middleware/session.ts';
import { renderPage } from '../../render.tsx';
import { requestMeta } from '../../request-meta.ts';
import { loadSubmissionPage, routeParams, submissionPath } from './page-model.ts';
import { RespondentListView } from './respondents-view.tsx';
import { ReviewView } from './review-view.tsx';

// Review by the office above (district or provincial office; the programme owner for provincial offices), and the
// offices' list of the respondents in their reach with where each stands.

const notices: Record<string, string> = { comment: 'บันทึกความเห็นแล้ว', returned: 'ส่งกลับให้แก้ไขแล้ว หน่วยงานได้รับแจ้งในระบบ', accepted: 'รับรองข้อมูลแล้ว หน่วยงานได้รับแจ้งในระบบ' };
const pageSize = 50;
const reviewerRoles = ['district_office', 'province_office', 'committee_member'] as const;

export function reviewRoutes(deps: Deps) {
  const app = new Hono<AppEnv>();
  const base = '/rounds/:roundId/submissions/:orgUnitCode';

  app.get('/rounds/:roundId/submissions', requireActor, async (c) => {
    const actor = c.get('actor')!;
    const roundId = Number(c.req.param('roundId'));
    const round = Number.isSafeInteger(roundId) && roundId > 0 ? await findRound(deps.db, roundId) : undefined;
    if (!round) throw new DomainError('not_found', 'round_not_found');
    const all = canManageProgrammes(actor);
    if (!all && !hasRole(actor, ...reviewerRoles)) throw new DomainError('forbidden', 'forbidden');
    const pageNo = Math.max(1, Math.min(10_000, Number.parseInt(c.req.query('page') ?? '1', 10) || 1));
    const state = ['not_started', 'in_progress', 'awaiting_approval', 'submitted', 'returned', 'accepted'].find((s) => s === c.req.query('state'));
    const list = await listRespondentsInReach(deps.db, round.id, all ? null : reachPaths(actor, reviewerRoles), { limit: pageSize, offset: (pageNo - 1) * pageSize, state });
    return renderPage(c, `ผู้ตอบของ${round.title}`, <RespondentListView round={round} rows={list.rows} total={list.total} page={pageNo} pageSize={pageSize} state={state} />);
  });

  const review = async (c: Context<AppEnv>, form?: { errors: Record<string, string>; values: Record<string, string> }, status: ContentfulStatusCode = 200) => {
    const page = await loadSubmissionPage(deps, c);
    if (!page.perms.canReview) throw new DomainError('forbidden', 'forbidden');
    const { ctx } = page;
    const done = c.req.query('done');
    return renderPage(c, `ตรวจข้อมูล ${ctx.unit.nameTh}`, (
      <ReviewView csrf={c.get('csrfToken')} ctx={ctx} forms={page.forms} indicators={computeIndicators(ctx.version.doc, ctx.audience, ctx.answers)}
        canDecide={canReviewFrom(ctx.state)} errors={form?.errors ?? {}} values={form?.values ?? {}} notice={done ? notices[done] : undefined} />
    ), status);
  };

  app.get(`${base}/review`, requireActor, (c) => review(c));

  app.post(`${base}/comments`, requireActor, async (c) => {
    const posted = await formBody(c);
    const { roundId, orgUnitCode } = routeParams(c);
    const page = await loadSubmissionPage(deps, c);
    if (!page.perms.canReview) throw new DomainError('forbidden', 'forbidden');
    const fieldKey = posted.fieldKey ?? '';
    const itemCode = posted.itemCode ?? '';
    const body = (posted.body ?? '').trim();
    const name = inputName(fieldKey, itemCode);
    if (!canReviewFrom(page.ctx.state)) return review(c, { errors: { review: 'ให้ความเห็นได้เมื่อหน่วยงานส่งข้อมูลแล้วเท่านั้น' }, values: posted }, 409);
    if (!body || body.length > 2000) return review(c, { errors: { [`comment-${name}-body`]: body ? 'ความเห็นยาวเกิน 2,000 ตัวอักษร ตัดให้สั้นลง' : 'เขียนความเห็นก่อนบันทึก' }, values: posted }, 422);
    try {
      await addReviewComment(deps, page.actor, { roundId, orgUnitCode, fieldKey, itemCode, sectionCode: posted.sectionCode || null, body, returnsField: posted.returnsField === 'yes' }, requestMeta(c));
    } catch (err) {
      if (err instanceof DomainError && err.code === 'invalid') return review(c, { errors: { review: 'ไม่พบช่องข้อมูลนี้ในแบบ' }, values: posted }, 422);
      if (err instanceof DomainError && err.code === 'conflict') return review(c, { errors: { review: 'ให้ความเห็นได้เมื่อหน่วยงานส่งข้อมูลแล้วเท่านั้น' }, values: posted }, 409);
      throw err;
    }
    return c.redirect(`${submissionPath(roundId, orgUnitCode)}/review?done=comment#${encodeURIComponent(name)}`, 303);
  });

  app.post(`${base}/decision`, requireActor, async (c) => {
    const posted = await formBody(c);
    const { roundId, orgUnitCode } = routeParams(c);
    const page = await loadSubmissionPage(deps, c);
    if (!page.perms.canReview) throw new DomainError('forbidden', 'forbidden');
    const decision = posted.decision === 'accepted' ? 'accepted' : posted.decision === 'returned' ? 'returned' : null;
    const reason = (posted.reason ?? '').trim();
    if (!canReviewFrom(page.ctx.state)) return review(c, { errors: { review: 'ตัดสินผลได้เมื่อหน่วยงานส่งข้อมูลแล้วและยังไม่ได้ตัดสิน' }, values: posted }, 409);
    if (!decision) return review(c, { errors: { 'decision-reason': 'เลือกผลการตรวจ' }, values: posted }, 422);
    if (decision === 'returned' && (!reason || reason.length > 2000)) return review(c, { errors: { 'decision-reason': reason ? 'เหตุผลยาวเกิน 2,000 ตัวอักษร' : 'เขียนเหตุผลที่ส่งกลับให้แก้ไข' }, values: posted }, 422);
    try {
      await decideSubmission(deps, page.actor, { roundId, orgUnitCode, decision, reason: decision === 'returned' ? reason : null }, requestMeta(c));
    } catch (err) {
      if (err instanceof DomainError && err.code === 'invalid') return review(c, { errors: { 'decision-reason': 'ทำเครื่องหมาย "ขอให้แก้ไขช่องนี้" ในความเห็นอย่างน้อยหนึ่งช่องก่อนส่งกลับ' }, values: posted }, 422);
      if (err instanceof DomainError && err.code === 'conflict') return review(c, { errors: { review: 'สถานะของข้อมูลเปลี่ยนไประหว่างนี้ โหลดหน้าใหม่' }, values: posted }, 409);
      throw err;
    }
    return c.redirect(`${submissionPath(roundId, orgUnitCode)}/review?done=${decision}`, 303);
  });
  return app;
}
