import { resultStates, type ResultState } from '../results/score-indicator.ts';

// What a province's own LAOs' data say about a DLA standard, for the committee filling the quarterly report. DLA's
// standards (roads, waste, child development centres…) are not ODLOC's indicators, and nobody has published which
// indicator speaks to which standard. So the link is made here from words in the indicator's title, per standard,
// and shown with the indicator's title beside every figure, marked as an example link (ค่าตัวอย่าง) — a reader sees
// exactly what was counted and can judge it. A standard without such words shows no figure rather than a guess.

/** Words that, found in an ODLOC indicator's title, tie it to the standard (by the standard's code in DLA's list). */
export const standardKeywords: Readonly<Record<string, readonly string[]>> = {
  S01: ['ถนนลาดยาง'],
  S02: ['ทางระบายน้ำ'],
  S03: ['ไฟฟ้าส่องสว่างสาธารณะ'],
  S09: ['ขยะมูลฝอย'],
  S11: ['น้ำเสีย'],
  S14: ['โรคติดต่อ'],
  S16: ['พื้นที่สีเขียว'],
  S20: ['จุดเสี่ยงอุบัติเหตุ'],
  S21: ['ศูนย์พัฒนาเด็กเล็ก', 'ครูผู้ดูแลเด็ก'],
  S22: ['แหล่งเรียนรู้', 'การเรียนรู้ตลอดชีวิต'],
  S25: ['แหล่งท่องเที่ยว', 'ด้านการท่องเที่ยว'],
  S26: ['ส่งเสริมอาชีพ', 'กลุ่มอาชีพ'],
  S27: ['ผู้สูงอายุ', 'คนพิการ'],
};

export type IndicatorTitle = { code: string; title: string };

/** The indicators whose title carries one of the standard's words, in the framework's order. */
export function linkedIndicators(standardCode: string, indicators: IndicatorTitle[]): IndicatorTitle[] {
  const words = standardKeywords[standardCode] ?? [];
  return words.length ? indicators.filter((i) => words.some((w) => i.title.includes(w))) : [];
}


export type LaoFigure = Record<ResultState, number> & {
  /** LAOs with a result on the indicator (those it applies to, among those that sent). */
  counted: number;
  /** Met ÷ (met + needs development + not done) × 100: "no such service" is not a failure, "no data" is not judged. */
  passRate: number | null;
};

export function laoFigure(counts: Partial<Record<string, number>>): LaoFigure {
  const of = (s: ResultState) => counts[s] ?? 0;
  const judged = of('met') + of('needs_development') + of('not_done');
  return {
    met: of('met'), needs_development: of('needs_development'), not_done: of('not_done'), no_service: of('no_service'), missing: of('missing'),
    counted: resultStates.reduce((a, s) => a + of(s), 0),
    passRate: judged > 0 ? (of('met') / judged) * 100 : null,
  };
}
