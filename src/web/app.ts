import { compress } from 'hono/compress';
import { HTTPException } from 'hono/http-exception';
import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import type { Deps } from '../deps.ts';
import type { AppEnv } from './context.ts';
import { assetRoutes } from './assets.ts';
import { handleError, renderNotFound } from './errors.tsx';
import { csrfProtection } from './middleware/csrf.ts';
import { requestContext } from './middleware/request-context.ts';
import { securityHeaders } from './middleware/security-headers.ts';
import { loadShedding } from './middleware/load-shedding.ts';
import { sessionActor } from './middleware/session.ts';
import { healthRoutes } from './routes/health/routes.ts';
import { homeRoutes } from './routes/home/routes.tsx';
import { signInRoutes } from './routes/sign-in/routes.tsx';
import { passwordRoutes } from './routes/password/routes.tsx';
import { accountRoutes } from './routes/account/routes.tsx';
import { userRoutes } from './routes/users/routes.tsx';
import { orgRoutes } from './routes/org/routes.tsx';
import { devRoutes } from './routes/dev/routes.tsx';
import { adminRegisterRoutes } from './routes/admin-register/routes.tsx';
import { apiRoutes } from './routes/api/routes.ts';
import { adminFrameworkRoutes } from './routes/admin-frameworks/routes.tsx';
import { adminFrameworkListRoutes } from './routes/admin-framework-lists/routes.tsx';
import { roundRoutes } from './routes/rounds/routes.tsx';
import { submissionRoutes } from './routes/submissions/routes.ts';
import { taskRoutes } from './routes/tasks/routes.tsx';
import { xlsxRoutes } from './routes/xlsx/routes.tsx';
import { evidenceRoutes } from './routes/evidence/routes.tsx';
import { resultsRoutes } from './routes/results/routes.tsx';
import { documentRoutes } from './routes/documents/routes.tsx';
import { publicResultsRoutes } from './routes/public-results/routes.tsx';
import { publicListRoutes } from './routes/public-list/routes.tsx';
import { notificationRoutes } from './routes/notifications/routes.tsx';
import { unreadNotificationCount } from './routes/notifications/unread-count.ts';
import { documentBatchRoutes } from './routes/document-batches/routes.tsx';
import { adminEmblemRoutes } from './routes/admin-emblem/routes.tsx';
import { quarterlyReportRoutes } from './routes/quarterly-report/routes.tsx';
import { rankingRoutes } from './routes/ranking/routes.tsx';
import { progressRoutes } from './routes/progress/routes.tsx';
import { publicPictureRoutes } from './routes/public-picture/routes.tsx';
import { nationalPictureRoutes } from './routes/national-picture/routes.tsx';
import { chaseRoutes } from './routes/chase/routes.tsx';
import { committeeRoutes } from './routes/committee/routes.tsx';
import { monitoringRoutes } from './routes/monitoring/routes.ts';
import { workshopRoutes } from './routes/workshops/routes.tsx';

export function createApp(deps: Deps) {
  const app = new Hono<AppEnv>();
  const devTools = deps.config.env !== 'production';

  app.use(requestContext(deps.logger, deps.metrics));
  app.use(loadShedding({ ...deps.config.loadShedding, retryAfterSeconds: 5 }, () => deps.metrics.shed()));
  app.use(securityHeaders());
  // Pages are compressed for slow lines (static assets come pre-compressed and are left alone).
  app.use(compress());
  app.use(async (c, next) => {
    c.set('ui', { sessionIdleMinutes: deps.config.sessionIdleMinutes, devTools });
    await next();
  });
  app.route('/', healthRoutes(deps));
  app.route('/', assetRoutes());
  app.use(bodyLimit({ maxSize: 25 * 1024 * 1024, onError: () => { throw new HTTPException(413); } }));
  app.route('/api', apiRoutes(deps));
  // Public results and the public list: before the CSRF cookie and the session, so the page is the same for everyone and cacheable.
  app.route('/', publicResultsRoutes(deps));
  app.route('/', publicListRoutes(deps));
  app.route('/', publicPictureRoutes(deps));

  app.use(csrfProtection({ publicUrl: deps.config.publicUrl, secureCookies: deps.config.publicUrl.startsWith('https://') }));
  app.use(sessionActor(deps));
  app.use(unreadNotificationCount(deps));
  app.route('/', homeRoutes(deps));
  app.route('/', notificationRoutes(deps));
  app.route('/', signInRoutes(deps));
  app.route('/', passwordRoutes(deps));
  app.route('/', accountRoutes(deps));
  app.route('/', userRoutes(deps));
  app.route('/', orgRoutes(deps));
  app.route('/', adminRegisterRoutes(deps));
  app.route('/', adminFrameworkRoutes(deps));
  app.route('/', adminFrameworkListRoutes(deps));
  app.route('/', adminEmblemRoutes(deps));
  app.route('/', taskRoutes(deps));
  app.route('/', submissionRoutes(deps)); // before roundRoutes: see submissions/routes.ts
  app.route('/', resultsRoutes(deps));
  app.route('/', documentRoutes(deps));
  app.route('/', quarterlyReportRoutes(deps));
  app.route('/', rankingRoutes(deps));
  app.route('/', documentBatchRoutes(deps));
  app.route('/', progressRoutes(deps));
  app.route('/', nationalPictureRoutes(deps));
  app.route('/', chaseRoutes(deps));
  app.route('/', committeeRoutes(deps));
  app.route('/', monitoringRoutes(deps));
  app.route('/', workshopRoutes(deps));
  app.route('/', roundRoutes(deps));
  app.route('/', xlsxRoutes(deps));
  app.route('/', evidenceRoutes(deps));
  if (devTools) app.route('/', devRoutes(deps));

  app.notFound(renderNotFound);
  app.onError(handleError);
  return app;
}

export type App = ReturnType<typeof createApp>;
