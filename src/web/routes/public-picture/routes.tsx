import crypto from 'node:crypto';
import { Hono, type Context } from 'hono';
import type { Child } from 'hono/jsx';
import type { Deps } from '../../../deps.ts';
import { renderPictureReportPdf } from '../../../documents/charts/index.ts';
import { loadPublicPicture } from '../../../services/national-picture/load-national-picture.ts';
import { findPublishedRound, loadOpenData } from '../../../services/national-picture/open-data.ts';
import { indicatorList, openDataCsv, openDataJson, openDataXlsx } from '../../../services/national-picture/open-data-files.ts';
import { pictureCharts } from '../../../services/national-picture/picture-charts.ts';
import { buildPictureReport } from '../../../services/national-picture/picture-report.ts';
import { assetUrl } from '../../assets.ts';
import { Layout } from '../../components/layout.tsx';
import type { AppEnv } from '../../context.ts';
import { pageContext } from '../../render.tsx';
import { parsePictureQuery } from '../national-picture/schema.ts';
import { pictureHref, PictureView } from '../national-picture/view.tsx';
import { roundIdParam } from '../rounds/page-model.ts';
import { DataDictionaryView } from './dictionary-view.tsx';

// The picture of a published round and its open data, for everyone without signing in — before publication none of
// it exists (404, never a hint). Mounted before the CSRF cookie and the session (like public results): nothing here
// reads a session or sets a cookie, so every response is the same for everyone. A published round never changes,
// so shared caches may keep pages for five minutes and the files for a day; the ETag (round, publication instant,
// filter, file format version) lets them revalidate for nothing.

const pageMaxAge = 300;
const fileMaxAge = 86_400;
/** Raise when the files' columns or layout change, so caches let go of the old ones. */
const fileFormatVersion = 1;

export const publicPicturePath = (roundId: number) => `/public/rounds/${roundId}/picture`;

function etagOf(parts: unknown[]): string {
  return `W/"${crypto.createHash('sha256').update(JSON.stringify(parts)).digest('base64url').slice(0, 27)}"`;
}

/** Caching headers; a 304 when the client already holds this version. */
function cached(c: Context<AppEnv>, etag: string, maxAge: number): Response | null {
  c.header('Cache-Control', `public, max-age=${maxAge}`);
  c.header('ETag', etag);
  const held = (c.req.header('if-none-match') ?? '').split(',').map((t) => t.trim().replace(/^W\//, ''));
  return held.includes(etag.replace(/^W\//, '')) ? c.body(null, 304) : null;
}

export function publicPictureRoutes(deps: Deps) {
  const app = new Hono<AppEnv>();
  const shell = (c: Context<AppEnv>, title: string, body: Child) =>
    c.html(<Layout title={title} ctx={{ ...pageContext(c), actor: null, csrfToken: '', unreadNotifications: undefined }} wide>{body}</Layout>);

  app.get('/public/rounds/:roundId/picture', async (c) => {
    const roundId = roundIdParam(c.req.param('roundId'));
    const query = parsePictureQuery(c.req.query());
    const picture = await loadPublicPicture(deps, { roundId, laoType: query.type, provinceCode: query.province });
    const held = cached(c, etagOf([roundId, picture.round.publishedAt?.getTime(), query, assetUrl('app.css')]), pageMaxAge);
    if (held) return held;
    const base = publicPicturePath(roundId);
    const data = `/public/rounds/${roundId}`;
    const links = (
      <>
        <ul class="picture-link-list">
          <li><a href={pictureHref(`${base}.pdf`, query)}>พิมพ์รายงาน (PDF)</a></li>
          <li><a href={`/public/rounds/${roundId}/respondents`}>รายชื่อหน่วยงานที่ส่งข้อมูลแล้ว</a></li>
        </ul>
        <h2 class="picture-data-title">ข้อมูลเปิด (ทุกหน่วย × ทุกตัวชี้วัด)</h2>
        <ul class="picture-link-list">
          <li><a href={`${data}/data.csv`} download>CSV</a></li>
          <li><a href={`${data}/data.xlsx`} download>Excel (XLSX)</a></li>
          <li><a href={`${data}/data.json`} download>JSON</a></li>
          <li><a href={`${data}/data-dictionary`}>คำอธิบายข้อมูลและสัญญาอนุญาต</a></li>
        </ul>
      </>
    );
    return shell(c, `ภาพรวมผลการประเมิน ${picture.scopeName} — ${picture.round.title}`, (
      <PictureView picture={picture} charts={pictureCharts(picture, query.measure)} query={query} base={base} provinces={picture.facets.provinces} links={links} publicView now={deps.clock.now()} />
    ));
  });

  app.get('/public/rounds/:roundId/picture.pdf', async (c) => {
    const roundId = roundIdParam(c.req.param('roundId'));
    const query = parsePictureQuery(c.req.query());
    const picture = await loadPublicPicture(deps, { roundId, laoType: query.type, provinceCode: query.province });
    const held = cached(c, etagOf(['pdf', roundId, picture.round.publishedAt?.getTime(), query]), fileMaxAge);
    if (held) return held;
    const pdf = await renderPictureReportPdf(buildPictureReport(picture, query.measure, deps.clock.now()));
    return c.body(new Uint8Array(pdf), 200, {
      'Content-Type': 'application/pdf',
      'Content-Disposition': `attachment; filename="picture-${roundId}${query.province ? `-${query.province}` : ''}.pdf"`,
    });
  });

  const files = {
    csv: { type: 'text/csv; charset=utf-8', make: openDataCsv },
    json: { type: 'application/json; charset=utf-8', make: openDataJson },
    xlsx: { type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', make: openDataXlsx },
  } as const;
  for (const [ext, file] of Object.entries(files)) {
    app.get(`/public/rounds/:roundId/data.${ext}`, async (c) => {
      const roundId = roundIdParam(c.req.param('roundId'));
      const round = await findPublishedRound(deps, roundId);
      const held = cached(c, etagOf([ext, roundId, round.publishedAt?.getTime(), fileFormatVersion]), fileMaxAge);
      if (held) return held;
      const source = await loadOpenData(deps, roundId);
      return c.body(file.make(deps, source), 200, {
        'Content-Type': file.type,
        'Content-Disposition': `attachment; filename="matrathan-round-${roundId}.${ext}"`,
      });
    });
  }

  app.get('/public/rounds/:roundId/data-dictionary', async (c) => {
    const roundId = roundIdParam(c.req.param('roundId'));
    const round = await findPublishedRound(deps, roundId);
    const held = cached(c, etagOf(['dictionary', roundId, round.publishedAt?.getTime(), fileFormatVersion, assetUrl('app.css')]), pageMaxAge);
    if (held) return held;
    const source = await loadOpenData(deps, roundId, { respondents: false });
    return shell(c, `คำอธิบายข้อมูลเปิด — ${source.round.title}`, <DataDictionaryView source={source} indicators={indicatorList(source)} />);
  });
  return app;
}
