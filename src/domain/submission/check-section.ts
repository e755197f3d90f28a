import { compileFormula, checkFormula, createFormulaEnvironment, evaluateFormula, type FormulaEnvironment, type FormulaValue } from '../framework/formula.ts';
import { listIndicators, numericFieldTypes, type Field, type FrameworkDocument, type Indicator, type Section } from '../framework/framework-schema.ts';
import { formulaVariables, resolveText, visibleFields, visibleIndicators, type Audience } from '../framework/framework-view.ts';
import { parseFieldValue, type StoredValue } from './parse-field-value.ts';

// The rules a section's answers must meet when saved: each field parses; required fields are answered when the
// person says the section is done; cross-field rules (blocking, or warnings to confirm); a value far from last
// year's needs a short explanation rather than a refusal. Pure: the service passes in what is stored.

/** Answers are keyed `field` or `field|item` (a repeated section answers once per list item). */
export const answerKey = (fieldKey: string, itemCode = '') => (itemCode ? `${fieldKey}|${itemCode}` : fieldKey);
/** The form input name of an answer: `field` or `field__item`. */
export const inputName = (fieldKey: string, itemCode = '') => (itemCode ? `${fieldKey}__${itemCode}` : fieldKey);

export type Answers = Map<string, StoredValue>;
export type SectionCheck = {
  values: { fieldKey: string; itemCode: string; value: StoredValue; note: string | null }[];
  errors: Record<string, string>;
  warnings: { code: string; message: string }[];
};

const environments = new WeakMap<FrameworkDocument, Map<Audience, FormulaEnvironment>>();
const rulesCache = new WeakMap<FrameworkDocument, Map<Audience, { rule: NonNullable<FrameworkDocument['validations']>[number]; compiled: ReturnType<typeof compileFormula> }[]>>();
/** The validation rules that apply to an audience, type-checked and compiled once per framework document. */
function compiledRules(doc: FrameworkDocument, audience: Audience) {
  let byAudience = rulesCache.get(doc);
  if (!byAudience) rulesCache.set(doc, (byAudience = new Map()));
  let rules = byAudience.get(audience);
  if (!rules) {
    const fe = environmentFor(doc, audience);
    rules = (doc.validations ?? [])
      .filter((rule) => !(audience && rule.appliesTo && !rule.appliesTo.includes(audience)) && checkFormula(fe, rule.expression, 'bool').ok)
      .map((rule) => ({ rule, compiled: compileFormula(fe, rule.expression) }));
    byAudience.set(audience, rules);
  }
  return rules;
}

export function environmentFor(doc: FrameworkDocument, audience: Audience): FormulaEnvironment {
  let byAudience = environments.get(doc);
  if (!byAudience) environments.set(doc, (byAudience = new Map()));
  let fe = byAudience.get(audience);
  if (!fe) byAudience.set(audience, (fe = createFormulaEnvironment(formulaVariables(doc, audience))));
  return fe;
}

/** The items a repeated section asks about ([''] for an ordinary section). */
export function sectionItems(doc: FrameworkDocument, section: Section): { code: string; title: string }[] {
  if (!section.repeatOver) return [{ code: '', title: '' }];
  return (doc.lists?.find((l) => l.code === section.repeatOver)?.items ?? []).filter((i) => !i.retired).map((i) => ({ code: i.code, title: i.title }));
}

/** The answers as formula inputs: repeated fields become lists in the list's order. */
export function formulaValues(doc: FrameworkDocument, audience: Audience, answers: Answers): Record<string, FormulaValue> {
  const out: Record<string, FormulaValue> = {};
  for (const { field, section } of visibleFields(doc, audience)) {
    if (section.repeatOver) {
      const items = sectionItems(doc, section);
      const list = items.map((i) => answers.get(answerKey(field.key, i.code)) ?? null);
      out[field.key] = list.some((v) => v === null) ? null : (list as FormulaValue);
    } else {
      out[field.key] = answers.get(field.key) ?? null;
    }
  }
  return out;
}

const isRequired = (field: Field) => field.required ?? !(field.type === 'file' || field.type === 'longtext');
export const farFromLastYear = (value: number, last: number) => last !== 0 && Math.abs(value - last) >= 5 && Math.abs(value - last) / Math.abs(last) > 0.5;

