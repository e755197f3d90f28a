import { compileFormula } from '../framework/formula.ts';
import type { FrameworkDocument, Indicator } from '../framework/framework-schema.ts';
import { audiences, indicatorApplies, resolveText, visibleFields, type Audience } from '../framework/framework-view.ts';
import { answerKey, environmentFor, sectionItems } from '../submission/check-section.ts';

// When is an area (ด้าน) complete for a respondent? A framework ties areas to answers only through its indicators'
// formulas, so an area's sections are the sections (of the forms this respondent is shown) holding a field that
// one of the area's indicators reads — for ODLOC, the area's own form (แบบ ๒-x) plus the general sections of
// แบบ ๑ its ratios divide by. The area is complete when every required answer of those sections is given (every
// list item of a repeated section), the same answers the check before sending asks for (files and long text are
// optional unless the framework says otherwise). An area none of whose indicators applies to a respondent's LAO
// type is not expected of it; a respondent that has not started has completed no area.
//
// A submission standing as sent (submitted or accepted) is complete in every area: sending is refused while any
// required answer is missing (services/submissions/check-completeness.ts), and its answers cannot change until it
// is returned. The dashboard relies on this to read only the answers of the work still open.

export type AreaRequirement = {
  areaCode: string;
  /** The LAO type it holds for (null: office programmes, no type). */
  audience: Audience;
  sectionCodes: string[];
  /** Required answers, as `field` or `field|item` keys split in two. */
  slots: { fieldKey: string; itemCode: string }[];
};

const requiredAnswer = (field: { type: string; required?: boolean | undefined }) => field.type !== 'file' && (field.required ?? field.type !== 'longtext');

function areaIndicators(area: FrameworkDocument['areas'][number]): Indicator[] {
  return [...(area.indicators ?? []), ...(area.missions ?? []).flatMap((m) => m.indicators)];
}

/** The areas in file order with their title in the programme's default words. */
export function listAreas(doc: FrameworkDocument): { code: string; title: string }[] {
  return doc.areas.map((a) => ({ code: a.code, title: resolveText(a.title, null, doc) }));
}

const computed = new WeakMap<FrameworkDocument, AreaRequirement[]>();

/** Per LAO type and area: its sections and required answers. Types an area does not apply to are left out.
 * Worked out once per (immutable) document. */
export function areaRequirements(doc: FrameworkDocument): AreaRequirement[] {
  let out = computed.get(doc);
  if (!out) computed.set(doc, (out = requirementsOf(doc)));
  return out;
}

function requirementsOf(doc: FrameworkDocument): AreaRequirement[] {
  const out: AreaRequirement[] = [];
  for (const audience of audiences(doc)) {
    const fe = environmentFor(doc, audience);
    const visible = visibleFields(doc, audience);
    for (const area of doc.areas) {
      const indicators = areaIndicators(area).filter((i) => indicatorApplies(i, audience));
      if (!indicators.length) continue;
      const read = new Set(indicators.flatMap((i) => [i.formula, i.numerator, i.denominator]).filter((e): e is string => Boolean(e)).flatMap((e) => compileFormula(fe, e).references));
      const sections = [...new Set(visible.filter(({ field }) => read.has(field.key)).map(({ section }) => section))];
      const slots: AreaRequirement['slots'] = [];
      const seen = new Set<string>();
      for (const section of sections) {
        for (const { field } of visible.filter((v) => v.section === section && requiredAnswer(v.field))) {
          for (const item of sectionItems(doc, section)) {
            const key = answerKey(field.key, item.code);
            if (seen.has(key)) continue;
            seen.add(key);
            slots.push({ fieldKey: field.key, itemCode: item.code });
          }
        }
      }
      out.push({ areaCode: area.code, audience, sectionCodes: sections.map((s) => s.code), slots });
    }
  }
  return out;
}

/** The rule on one respondent's answers (the SQL count does the same over many; the tests hold them together). */
export function isAreaComplete(requirement: AreaRequirement, answered: (key: string) => boolean): boolean {
  return requirement.slots.every((s) => answered(answerKey(s.fieldKey, s.itemCode)));
}
