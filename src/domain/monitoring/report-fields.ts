import type { Field, FrameworkDocument, Section } from '../framework/framework-schema.ts';
import { sectionItems } from '../submission/check-section.ts';

// The parts of a quarterly monitoring framework that make seed 000's form: the section repeated over the standards,
// and in it the field that says how far the standard is followed (its choice field), the problems (a key naming
// problems or obstacles) and the suggestions (a key naming suggestions), as the province's report document reads
// them (services/documents/build-quarterly-report.ts). Anything else in the section is a figure of its own.

export type MonitoringFields = {
  section: Section;
  items: { code: string; title: string }[];
  compliance: Field | null;
  problems: Field[];
  suggestions: Field[];
  others: Field[];
};

export const isProblemsField = (f: Field) => /problem|obstacle/i.test(f.key);
export const isSuggestionsField = (f: Field) => /suggest/i.test(f.key);

/** The first section that repeats over a list, read as the form's rows; null when the framework has none. */
export function monitoringFields(doc: FrameworkDocument): MonitoringFields | null {
  const section = doc.forms.flatMap((f) => f.sections).find((s) => s.repeatOver);
  if (!section) return null;
  const fields = section.fields.filter((f) => f.type !== 'file');
  const compliance = fields.find((f) => f.type === 'choice' && !isProblemsField(f) && !isSuggestionsField(f)) ?? null;
  return {
    section,
    items: sectionItems(doc, section),
    compliance,
    problems: fields.filter(isProblemsField),
    suggestions: fields.filter(isSuggestionsField),
    others: fields.filter((f) => f !== compliance && !isProblemsField(f) && !isSuggestionsField(f)),
  };
}
