import { Hono } from 'hono';
import type { Deps } from '../../../deps.ts';
import type { AppEnv } from '../../context.ts';
import { checkRoutes } from './check-routes.tsx';
import { overviewRoutes } from './overview-routes.tsx';
import { reviewRoutes } from './review-routes.tsx';
import { sectionRoutes } from './section-routes.tsx';

// A respondent's submission in a round: overview (task list), one page per section, check answers and send, review.
// Mounted before the round pages: their `/rounds/*` sign-in guard would otherwise answer a section posted after the
// session expired before it can be kept (see stash.ts).
export function submissionRoutes(deps: Deps) {
  const app = new Hono<AppEnv>();
  app.route('/', sectionRoutes(deps));
  app.route('/', overviewRoutes(deps));
  app.route('/', checkRoutes(deps));
  app.route('/', reviewRoutes(deps));
  return app;
}
