import { Hono, type Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { Deps } from '../../../deps.ts';
import { DomainError } from '../../../domain/errors.ts';
import { isRespondentMember } from '../../../domain/submission/submission-policy.ts';
import { loadResults } from '../../../services/results/load-results.ts';
import { saveImprovementPlan } from '../../../services/results/save-improvement-plan.ts';
import type { AppEnv } from '../../context.ts';
import { formBody } from '../../forms.ts';
import { requireActor } from '../../middleware/session.ts';
import { renderPage } from '../../render.tsx';
import { requestMeta } from '../../request-meta.ts';
import { routeParams } from '../submissions/page-model.ts';
import { publicResultsPath } from '../public-results/paths.ts';
import type { PlanFailure } from './plan-view.tsx';
import { parsePlanForm } from './plan-schema.ts';
import { ResultsPage, resultsPath } from './results-view.tsx';

// A respondent's results (anyone who may see the submission) and its improvement plan (its own people edit it).

const notices: Record<string, string> = { plan: 'บันทึกแผนพัฒนาแล้ว' };

export function resultsRoutes(deps: Deps) {
  const app = new Hono<AppEnv>();
  const base = '/rounds/:roundId/submissions/:orgUnitCode/results';

  const page = async (c: Context<AppEnv>, failed?: PlanFailure, status: ContentfulStatusCode = 200) => {
    const actor = c.get('actor')!;
    const view = await loadResults(deps, actor, routeParams(c));
    const { ctx } = view;
    const publicLink = ctx.round.state === 'published'
      ? { url: `${deps.config.publicUrl}${publicResultsPath(ctx.round.id, ctx.unit.code)}`, qrPath: `${publicResultsPath(ctx.round.id, ctx.unit.code)}/qr.svg` }
      : null;
    const done = c.req.query('done');
    return renderPage(c, `ผลการประเมิน — ${ctx.unit.nameTh}`, (
      <ResultsPage view={view} csrf={c.get('csrfToken')} canEditPlan={isRespondentMember(actor, ctx.unit) && Boolean(ctx.submission)} publicLink={publicLink}
        notice={done ? notices[done] : undefined} failed={failed} />
    ), status, { wide: true });
  };

  app.get(base, requireActor, (c) => page(c));

  app.post(`${base}/plans/:indicatorCode`, requireActor, async (c) => {
    const actor = c.get('actor')!;
    const { roundId, orgUnitCode } = routeParams(c);
    const indicatorCode = c.req.param('indicatorCode');
    const posted = await formBody(c);
    // Who may write comes before what was written: others get 403 whatever they send.
    const view = await loadResults(deps, actor, { roundId, orgUnitCode }, { peers: false, lastYear: false });
    if (!isRespondentMember(actor, view.ctx.unit)) throw new DomainError('forbidden', 'forbidden');
    const row = view.rows.find((r) => r.indicator.code === indicatorCode);
    if (!row) throw new DomainError('not_found', 'indicator_not_found');
    const parsed = parsePlanForm(posted);
    if (!parsed.ok) return page(c, { code: indicatorCode, errors: parsed.errors, values: parsed.values }, 422);
    const r = await saveImprovementPlan(deps, actor, { roundId, orgUnitCode, indicatorCode, version: parsed.version, plan: parsed.plan }, requestMeta(c));
    if (r.ok) return c.redirect(`${resultsPath(roundId, orgUnitCode)}?done=plan#plan-${encodeURIComponent(indicatorCode)}`, 303);
    const values = Object.fromEntries(Object.entries(posted).filter(([k]) => k !== '_csrf'));
    if (r.reason === 'conflict') return page(c, { code: indicatorCode, errors: {}, values, conflict: { current: r.current } }, 409);
    return page(c, { code: indicatorCode, errors: { form: 'ตัวชี้วัดนี้ไม่ต้องทำแผนพัฒนา เพราะผลไม่ใช่ "การพัฒนาในอนาคต" หรือ "ไม่ได้ดำเนินการ"' }, values }, 422);
  });
  return app;
}
