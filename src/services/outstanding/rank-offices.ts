import type { Deps } from '../../deps.ts';
import { findProgrammeById } from '../../db/queries/frameworks.ts';
import { findOrgUnitByCode } from '../../db/queries/org-units.ts';
import { countIndicatorEvidence, listOfficeRespondents, listResultsOf } from '../../db/queries/outstanding.ts';
import { findRound, type RoundRow } from '../../db/queries/rounds.ts';
import type { Actor } from '../../domain/access/actor.ts';
import { DomainError } from '../../domain/errors.ts';
import type { Indicator } from '../../domain/framework/framework-schema.ts';
import { resolveText, visibleIndicators } from '../../domain/framework/framework-view.ts';
import { canViewDistrictRanking, canViewProvinceRanking, levelBandWords, pointsWords, rankByTotal, roundedTotal, thresholdsWords, tieRuleWords, valueWords, type Ranked } from '../../domain/outstanding/ranking.ts';
import type { SubmissionStateName } from '../../domain/submission/submission-state.ts';
import { exampleNote, ownerWords } from '../documents/build-outstanding-report.ts';
import { loadFrameworkVersion } from '../framework/load-framework-version.ts';

// DLA's ranking of the provincial offices (seed 004), and a province's own ranking of its district offices: the
// offices that sent their data, by weighted score, each score with its reasons — the indicator's value, the level
// band it fell in, the points (level ÷ 5 × weight) and how many evidence files back it — read from the results
// every save keeps (score-indicator.ts). While the round is open the ranking is provisional and says so.

export type RankedIndicator = {
  code: string; no: number; result: string; state: string; level: number | null; band: string; weight: number; score: number | null; points: string; evidence: number;
};
export type RankedOffice = Ranked<{ orgUnitId: number; code: string; name: string; total: number; state: SubmissionStateName; submittedAt: Date | null; indicators: RankedIndicator[] }>;
export type RankingIndicator = { no: number; code: string; title: string; unit: string; weight: number; thresholds: string; owner: string; example: boolean };
export type OfficeRanking = {
  kind: 'provinces' | 'districts';
  round: RoundRow;
  programmeTitle: string;
  province: { code: string; name: string } | null;
  indicators: RankingIndicator[];
  maxTotal: number;
  ranked: RankedOffice[];
  notSent: { code: string; name: string; state: SubmissionStateName }[];
  respondents: number;
  /** The round still takes data: ranks may change until it closes. */
  provisional: boolean;
  examples: boolean;
  exampleNote: string;
  tieRule: string;
};

const byCode = (a: Indicator, b: Indicator) => a.code.localeCompare(b.code, 'en', { numeric: true });
const isExample = (i: Indicator) => Boolean(i.levels?.example || i.weight?.example || i.example);
const officeWords = /^สำนักงานส่งเสริมการปกครองท้องถิ่น/;

async function scoredRound(deps: Pick<Deps, 'db'>, roundId: number, respondents: 'province_office' | 'district_office') {
  const round = Number.isSafeInteger(roundId) && roundId > 0 ? await findRound(deps.db, roundId) : undefined;
  const programme = round ? await findProgrammeById(deps.db, round.programmeId) : undefined;
  if (!round || !programme || !programme.scored || programme.respondents !== respondents) throw new DomainError('not_found', 'ranking_not_found');
  return { round, programme };
}

/** DLA's ranking of provinces in a round of the outstanding provincial-office selection. */
export async function rankProvinceOffices(deps: Pick<Deps, 'db'>, actor: Actor, roundId: number): Promise<OfficeRanking> {
  const { round, programme } = await scoredRound(deps, roundId, 'province_office');
  if (!canViewProvinceRanking(actor)) throw new DomainError('forbidden', 'forbidden');
  return rankOffices(deps, round, programme.title, null);
}

/** One province's ranking of its district offices in a round of the outstanding district-office selection. */
export async function rankDistrictOffices(deps: Pick<Deps, 'db'>, actor: Actor, roundId: number, provinceCode: string): Promise<OfficeRanking> {
  const { round, programme } = await scoredRound(deps, roundId, 'district_office');
  const province = /^\d{2}$/.test(provinceCode) ? await findOrgUnitByCode(deps.db, 'province', provinceCode) : undefined;
  if (!province) throw new DomainError('not_found', 'ranking_not_found');
  if (!canViewDistrictRanking(actor, province.path)) throw new DomainError('forbidden', 'forbidden');
  return rankOffices(deps, round, programme.title, { code: province.code, name: province.nameTh });
}

async function rankOffices(deps: Pick<Deps, 'db'>, round: RoundRow, programmeTitle: string, province: { code: string; name: string } | null): Promise<OfficeRanking> {
  const { doc } = await loadFrameworkVersion(deps.db, { id: round.frameworkVersionId });
  const indicators = visibleIndicators(doc, null).map((x) => x.indicator).sort(byCode);
  const rows = await listOfficeRespondents(deps.db, round.id, province?.code ?? null);
  const sent = rows.filter((r) => r.submissionId !== null && (r.state === 'submitted' || r.state === 'accepted'));
  const ids = sent.map((r) => r.submissionId!);
  const [results, evidence] = await Promise.all([listResultsOf(deps.db, ids), countIndicatorEvidence(deps.db, ids)]);
  const resultOf = new Map(results.map((r) => [`${r.submissionId}|${r.indicatorCode}`, r]));
  const evidenceOf = new Map(evidence.map((e) => [`${e.submissionId}|${e.indicatorCode}`, e.n]));
  // Bangkok is no จังหวัด: its name stands alone.
  const name = (r: (typeof rows)[number]) => (province ? r.name.replace(officeWords, '') : r.provinceCode === '10' ? r.provinceName ?? r.name : `จังหวัด${r.provinceName ?? r.name}`);

  const entries = sent.map((r) => {
    const scored = indicators.map((indicator, i): RankedIndicator => {
      const stored = resultOf.get(`${r.submissionId}|${indicator.code}`);
      const level = stored?.level ?? null;
      const score = stored?.score ?? null;
      const weight = indicator.weight?.value ?? 0;
      return {
        code: indicator.code, no: i + 1, result: valueWords(indicator, stored?.state ?? 'missing', stored?.value ?? null), state: stored?.state ?? 'missing',
        level, band: levelBandWords(indicator, level), weight, score, points: pointsWords(level, weight, score), evidence: evidenceOf.get(`${r.submissionId}|${indicator.code}`) ?? 0,
      };
    });
    const total = roundedTotal(scored.reduce((s, x) => s + (x.score ?? 0), 0));
    return { orgUnitId: r.orgUnitId, code: r.code, name: name(r), total, state: r.state!, submittedAt: r.submittedAt, indicators: scored };
  });

  return {
    kind: province ? 'districts' : 'provinces', round, programmeTitle, province,
    indicators: indicators.map((indicator, i) => ({
      no: i + 1, code: indicator.code, title: resolveText(indicator.title, null, doc), unit: indicator.unit, weight: indicator.weight?.value ?? 0,
      thresholds: thresholdsWords(indicator), owner: ownerWords(indicator.owner), example: isExample(indicator),
    })),
    maxTotal: indicators.reduce((s, i) => s + (i.weight?.value ?? 0), 0),
    ranked: rankByTotal(entries),
    notSent: rows.filter((r) => !sent.includes(r)).map((r) => ({ code: r.code, name: name(r), state: r.state ?? 'not_started' })),
    respondents: rows.length,
    provisional: round.state === 'open' || round.state === 'draft',
    examples: indicators.some(isExample), exampleNote, tieRule: tieRuleWords,
  };
}
