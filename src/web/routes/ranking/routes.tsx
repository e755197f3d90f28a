import { Hono, type Context } from 'hono';
import type { Deps } from '../../../deps.ts';
import { docxContentType, pdfContentType } from '../../../documents/index.ts';
import { renderRankingDocx, renderRankingPdf } from '../../../documents/ranking.ts';
import { loadDocumentEmblem } from '../../../services/documents/emblem.ts';
import { buildRankingReport, rankingTitle } from '../../../services/outstanding/build-ranking-report.ts';
import { rankDistrictOffices, rankProvinceOffices, type OfficeRanking } from '../../../services/outstanding/rank-offices.ts';
import type { AppEnv } from '../../context.ts';
import { requireActor } from '../../middleware/session.ts';
import { renderPage } from '../../render.tsx';
import { roundIdParam } from '../rounds/page-model.ts';
import { parseRankingQuery } from './schema.ts';
import { RankingView } from './view.tsx';

// GET /rounds/:roundId/ranking — DLA's ranking of provinces in the outstanding provincial-office selection (the
// programme owners; committee members for the whole country may read it). GET /rounds/:roundId/provinces/:code/
// district-ranking — a province's ranking of its district offices (its provincial office, the owners). Each with
// the reasons behind every score; ?format=pdf|docx gives the report (digits=thai for Thai digits).

export const rankingPath = (roundId: number) => `/rounds/${roundId}/ranking`;
export const districtRankingPath = (roundId: number, provinceCode: string) => `/rounds/${roundId}/provinces/${encodeURIComponent(provinceCode)}/district-ranking`;

export function rankingRoutes(deps: Deps) {
  const app = new Hono<AppEnv>();

  const respond = async (c: Context<AppEnv>, ranking: OfficeRanking, path: string) => {
    const query = parseRankingQuery(c.req.query());
    const now = deps.clock.now();
    if (query.format === 'html') {
      return renderPage(c, `${rankingTitle(ranking)} — ${ranking.round.title}`, <RankingView r={ranking} path={path} now={now} />, 200, { wide: true });
    }
    const doc = buildRankingReport(ranking, { asOf: now, thaiDigits: query.digits === 'thai', emblem: await loadDocumentEmblem(deps) });
    const pdf = query.format === 'pdf';
    const bytes = pdf ? await renderRankingPdf(doc) : await renderRankingDocx(doc);
    const name = `ranking-${ranking.province ? `${ranking.province.code}-` : ''}${ranking.round.id}.${pdf ? 'pdf' : 'docx'}`;
    return c.body(new Uint8Array(bytes), 200, {
      'Content-Type': pdf ? pdfContentType : docxContentType, 'Content-Disposition': `attachment; filename="${name}"`, 'Cache-Control': 'private, no-store',
    });
  };

  app.get('/rounds/:roundId/ranking', requireActor, async (c) => {
    const roundId = roundIdParam(c.req.param('roundId'));
    return respond(c, await rankProvinceOffices(deps, c.get('actor')!, roundId), rankingPath(roundId));
  });

  app.get('/rounds/:roundId/provinces/:provinceCode/district-ranking', requireActor, async (c) => {
    const roundId = roundIdParam(c.req.param('roundId'));
    const provinceCode = c.req.param('provinceCode') ?? '';
    return respond(c, await rankDistrictOffices(deps, c.get('actor')!, roundId, provinceCode), districtRankingPath(roundId, provinceCode));
  });
  return app;
}
