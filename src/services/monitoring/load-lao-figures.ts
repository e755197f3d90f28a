import type { Deps } from '../../deps.ts';
import { countLaoReports, countLaoResults, listLaoRounds, type LaoRoundRow } from '../../db/queries/monitoring.ts';
import { listIndicators } from '../../domain/framework/framework-schema.ts';
import { resolveText } from '../../domain/framework/framework-view.ts';
import { laoFigure, linkedIndicators, type IndicatorTitle, type LaoFigure } from '../../domain/monitoring/lao-figures.ts';
import { loadFrameworkVersion } from '../framework/load-framework-version.ts';

// What the province's LAOs reported in the ODLOC assessment, per DLA standard, for the committee to draw on. The
// round used is the newest one of the report's fiscal year or before whose entry has ended (closed or published:
// its data are complete); while none has, the open one, counting only the LAOs that have sent. Only sent
// submissions count, and the figures are the stored results — nothing is estimated.

export type StandardFigures = { indicator: IndicatorTitle; figure: LaoFigure }[];
export type LaoFigures = {
  round: LaoRoundRow | null;
  expected: number;
  sent: number;
  /** standard code → its linked indicators with their counts (empty: no indicator speaks to it) */
  byStandard: Map<string, StandardFigures>;
};

export function pickLaoRound(rounds: LaoRoundRow[]): LaoRoundRow | null {
  return rounds.find((r) => r.state === 'closed' || r.state === 'published') ?? rounds.find((r) => r.state === 'open') ?? null;
}

export async function loadLaoFigures(deps: Pick<Deps, 'db'>, input: { fiscalYear: number; provinceCode: string; standards: { code: string }[] }): Promise<LaoFigures> {
  const round = pickLaoRound(await listLaoRounds(deps.db, input.fiscalYear));
  const byStandard = new Map<string, StandardFigures>();
  if (!round) return { round, expected: 0, sent: 0, byStandard };
  const { doc } = await loadFrameworkVersion(deps.db, { id: round.frameworkVersionId });
  const titles: IndicatorTitle[] = listIndicators(doc).map(({ indicator }) => ({ code: indicator.code, title: resolveText(indicator.title, null, doc) }));
  const links = new Map(input.standards.map((s) => [s.code, linkedIndicators(s.code, titles)]));
  const codes = [...new Set([...links.values()].flat().map((i) => i.code))];
  const [reports, counts] = await Promise.all([countLaoReports(deps.db, round.id, input.provinceCode), countLaoResults(deps.db, round.id, input.provinceCode, codes)]);
  for (const [standard, indicators] of links) {
    byStandard.set(standard, indicators.map((indicator) => ({
      indicator,
      figure: laoFigure(Object.fromEntries(counts.filter((c) => c.indicatorCode === indicator.code).map((c) => [c.state, c.n]))),
    })));
  }
  return { round, expected: reports.expected, sent: reports.sent, byStandard };
}
