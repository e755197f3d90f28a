import { Hono, type Context } from 'hono';
import type { Deps } from '../../../deps.ts';
import { renderPictureReportPdf } from '../../../documents/charts/index.ts';
import { pictureReach } from '../../../domain/access/policies.ts';
import { loadNationalPicture, type NationalPicture } from '../../../services/national-picture/load-national-picture.ts';
import { pictureCharts } from '../../../services/national-picture/picture-charts.ts';
import { buildPictureReport } from '../../../services/national-picture/picture-report.ts';
import type { AppEnv } from '../../context.ts';
import { requireActor } from '../../middleware/session.ts';
import { renderPage } from '../../render.tsx';
import { roundIdParam } from '../rounds/page-model.ts';
import { parsePictureQuery } from './schema.ts';
import { pictureHref, PictureView, type PictureQuery } from './view.tsx';

// The picture of a round for the offices and owners who follow it, live until it is published: the nation for
// owners and committee members for the country, their own province (or district) for the offices — a province
// outside their reach is refused (403). LAO people are refused too: theirs is the public picture once published.

export const picturePath = (roundId: number) => `/rounds/${roundId}/picture`;

/** The provinces the filter offers: every respondent province for the nation's viewers, else the asker's own. */
function provinceChoices(c: Context<AppEnv>, picture: NationalPicture): { code: string; name: string }[] | null {
  const reach = pictureReach(c.get('actor')!);
  if (!reach) return null;
  if (reach.nation) return picture.facets.provinces;
  const own = new Set([...reach.provinces, ...reach.districts.map((d) => d.slice(0, 2))]);
  const choices = picture.facets.provinces.filter((p) => own.has(p.code));
  return choices.length > 1 ? choices : null;
}

async function load(deps: Deps, c: Context<AppEnv>): Promise<{ picture: NationalPicture; query: PictureQuery }> {
  const roundId = roundIdParam(c.req.param('roundId'));
  const query = parsePictureQuery(c.req.query());
  const picture = await loadNationalPicture(deps, c.get('actor')!, { roundId, laoType: query.type, provinceCode: query.province });
  return { picture, query: { ...query, province: picture.provinceCode } };
}

export function nationalPictureRoutes(deps: Deps) {
  const app = new Hono<AppEnv>();

  app.get('/rounds/:roundId/picture', requireActor, async (c) => {
    const { picture, query } = await load(deps, c);
    const base = picturePath(picture.round.id);
    const charts = pictureCharts(picture, query.measure);
    const pdf = pictureHref(`${base}.pdf`, query);
    const links = (
      <ul class="picture-link-list">
        <li><a href={pdf}>พิมพ์รายงาน (PDF)</a></li>
        {picture.round.state === 'published' ? <li><a href={pictureHref(`/public/rounds/${picture.round.id}/picture`, query)}>หน้านี้สำหรับประชาชน และข้อมูลเปิด</a></li> : null}
      </ul>
    );
    const breadcrumbs = (
      <nav class="breadcrumbs" aria-label="เส้นทาง"><ol>
        <li><a href="/rounds">รอบการประเมิน</a></li><li><a href={`/rounds/${picture.round.id}`}>{picture.round.title}</a></li><li aria-current="page">ภาพรวมผลการประเมิน</li>
      </ol></nav>
    );
    return renderPage(c, `ภาพรวมผลการประเมิน ${picture.scopeName} — ${picture.round.title}`, (
      <PictureView picture={picture} charts={charts} query={query} base={base} provinces={provinceChoices(c, picture)} links={links} breadcrumbs={breadcrumbs} publicView={false} now={deps.clock.now()} />
    ), 200, { wide: true });
  });

  app.get('/rounds/:roundId/picture.pdf', requireActor, async (c) => {
    const { picture, query } = await load(deps, c);
    const pdf = await renderPictureReportPdf(buildPictureReport(picture, query.measure, deps.clock.now()));
    return c.body(new Uint8Array(pdf), 200, {
      'Content-Type': 'application/pdf',
      'Content-Disposition': `attachment; filename="picture-${picture.round.id}${picture.provinceCode ? `-${picture.provinceCode}` : ''}.pdf"`,
      'Cache-Control': 'private, no-store',
    });
  });
  return app;
}
