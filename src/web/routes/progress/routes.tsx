import { Hono, type Context } from 'hono';
import type { Deps } from '../../../deps.ts';
import { listPlaces } from '../../../db/queries/progress.ts';
import { findRound } from '../../../db/queries/rounds.ts';
import { DomainError } from '../../../domain/errors.ts';
import { laoTypes, type LaoType } from '../../../domain/org/lao-type.ts';
import { progressReaches, type ProgressPurpose } from '../../../domain/progress/progress-scope.ts';
import { listProgressRespondents } from '../../../services/progress/list-progress-respondents.ts';
import { loadProgress } from '../../../services/progress/load-progress.ts';
import { progressWorkbook } from '../../../services/progress/progress-workbook.ts';
import type { AppEnv } from '../../context.ts';
import { requireActor } from '../../middleware/session.ts';
import { renderPage } from '../../render.tsx';
import { roundIdParam } from '../rounds/page-model.ts';
import { Breadcrumbs } from '../submissions/shared-view.tsx';
import { FilterForm } from './parts.tsx';
import { RespondentsView } from './respondents-view.tsx';
import { parseProgressParams, type pageParams } from './schema.ts';
import { progressBase, ProgressView } from './view.tsx';

// A round's progress: the dashboard (nation, province or district, as the actor's reach allows), the respondents
// behind each figure, and both as a spreadsheet. GET only: the filters are links and a GET form.

export function progressRoutes(deps: Deps) {
  const app = new Hono<AppEnv>();

  /** The round, after the actor's right to follow it at all (404 before 403: a round id says nothing). */
  const start = async (c: Context<AppEnv>, purpose: ProgressPurpose) => {
    const round = await findRound(deps.db, roundIdParam(c.req.param('roundId')));
    if (!round) throw new DomainError('not_found', 'round_not_found');
    if (!progressReaches(c.get('actor')!, purpose).length) throw new DomainError('forbidden', 'progress');
    return round;
  };

  /** The filters again with the Thai message at each wrong one; nothing counted. */
  const invalid = async (c: Context<AppEnv>, round: { id: number; title: string; laoTypes: string[] | null }, page: keyof typeof pageParams, errors: Record<string, string>, values: Record<string, string>) => {
    const actor = c.get('actor')!;
    const reaches = progressReaches(actor, page === 'respondents' ? 'respondents' : 'summary');
    const nation = reaches.some((r) => r.level === 'nation');
    const provinces = await listPlaces(deps.db, { kind: 'province' });
    const provinceChoices = nation ? provinces : provinces.filter((p) => reaches.some((r) => r.level !== 'nation' && r.provinceCode === p.code));
    const base = progressBase(round.id);
    const types = (round.laoTypes ?? laoTypes) as LaoType[];
    return renderPage(c, 'ตัวเลือกไม่ถูกต้อง', (
      <>
        <Breadcrumbs items={[{ href: '/rounds', label: 'รอบการประเมิน' }, { href: `/rounds/${round.id}`, label: round.title }, { href: base, label: 'ความก้าวหน้า' }]} />
        <h1>{page === 'respondents' ? 'รายชื่อหน่วยที่ต้องส่งข้อมูล' : 'ความก้าวหน้าการส่งข้อมูล'}</h1>
        <FilterForm action={page === 'respondents' ? `${base}/respondents` : base} provinceChoices={provinceChoices} districtChoices={[]} nation={nation}
          laoTypes={types} values={values} errors={errors} list={page === 'respondents'} />
      </>
    ), 422);
  };

  app.get('/rounds/:roundId/progress', requireActor, async (c) => {
    const round = await start(c, 'summary');
    const parsed = parseProgressParams(c.req.query(), 'summary');
    if (!parsed.ok) return invalid(c, round, 'summary', parsed.errors, parsed.raw);
    const result = await loadProgress(deps, c.get('actor')!, { roundId: round.id, ...parsed.params });
    if (!result.ok) return invalid(c, round, 'summary', result.errors, parsed.raw);
    return renderPage(c, `ความก้าวหน้า: ${round.title}`, <ProgressView summary={result.summary} values={parsed.raw} />, 200, { wide: true });
  });

  app.get('/rounds/:roundId/progress/respondents', requireActor, async (c) => {
    const round = await start(c, 'respondents');
    const parsed = parseProgressParams(c.req.query(), 'respondents');
    if (!parsed.ok) return invalid(c, round, 'respondents', parsed.errors, parsed.raw);
    const result = await listProgressRespondents(deps, c.get('actor')!, { roundId: round.id, ...parsed.params });
    if (!result.ok) return invalid(c, round, 'respondents', result.errors, parsed.raw);
    return renderPage(c, `รายชื่อหน่วย: ${round.title}`, <RespondentsView list={result.list} values={parsed.raw} />, 200, { wide: true });
  });

  app.get('/rounds/:roundId/progress.xlsx', requireActor, async (c) => {
    const round = await start(c, 'summary');
    const parsed = parseProgressParams(c.req.query(), 'xlsx');
    if (!parsed.ok) return invalid(c, round, 'summary', parsed.errors, parsed.raw);
    const actor = c.get('actor')!;
    const query = { roundId: round.id, ...parsed.params };
    const summary = await loadProgress(deps, actor, query);
    if (!summary.ok) return invalid(c, round, 'summary', summary.errors, parsed.raw);
    // the respondent sheet only for those who may see names and e-mail addresses
    const list = summary.summary.ctx.seesRespondents ? await listProgressRespondents(deps, actor, { ...query, page: 'all' }) : null;
    const bytes = await progressWorkbook(summary.summary, list?.ok ? list.list : null);
    const place = [parsed.params.districtCode ?? parsed.params.provinceCode ?? 'all', parsed.params.laoType].filter(Boolean).join('-');
    return c.body(new Uint8Array(bytes), 200, {
      'Content-Type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      'Content-Disposition': `attachment; filename="progress-${round.id}-${place}.xlsx"`,
      'Cache-Control': 'private, no-store',
    });
  });
  return app;
}
