import crypto from 'node:crypto';
import { Hono, type Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { Deps } from '../../../deps.ts';
import { DomainError } from '../../../domain/errors.ts';
import { computeIndicators } from '../../../domain/submission/check-section.ts';
import { findGaps } from '../../../services/submissions/check-completeness.ts';
import { submitSubmission } from '../../../services/submissions/submit-submission.ts';
import type { AppEnv } from '../../context.ts';
import { formBody } from '../../forms.ts';
import { requireActor } from '../../middleware/session.ts';
import { renderPage } from '../../render.tsx';
import { requestMeta } from '../../request-meta.ts';
import { evidenceBlockId } from '../evidence/component.tsx';
import { homeSectionOf, loadSubmissionPage, routeParams, sectionPath, submissionPath } from './page-model.ts';
import { CheckView, SubmittedView } from './check-view.tsx';

// Check answers, send, and the confirmation after sending.

const idempotencyKeyPattern = /^[A-Za-z0-9-]{16,64}$/;

export function checkRoutes(deps: Deps) {
  const app = new Hono<AppEnv>();
  const base = '/rounds/:roundId/submissions/:orgUnitCode';

  const check = async (c: Context<AppEnv>, message?: string, status: ContentfulStatusCode = 200) => {
    const page = await loadSubmissionPage(deps, c);
    const { ctx, forms } = page;
    const gaps = (await findGaps(deps.db, ctx)).map((g) => {
      if (g.kind === 'missing_value' && g.sectionCode) return { ...g, href: `${sectionPath(ctx.round.id, ctx.unit.code, g.sectionCode)}#${g.name}` };
      const code = g.name.replace(/^evidence-/, '');
      const indicator = ctx.version.doc.areas.flatMap((a) => [...(a.indicators ?? []), ...(a.missions ?? []).flatMap((m) => m.indicators)]).find((i) => i.code === code);
      const home = indicator ? homeSectionOf(ctx, forms, indicator) : undefined;
      return { ...g, href: home ? `${sectionPath(ctx.round.id, ctx.unit.code, home.section.code)}#${evidenceBlockId({ indicatorCode: code })}` : submissionPath(ctx.round.id, ctx.unit.code) };
    });
    const props = { csrf: c.get('csrfToken'), ctx, perms: page.perms, forms, gaps, indicators: computeIndicators(ctx.version.doc, ctx.audience, ctx.answers), idempotencyKey: crypto.randomUUID(), message };
    return renderPage(c, 'ตรวจคำตอบก่อนส่ง', <CheckView {...props} />, status);
  };

  app.get(`${base}/check`, requireActor, (c) => check(c));

  app.post(`${base}/submit`, requireActor, async (c) => {
    const posted = await formBody(c);
    const { roundId, orgUnitCode } = routeParams(c);
    const key = posted.idempotencyKey && idempotencyKeyPattern.test(posted.idempotencyKey) ? posted.idempotencyKey : undefined;
    try {
      const result = await submitSubmission(deps, c.get('actor')!, { roundId, orgUnitCode, idempotencyKey: key }, requestMeta(c));
      if (result.ok) return c.redirect(`${submissionPath(roundId, orgUnitCode)}/submitted`, 303);
      if (result.reason === 'incomplete') return check(c, 'ยังส่งไม่ได้ เพราะยังขาดข้อมูลหรือหลักฐานตามรายการด้านล่าง', 422);
      return check(c, result.message, 409);
    } catch (err) {
      if (err instanceof DomainError && err.code === 'conflict') return check(c, 'สถานะของข้อมูลเปลี่ยนไประหว่างนี้ ตรวจอีกครั้งแล้วส่งใหม่', 409);
      throw err;
    }
  });

  app.get(`${base}/submitted`, requireActor, async (c) => {
    const page = await loadSubmissionPage(deps, c);
    const { ctx } = page;
    if (ctx.state !== 'submitted' && ctx.state !== 'accepted') return c.redirect(submissionPath(ctx.round.id, ctx.unit.code), 303);
    return renderPage(c, 'ส่งข้อมูลแล้ว', <SubmittedView ctx={ctx} />);
  });
  return app;
}
