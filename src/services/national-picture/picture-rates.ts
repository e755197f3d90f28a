import type { GroupedCounts, StateCounts } from '../../db/queries/national-picture.ts';
import type { ResultState } from '../../domain/results/score-indicator.ts';

// How the picture counts, as ODLOC's reports do: a pass rate is the results met (สูงกว่าค่าเป้าหมาย/ผ่าน) out of
// those that could be judged against the target — met or needing development (การพัฒนาในอนาคต). "No such service"
// (ไม่มีบริการสาธารณะ: nothing to serve) and "not done this year" (ไม่ได้ดำเนินการ) are left out of the
// denominator, and so is anything still missing; their counts are shown beside every rate so nothing is hidden.
// Only respondents that sent their data count (submitted or accepted): a draft is not a result.

export const submittedStates = ['submitted', 'accepted'] as const;
export const judgedStates: readonly ResultState[] = ['met', 'needs_development'];

export type Rate = StateCounts & { judged: number; rate: number | null };

export const noCounts = (): StateCounts => ({ met: 0, needsDevelopment: 0, noService: 0, notDone: 0, missing: 0 });

export function rateOf(c: StateCounts): Rate {
  const judged = c.met + c.needsDevelopment;
  return { ...c, judged, rate: judged ? round1((c.met / judged) * 100) : null };
}

export function addCounts(a: StateCounts, b: StateCounts): StateCounts {
  return { met: a.met + b.met, needsDevelopment: a.needsDevelopment + b.needsDevelopment, noService: a.noService + b.noService, notDone: a.notDone + b.notDone, missing: a.missing + b.missing };
}

export const round1 = (n: number) => Math.round(n * 10) / 10;

/** Counts of one grouping keyed by its value (e.g. by indicator code). */
export function countsBy(rows: GroupedCounts[], by: GroupedCounts['by']): Map<string, StateCounts> {
  const out = new Map<string, StateCounts>();
  for (const { by: b, key, ...counts } of rows) if (b === by) out.set(key ?? '', counts);
  return out;
}

export type Bin = { label: string; from: number; to: number; count: number };

/** Respondents by the share of their judged indicators they met, in ten bands (the last one includes 100 %). */
export function shareBins(shares: { met: number; judged: number; n: number }[]): { bins: Bin[]; respondents: number; noneJudged: number } {
  const bins: Bin[] = Array.from({ length: 10 }, (_, i) => ({ label: i < 9 ? `${i * 10}–${i * 10 + 9}%` : '90–100%', from: i * 10, to: i < 9 ? i * 10 + 9.999 : 100, count: 0 }));
  let respondents = 0;
  let noneJudged = 0;
  for (const s of shares) {
    if (!s.judged) {
      noneJudged += s.n;
      continue;
    }
    respondents += s.n;
    bins[Math.min(9, Math.floor((s.met * 10) / s.judged))]!.count += s.n;
  }
  return { bins, respondents, noneJudged };
}
