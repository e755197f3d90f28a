import { Hono } from 'hono';
import type { Deps } from '../../../deps.ts';
import type { AppEnv } from '../../context.ts';
import { dlaRoutes } from './dla-routes.tsx';
import { reportRoutes } from './report-routes.tsx';

// DLA's quarterly monitoring: the owners' pages first (their /rounds/:roundId/monitoring/summary must be matched
// before a province's /rounds/:roundId/monitoring/:provinceCode), then a province's report for its committee.
export function monitoringRoutes(deps: Deps) {
  const app = new Hono<AppEnv>();
  app.route('/', dlaRoutes(deps));
  app.route('/', reportRoutes(deps));
  return app;
}
