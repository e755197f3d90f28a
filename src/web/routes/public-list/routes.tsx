import { Hono } from 'hono';
import type { Child } from 'hono/jsx';
import type { Deps } from '../../../deps.ts';
import { findProgrammeById } from '../../../db/queries/frameworks.ts';
import { countCompletedByRound, publicListFreshness } from '../../../db/queries/public-list.ts';
import { findRound, listRounds } from '../../../db/queries/rounds.ts';
import { DomainError } from '../../../domain/errors.ts';
import { Layout } from '../../components/layout.tsx';
import type { AppEnv } from '../../context.ts';
import { pageContext } from '../../render.tsx';
import { createRenderCache } from '../../render-cache.ts';
import { roundIdParam } from '../rounds/page-model.ts';
import { maxAgeSeconds, notModified, weakEtag } from './cache.ts';
import { PublicRoundsView } from './index-view.tsx';
import { completedStates, loadPublicList } from './model.ts';
import { parseListQuery } from './query.ts';
import { PublicListView, publicListTitle } from './view.tsx';

// Who has completed entry, for everyone without signing in. Mounted before the CSRF cookie and the session (like
// public results): no cookie is set and no one's session is read, so the page is the same for everyone and
// cacheable. A draft round's respondents are not fixed yet: its list does not exist (404). With no shared cache in
// front, the app keeps each rendered list by its ETag: near a deadline thousands read the same province's list, and
// it is rendered again only when someone sends (the tag changes) — still exact, never a minute stale.

export function publicListRoutes(deps: Deps) {
  const app = new Hono<AppEnv>();
  const layout = (c: Parameters<typeof pageContext>[0], title: string, body: Child) =>
    <Layout title={title} ctx={{ ...pageContext(c), actor: null, csrfToken: '', unreadNotifications: undefined }}>{body}</Layout>;
  const shell = (c: Parameters<typeof pageContext>[0], title: string, body: Child) => c.html(layout(c, title, body));
  const rendered = createRenderCache();

  app.get('/public/rounds', async (c) => {
    const listed = await listRounds(deps.db, { states: ['open', 'closed', 'published'] });
    const counts = await countCompletedByRound(deps.db, listed.map((r) => r.id), completedStates);
    const rounds = listed.map((r) => ({ ...r, completed: counts.get(r.id)?.completed ?? 0, latest: counts.get(r.id)?.latest ?? null }));
    const etag = weakEtag(rounds.map((r) => [r.id, r.state, r.title, r.respondentCount, r.completed, r.latest?.getTime() ?? null]));
    const held = notModified(c, etag, Math.min(...rounds.map((r) => maxAgeSeconds(r.state)), 300));
    if (held) return held;
    return shell(c, 'การส่งข้อมูลของแต่ละรอบ', <PublicRoundsView rounds={rounds} />);
  });

  app.get('/public/rounds/:roundId/respondents', async (c) => {
    const round = await findRound(deps.db, roundIdParam(c.req.param('roundId')));
    if (!round || round.state === 'draft') throw new DomainError('not_found', 'round_not_found');
    const { query, problems } = parseListQuery(c.req.query());
    const fresh = await publicListFreshness(deps.db, round.id, completedStates);
    const etag = weakEtag([round.id, round.state, round.title, fresh.completed, fresh.latest?.getTime() ?? null, query, problems]);
    const maxAge = maxAgeSeconds(round.state);
    const held = notModified(c, etag, maxAge);
    if (held) return held;
    const key = `${etag} ${c.req.url}`;
    const kept = rendered.get(key);
    if (kept !== undefined) return c.html(kept);
    const [page, programme] = await Promise.all([loadPublicList(deps, round, query, problems, fresh.latest), findProgrammeById(deps.db, round.programmeId)]);
    const html = await layout(c, `${publicListTitle} — ${round.title}`, <PublicListView page={page} programmeTitle={programme?.title ?? ''} freshMinutes={maxAge / 60} />).toString();
    rendered.set(key, html);
    return c.html(html);
  });
  return app;
}
