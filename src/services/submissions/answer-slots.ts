import type { Field, Form, FrameworkDocument, Section } from '../../domain/framework/framework-schema.ts';
import { resolveText, visibleFields, type Audience } from '../../domain/framework/framework-view.ts';
import { answerKey, inputName, sectionItems } from '../../domain/submission/check-section.ts';

// Every answer a respondent gives, one per field (and per list item in a repeated section), as the API, the XLSX
// template and the bulk save name them: the key `field` or `field|item`. Files are evidence, not answers.

export type AnswerSlot = {
  key: string;
  /** The form input name (`field` or `field__item`), as checkSection reports problems. */
  name: string;
  form: Form;
  section: Section;
  field: Field;
  item: { code: string; title: string };
  /** Thai, in the words of the respondent's LAO type, with the item's title for a repeated section. */
  label: string;
  required: boolean;
};

export function listAnswerSlots(doc: FrameworkDocument, audience: Audience, opts: { formCode?: string } = {}): AnswerSlot[] {
  const slots: AnswerSlot[] = [];
  const visible = visibleFields(doc, audience).filter(({ field, form }) => field.type !== 'file' && (!opts.formCode || form.code === opts.formCode));
  // Section by section, item by item, so a repeated section reads as one block per item.
  const sections = [...new Set(visible.map((v) => v.section))];
  for (const section of sections) {
    const fields = visible.filter((v) => v.section === section);
    for (const item of sectionItems(doc, section)) {
      for (const { field, form } of fields) {
        slots.push({
          key: answerKey(field.key, item.code), name: inputName(field.key, item.code), form, section, field, item,
          label: resolveText(field.label, audience, doc) + (item.title ? ` (${item.title})` : ''),
          required: field.required ?? field.type !== 'longtext',
        });
      }
    }
  }
  return slots;
}
