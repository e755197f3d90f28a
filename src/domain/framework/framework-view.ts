import type { LaoType } from '../org/lao-type.ts';
import type { CelType, FormulaVariable } from './formula.ts';
import { listFields, listIndicators, numericFieldTypes, type Field, type FrameworkDocument, type Indicator, type LocalisedText, type Target } from './framework-schema.ts';

// How a framework looks to one kind of respondent: which forms, fields and indicators apply to an LAO type, and
// their text with the type's own words ("…ของเทศบาล" / "…ของ อบต."). Offices (DLA programmes) have no LAO type.

export type Audience = LaoType | null;

export function resolveText(text: LocalisedText | undefined, audience: Audience, doc: Pick<FrameworkDocument, 'terms'>): string {
  if (text === undefined) return '';
  const raw = typeof text === 'string' ? text : (audience && text[audience]) || text.default;
  return raw.replace(/\{([a-z_]+)\}/g, (whole, name: string) => {
    const term = doc.terms?.[name];
    if (!term) return whole;
    return (audience && term[audience]) || term.default;
  });
}

/** The LAO types a respondent can have in this framework ([null] for office programmes). */
export function audiences(doc: FrameworkDocument): Audience[] {
  return doc.programme.respondents === 'lao' ? [...(doc.laoTypes ?? [])] : [null];
}

function appliesTo(list: readonly LaoType[] | undefined, audience: Audience): boolean {
  return audience === null || !list || list.includes(audience);
}

export function indicatorApplies(indicator: Indicator, audience: Audience): boolean {
  return appliesTo(indicator.appliesTo, audience);
}

export function indicatorAudiences(doc: FrameworkDocument, indicator: Indicator): Audience[] {
  return audiences(doc).filter((a) => indicatorApplies(indicator, a));
}

/** The target that holds for this audience: its own, else the one for all. */
export function targetFor(indicator: Indicator, audience: Audience): Target | undefined {
  return (audience ? indicator.targets?.[audience] : undefined) ?? indicator.targets?.all;
}

// A document never changes once parsed, so what each audience sees is worked out once per document.
const seen = new WeakMap<FrameworkDocument, Map<string, unknown>>();
function once<T>(doc: FrameworkDocument, key: string, make: () => T): T {
  let cache = seen.get(doc);
  if (!cache) seen.set(doc, (cache = new Map()));
  if (!cache.has(key)) cache.set(key, make());
  return cache.get(key) as T;
}

export function visibleFields(doc: FrameworkDocument, audience: Audience) {
  return once(doc, `fields:${audience}`, () => listFields(doc).filter(({ form, section, field }) => appliesTo(form.appliesTo, audience) && appliesTo(section.appliesTo, audience) && appliesTo(field.appliesTo, audience)));
}

export function visibleIndicators(doc: FrameworkDocument, audience: Audience) {
  return once(doc, `indicators:${audience}`, () => listIndicators(doc).filter(({ indicator }) => indicatorApplies(indicator, audience)));
}

export function celTypeOf(field: Field, repeated: boolean): CelType {
  const base: 'double' | 'bool' | 'string' = numericFieldTypes.includes(field.type) ? 'double' : field.type === 'yesno' || field.type === 'file' ? 'bool' : 'string';
  return repeated ? `list<${base}>` : base;
}

/** The variables a formula may use for this audience: every field it is shown, with its label. */
export function formulaVariables(doc: FrameworkDocument, audience: Audience): FormulaVariable[] {
  return visibleFields(doc, audience).map(({ field, section }) => ({ key: field.key, type: celTypeOf(field, Boolean(section.repeatOver)), label: resolveText(field.label, audience, doc) }));
}

/** True when the framework says a value is an example, not an official figure (ค่าตัวอย่าง). */
export function isExampleTarget(indicator: Indicator, audience: Audience): boolean {
  return Boolean(indicator.example || targetFor(indicator, audience)?.example);
}
