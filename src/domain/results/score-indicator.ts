import { compileFormula, describeFormula, evaluateFormula, type FormulaOutcome } from '../framework/formula.ts';
import { listIndicators, type FrameworkDocument, type Indicator, type Target } from '../framework/framework-schema.ts';
import { resolveText, targetFor, visibleFields, visibleIndicators, type Audience } from '../framework/framework-view.ts';
import { environmentFor, formulaValues, type Answers } from '../submission/check-section.ts';

// A result (ผลการประเมิน) per indicator, as ODLOC reports them, and why it is what it is.
// - met (สูงกว่าค่าเป้าหมาย/ผ่าน): the value meets the target with the indicator's own comparison (≥ or >, ≤ or <).
// - needs_development (การพัฒนาในอนาคต): it does not.
// - no_service (ไม่มีบริการสาธารณะ): the denominator is 0 — there is nothing to serve; not a failure.
// - not_done (ไม่ได้ดำเนินการ): something to serve (denominator > 0) but nothing delivered (numerator 0); for a count
//   where more is better, a count of 0.
// - missing: an input is not answered yet.
// Scored programmes also get a level (1–5 by the thresholds; 0 below the first) and a weighted score
// (level ÷ 5 × weight). An indicator with levels but no target is met only at level 5 (its full criterion).

export type ResultState = 'met' | 'needs_development' | 'no_service' | 'not_done' | 'missing';

export const resultStateLabels: Record<ResultState, string> = {
  met: 'สูงกว่าค่าเป้าหมาย/ผ่าน',
  needs_development: 'การพัฒนาในอนาคต',
  no_service: 'ไม่มีบริการสาธารณะ',
  not_done: 'ไม่ได้ดำเนินการ',
  missing: 'ยังไม่มีข้อมูล',
};

/** The states in the order they are shown. */
export const resultStates: readonly ResultState[] = ['met', 'needs_development', 'not_done', 'no_service', 'missing'];

/** Short forms for table headings and counts, where ODLOC's wording above is too long. */
export const resultStateShortLabels: Record<ResultState, string> = {
  met: 'ผ่าน',
  needs_development: 'ต้องพัฒนา',
  no_service: 'ไม่มีบริการสาธารณะ',
  not_done: 'ไม่ได้ดำเนินการ',
  missing: 'ไม่มีข้อมูล',
};

export type IndicatorResult = {
  code: string;
  value: number | null;
  numerator: number | null;
  denominator: number | null;
  target: Target | null;
  state: ResultState;
  level: number | null;
  score: number | null;
  why: { inputs: { key: string; label: string; value: unknown }[]; formula: string; target: string | null; missing: string[] };
};

const comparisonWords: Record<Target['comparison'], string> = { '>=': 'ไม่น้อยกว่า', '>': 'มากกว่า', '<=': 'ไม่เกิน', '<': 'น้อยกว่า' };

export function meetsTarget(value: number, target: Target): boolean {
  switch (target.comparison) {
    case '>=': return value >= target.value;
    case '>': return value > target.value;
    case '<=': return value <= target.value;
    case '<': return value < target.value;
  }
}

export function levelOf(indicator: Indicator, value: number): number {
  const thresholds = indicator.levels?.thresholds;
  if (!thresholds) return 0;
  let level = 0;
  thresholds.forEach((t, i) => { if (indicator.polarity === 'lower' ? value <= t : value >= t) level = i + 1; });
  return level;
}

const numberOf = (o: FormulaOutcome): number | null => (o.kind === 'value' && typeof o.value === 'number' ? o.value : null);

type Scoring = { fe: ReturnType<typeof environmentFor>; inputs: ReturnType<typeof formulaValues>; labels: Map<string, string>; compiled: (e: string) => ReturnType<typeof compileFormula>; words: (i: Indicator) => string };
const wordsCache = new WeakMap<FrameworkDocument, Map<string, string>>();

const labelCache = new WeakMap<FrameworkDocument, Map<Audience, Map<string, string>>>();
function labelsFor(doc: FrameworkDocument, audience: Audience): Map<string, string> {
  let byAudience = labelCache.get(doc);
  if (!byAudience) labelCache.set(doc, (byAudience = new Map()));
  let labels = byAudience.get(audience);
  if (!labels) byAudience.set(audience, (labels = new Map(visibleFields(doc, audience).map(({ field }) => [field.key, resolveText(field.label, audience, doc)]))));
  return labels;
}

const compiledCache = new WeakMap<FrameworkDocument, Map<string, ReturnType<typeof compileFormula>>>();
/** What scoring one respondent needs once, not per indicator: the environment, the inputs, labels, compiled formulas. */
function scoring(doc: FrameworkDocument, audience: Audience, answers: Answers): Scoring {
  const fe = environmentFor(doc, audience);
  let cache = compiledCache.get(doc);
  if (!cache) compiledCache.set(doc, (cache = new Map()));
  const compiled = (e: string) => {
    const key = `${audience ?? ''}\u0000${e}`;
    let c = cache!.get(key);
    if (!c) cache!.set(key, (c = compileFormula(fe, e)));
    return c;
  };
  let saidCache = wordsCache.get(doc);
  if (!saidCache) wordsCache.set(doc, (saidCache = new Map()));
  const words = (i: Indicator) => {
    const key = `${audience ?? ''}\u0000${i.code}`;
    let said = saidCache!.get(key);
    if (said === undefined) {
      said = i.formula ? describeFormula(fe, i.formula) : `(${describeFormula(fe, i.numerator!)}) ÷ (${describeFormula(fe, i.denominator!)}) × ${i.scale ?? 100}`;
      saidCache!.set(key, said);
    }
    return said;
  };
  return { fe, inputs: formulaValues(doc, audience, answers), labels: labelsFor(doc, audience), compiled, words };
}