export function checkSection(input: {
  doc: FrameworkDocument;
  audience: Audience;
  section: Section;
  raw: Record<string, string | undefined>;
  stored: Answers;
  lastYear: Answers;
  complete: boolean;
  confirmedWarnings?: boolean;
  /** Only these fields must be answered to complete (a division answers its own; domain/outstanding). */
  requiredOnly?: ReadonlySet<string> | null;
}): SectionCheck {
  const { doc, audience, section } = input;
  const result: SectionCheck = { values: [], errors: {}, warnings: [] };
  const answers: Answers = new Map(input.stored);
  const fields = section.fields.filter((f) => visibleFields(doc, audience).some((v) => v.field === f));
  for (const item of sectionItems(doc, section)) {
    for (const field of fields) {
      if (field.type === 'file') continue;
      const name = inputName(field.key, item.code);
      const parsed = parseFieldValue(field, input.raw[name]);
      const label = resolveText(field.label, audience, doc) + (item.title ? ` (${item.title})` : '');
      if (!parsed.ok) {
        result.errors[name] = `${label}: ${parsed.message}`;
        continue;
      }
      if (parsed.value === null && input.complete && isRequired(field) && (!input.requiredOnly || input.requiredOnly.has(field.key))) result.errors[name] = `${label}: ยังไม่ได้กรอก`;
      const note = (input.raw[`${name}__note`] ?? '').trim().slice(0, 1000) || null;
      const last = input.lastYear.get(answerKey(field.key, item.code));
      if (typeof parsed.value === 'number' && typeof last === 'number' && numericFieldTypes.includes(field.type) && farFromLastYear(parsed.value, last) && !note) {
        result.errors[name] ??= `${label}: ต่างจากปีก่อน (${last.toLocaleString('th-TH')}) มาก — ถ้าถูกต้อง เขียนเหตุผลสั้น ๆ ในช่องคำอธิบาย`;
      }
      answers.set(answerKey(field.key, item.code), parsed.value);
      result.values.push({ fieldKey: field.key, itemCode: item.code, value: parsed.value, note });
    }
  }
  if (Object.keys(result.errors).length) return result;

  // Cross-field rules that touch this section, with everything answered so far.
  const fe = environmentFor(doc, audience);
  const inputs = formulaValues(doc, audience, answers);
  const sectionKeys = new Set(fields.map((f) => f.key));
  for (const { rule, compiled } of compiledRules(doc, audience)) {
    const touched = compiled.references.find((k) => sectionKeys.has(k));
    if (!touched) continue;
    const outcome = evaluateFormula(fe, compiled, inputs);
    if (outcome.kind !== 'value' || outcome.value !== false) continue;
    if (rule.severity === 'blocking') result.errors[inputName(touched, section.repeatOver ? sectionItems(doc, section)[0]?.code : '')] = rule.message;
    else if (!input.confirmedWarnings) result.warnings.push({ code: rule.code, message: rule.message });
  }
  return result;
}

export type IndicatorPreview = { indicator: Indicator; outcome: ReturnType<typeof evaluateFormula>; numerator?: ReturnType<typeof evaluateFormula>; denominator?: ReturnType<typeof evaluateFormula> };

/** Each indicator's value from the answers so far (as the person types, and on the check-answers page). */
export function computeIndicators(doc: FrameworkDocument, audience: Audience, answers: Answers): IndicatorPreview[] {
  const fe = environmentFor(doc, audience);
  const inputs = formulaValues(doc, audience, answers);
  const run = (expression: string) => (checkFormula(fe, expression, 'number').ok ? evaluateFormula(fe, compileFormula(fe, expression), inputs) : { kind: 'error' as const, message: 'สูตรใช้ไม่ได้' });
  return visibleIndicators(doc, audience).map(({ indicator }) => {
    if (indicator.formula) return { indicator, outcome: run(indicator.formula) };
    const numerator = run(indicator.numerator!);
    const denominator = run(indicator.denominator!);
    const ratio = `(${indicator.numerator}) / (${indicator.denominator}) * ${indicator.scale ?? 100}`;
    return { indicator, outcome: run(ratio), numerator, denominator };
  });
}

export { listIndicators };
