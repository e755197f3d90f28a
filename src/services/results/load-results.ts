import type { Deps } from '../../deps.ts';
import { listImprovementPlans, type ImprovementPlanRow } from '../../db/queries/improvement-plans.ts';
import { findOrgUnitByAnyCode } from '../../db/queries/org-units.ts';
import { peerValues } from '../../db/queries/results.ts';
import type { Actor } from '../../domain/access/actor.ts';
import type { FrameworkDocument, Indicator } from '../../domain/framework/framework-schema.ts';
import { isExampleTarget, resolveText, visibleIndicators } from '../../domain/framework/framework-view.ts';
import { spreadOf, type Spread } from '../../domain/results/quantiles.ts';
import { scoreSubmission, type IndicatorResult, type ResultsSummary, type ResultState } from '../../domain/results/score-indicator.ts';
import { loadFrameworkVersion } from '../framework/load-framework-version.ts';
import { loadSubmissionContext, type SubmissionContext } from '../submissions/load-submission.ts';

// What a results page shows about one respondent in one round, laid out as ODLOC's public report: areas →
// missions → indicators, each with its result and why, last year's result where the indicator maps to one of the
// previous framework version (`indicator.previous`), how similar respondents did (same LAO type, in the province
// and in the nation: quartiles of their stored results), and the improvement plan of those that need development.

/** States that call for an improvement plan (แผนพัฒนา). */
export const planStates: readonly ResultState[] = ['needs_development', 'not_done'];

export type LastYearResult = { roundTitle: string; code: string; title: string; result: IndicatorResult };
export type Peers = { province: Spread | null; nation: Spread | null };

export type ResultRow = {
  indicator: Indicator;
  title: string;
  exampleTarget: boolean;
  result: IndicatorResult;
  lastYear: LastYearResult | null;
  peers: Peers | null;
  plan: ImprovementPlanRow | null;
  needsPlan: boolean;
};

export type ResultGroup = { areaCode: string; title: string; missions: { code: string | null; title: string | null; rows: ResultRow[] }[] };

export type ResultsView = {
  ctx: SubmissionContext;
  summary: ResultsSummary;
  groups: ResultGroup[];
  rows: ResultRow[];
  lastYearRoundTitle: string | null;
  provinceName: string | null;
  plans: ImprovementPlanRow[];
};

/** The previous version's results on last year's answers, by the current indicator's code (where they map). */
async function lastYearResults(deps: Pick<Deps, 'db'>, ctx: SubmissionContext): Promise<Map<string, LastYearResult>> {
  const out = new Map<string, LastYearResult>();
  if (!ctx.lastYear) return out;
  const { doc } = ctx.version;
  let previous: FrameworkDocument | null = null;
  try {
    if (ctx.version.previousVersionId) previous = (await loadFrameworkVersion(deps.db, { id: ctx.version.previousVersionId })).doc;
    else if (doc.version.previous) previous = (await loadFrameworkVersion(deps.db, { code: doc.version.previous })).doc;
  } catch {
    previous = null; // the previous version is not in this installation: no comparison rather than no page
  }
  // Without a previous version, last year's round used this same version: indicators map to themselves.
  const prevDoc = previous ?? doc;
  const scored = scoreSubmission(prevDoc, ctx.audience, ctx.lastYear.answers);
  const byCode = new Map(scored.results.map((r) => [r.code, r]));
  const titles = new Map(visibleIndicators(prevDoc, ctx.audience).map(({ indicator }) => [indicator.code, resolveText(indicator.title, ctx.audience, prevDoc)]));
  for (const { indicator } of visibleIndicators(doc, ctx.audience)) {
    const code = previous ? indicator.previous : indicator.code;
    const result = code ? byCode.get(code) : undefined;
    if (code && result) out.set(indicator.code, { roundTitle: ctx.lastYear.roundTitle, code, title: titles.get(code) ?? code, result });
  }
  return out;
}

export async function loadResults(
  deps: Pick<Deps, 'db' | 'clock'>,
  actor: Actor | null,
  input: { roundId: number; orgUnitCode: string },
  opts: { peers?: boolean; lastYear?: boolean } = {},
): Promise<ResultsView> {
  const ctx = await loadSubmissionContext(deps, actor, input);
  return resultsOf(deps, ctx, opts);
}

/** The results view of a loaded submission context. */
export async function resultsOf(deps: Pick<Deps, 'db'>, ctx: SubmissionContext, opts: { peers?: boolean; lastYear?: boolean } = {}): Promise<ResultsView> {
  const { doc } = ctx.version;
  const summary = scoreSubmission(doc, ctx.audience, ctx.answers);
  const indicators = visibleIndicators(doc, ctx.audience);
  const provinceCode = ctx.unit.provinceCode;
  const laoType = ctx.audience;
  const [lastYear, plans, peers, province] = await Promise.all([
    opts.lastYear === false ? new Map<string, LastYearResult>() : lastYearResults(deps, ctx),
    ctx.submission ? listImprovementPlans(deps.db, ctx.submission.id) : [],
    opts.peers === false ? null : Promise.all(indicators.map(async ({ indicator }) => {
      const [inProvince, inNation] = await Promise.all([
        provinceCode ? peerValues(deps.db, { roundId: ctx.round.id, indicatorCode: indicator.code, laoType, provinceCode }) : [],
        peerValues(deps.db, { roundId: ctx.round.id, indicatorCode: indicator.code, laoType }),
      ]);
      return { province: spreadOf(inProvince), nation: spreadOf(inNation) } satisfies Peers;
    })),
    provinceCode ? findOrgUnitByAnyCode(deps.db, provinceCode) : undefined,
  ]);
  const planBy = new Map(plans.map((p) => [p.indicatorCode, p]));
  const rows: ResultRow[] = indicators.map(({ indicator }, i) => {
    const result = summary.results[i]!;
    return {
      indicator, title: resolveText(indicator.title, ctx.audience, doc), exampleTarget: isExampleTarget(indicator, ctx.audience), result,
      lastYear: lastYear.get(indicator.code) ?? null, peers: peers?.[i] ?? null, plan: planBy.get(indicator.code) ?? null,
      needsPlan: planStates.includes(result.state),
    };
  });
  const groups: ResultGroup[] = [];
  indicators.forEach(({ area, mission }, i) => {
    let g = groups.find((x) => x.areaCode === area.code);
    if (!g) groups.push((g = { areaCode: area.code, title: resolveText(area.title, ctx.audience, doc), missions: [] }));
    const code = mission?.code ?? null;
    let m = g.missions.find((x) => x.code === code);
    if (!m) g.missions.push((m = { code, title: mission ? resolveText(mission.title, ctx.audience, doc) : null, rows: [] }));
    m.rows.push(rows[i]!);
  });
  return {
    ctx, summary, groups, rows,
    lastYearRoundTitle: ctx.lastYear?.roundTitle ?? null,
    provinceName: province?.kind === 'province' ? province.nameTh : null,
    plans,
  };
}