export function scoreIndicator(doc: FrameworkDocument, audience: Audience, indicator: Indicator, answers: Answers, prepared: Scoring = scoring(doc, audience, answers)): IndicatorResult {
  const { fe, inputs, labels, compiled } = prepared;
  const run = (expression: string) => evaluateFormula(fe, compiled(expression), inputs);
  const target = targetFor(indicator, audience) ?? null;
  const expressions = indicator.formula ? [indicator.formula] : [indicator.numerator!, indicator.denominator!];
  const referenced = [...new Set(expressions.flatMap((e) => compiled(e).references))];
  const formulaWords = prepared.words(indicator);
  const why = {
    inputs: referenced.map((key) => ({ key, label: labels.get(key) ?? key, value: inputs[key] ?? null })),
    formula: formulaWords,
    target: target ? `${comparisonWords[target.comparison]} ${target.value.toLocaleString('th-TH')} ${indicator.unit}` : null,
    missing: [] as string[],
  };
  const result = (state: ResultState, value: number | null, numerator: number | null = null, denominator: number | null = null): IndicatorResult => {
    const level = value !== null && indicator.levels ? levelOf(indicator, value) : null;
    const score = level !== null && indicator.weight ? (level / 5) * indicator.weight.value : null;
    return { code: indicator.code, value, numerator, denominator, target, state, level, score, why };
  };

  let numerator: number | null = null;
  let denominator: number | null = null;
  let outcome: FormulaOutcome;
  if (indicator.formula) {
    outcome = run(indicator.formula);
  } else {
    const n = run(indicator.numerator!);
    const d = run(indicator.denominator!);
    numerator = numberOf(n);
    denominator = numberOf(d);
    if (n.kind === 'missing' || d.kind === 'missing') outcome = { kind: 'missing', keys: [...(n.kind === 'missing' ? n.keys : []), ...(d.kind === 'missing' ? d.keys : [])] };
    else if (d.kind === 'no_service' || denominator === 0) outcome = { kind: 'no_service' };
    else if (numerator === null || denominator === null) outcome = { kind: 'error', message: 'สูตรใช้ไม่ได้' };
    else outcome = { kind: 'value', value: (numerator / denominator) * (indicator.scale ?? 100) };
  }
  if (outcome.kind === 'missing') {
    why.missing = outcome.keys.map((k) => labels.get(k) ?? k);
    return result('missing', null, numerator, denominator);
  }
  if (outcome.kind === 'no_service') return result('no_service', null, numerator, denominator);
  const value = numberOf(outcome);
  if (value === null) return result('missing', null, numerator, denominator);
  const nothingDelivered = indicator.formula ? indicator.polarity === 'higher' && value === 0 : numerator === 0;
  if (nothingDelivered) return result('not_done', value, numerator, denominator);
  if (target) return result(meetsTarget(value, target) ? 'met' : 'needs_development', value, numerator, denominator);
  return result(indicator.levels && levelOf(indicator, value) === 5 ? 'met' : 'needs_development', value, numerator, denominator);
}

export type ResultsSummary = {
  results: IndicatorResult[];
  byArea: { areaCode: string; title: string; counts: Record<ResultState, number> }[];
  counts: Record<ResultState, number>;
  score: { total: number; max: number } | null;
};

const emptyCounts = (): Record<ResultState, number> => ({ met: 0, needs_development: 0, no_service: 0, not_done: 0, missing: 0 });

/** Every indicator the respondent's type has, with area and overall counts, and the weighted score when scored. */
export function scoreSubmission(doc: FrameworkDocument, audience: Audience, answers: Answers): ResultsSummary {
  const indicators = visibleIndicators(doc, audience);
  const prepared = scoring(doc, audience, answers);
  const results = indicators.map(({ indicator }) => scoreIndicator(doc, audience, indicator, answers, prepared));
  const counts = emptyCounts();
  const byArea = doc.areas.map((area) => ({ areaCode: area.code, title: resolveText(area.title, audience, doc), counts: emptyCounts() }));
  indicators.forEach(({ area }, i) => {
    const state = results[i]!.state;
    counts[state]++;
    byArea.find((a) => a.areaCode === area.code)!.counts[state]++;
  });
  const scored = doc.programme.scored ? indicators.map(({ indicator }, i) => ({ weight: indicator.weight?.value ?? 0, score: results[i]!.score ?? 0 })) : null;
  return {
    results, byArea: byArea.filter((a) => Object.values(a.counts).some((n) => n > 0)), counts,
    score: scored ? { total: scored.reduce((s, x) => s + x.score, 0), max: scored.reduce((s, x) => s + x.weight, 0) } : null,
  };
}

export { listIndicators };
