import { numericFieldTypes } from '../../../domain/framework/framework-schema.ts';
import { resolveText } from '../../../domain/framework/framework-view.ts';
import { answerKey, farFromLastYear, inputName, sectionItems } from '../../../domain/submission/check-section.ts';
import { displayFieldValue, formatFieldValue, parseFieldValue } from '../../../domain/submission/parse-field-value.ts';
import type { SubmissionContext } from '../../../services/submissions/load-submission.ts';
import type { Conflict } from '../../../services/submissions/save-section.ts';
import { answerEditable, type Permissions, type SectionEntry } from './page-model.ts';
import type { AnswerView } from './section-fields.tsx';

// The answers of one section as the page shows them: from what is stored, or from what the person typed (a
// re-render after an error, a conflict, or a form restored after the session expired), never mixing the two for
// one field. Hidden versions come from the form the person started from, so a stale save is caught.

export type ItemAnswers = { code: string; title: string; answers: AnswerView[]; help: Record<string, string> };

export const versionName = (name: string) => `_v__${name}`;
export const chooseName = (name: string) => `_choose__${name}`;

export function buildAnswers(ctx: SubmissionContext, perms: Permissions, entry: SectionEntry, opts: { typed?: Record<string, string> | null; errors?: Record<string, string>; conflicts?: Conflict[] } = {}): ItemAnswers[] {
  const { doc } = ctx.version;
  const rows = new Map(ctx.rows.map((r) => [answerKey(r.fieldKey, r.itemCode), r]));
  const returned = new Map(ctx.comments.filter((c) => c.returnsField && !c.resolvedAt && c.fieldKey).map((c) => [answerKey(c.fieldKey!, c.itemCode), c.body]));
  const typed = opts.typed ?? null;
  return sectionItems(doc, entry.section).map((item) => {
    const help: Record<string, string> = {};
    const answers = entry.fields.filter((f) => f.type !== 'file').map((field): AnswerView => {
      const name = inputName(field.key, item.code);
      const key = answerKey(field.key, item.code);
      const row = rows.get(key);
      const stored = ctx.answers.get(key) ?? null;
      const editable = answerEditable(perms, field.key, item.code);
      const value = editable && typed ? typed[name] ?? '' : formatFieldValue(field, stored);
      const last = ctx.lastYear?.answers.get(key);
      const conflict = opts.conflicts?.find((c) => c.name === name);
      const postedVersion = typed ? Number(typed[versionName(name)]) : Number.NaN;
      const noteValue = editable && typed ? typed[`${name}__note`] ?? '' : row?.note ?? '';
      const parsed = parseFieldValue(field, value);
      const far = parsed.ok && typeof parsed.value === 'number' && typeof last === 'number' && numericFieldTypes.includes(field.type) && farFromLastYear(parsed.value, last);
      help[name] = resolveText(field.help, ctx.audience, doc);
      return {
        field, name, editable, value,
        label: resolveText(field.label, ctx.audience, doc),
        display: displayFieldValue(field, stored),
        error: opts.errors?.[name],
        lastYear: last === null || last === undefined ? undefined : displayFieldValue(field, last),
        note: noteValue || far ? { value: noteValue } : undefined,
        version: conflict ? conflict.version : Number.isSafeInteger(postedVersion) && postedVersion >= 0 ? postedVersion : row?.version ?? 0,
        theirs: conflict ? displayFieldValue(field, conflict.theirs) : undefined,
        returnedReason: returned.get(key),
      };
    });
    return { code: item.code, title: item.title, answers, help };
  });
}

/** Versions posted with the form: `_v__<input name>` → the answer's version the person started from. */
export function postedVersions(raw: Record<string, string>): Record<string, number> {
  const out: Record<string, number> = {};
  for (const [k, v] of Object.entries(raw)) {
    if (!k.startsWith('_v__')) continue;
    const n = Number(v);
    if (Number.isSafeInteger(n) && n >= 0) out[k.slice(4)] = n;
  }
  return out;
}

/** The answers the save is asked to write: what was typed where the person may change it, the stored value
 * (never something posted) where they may not, and "use the value saved by someone else" where they chose it. */
export function rawForSave(ctx: SubmissionContext, perms: Permissions, entry: SectionEntry, posted: Record<string, string>): Record<string, string> {
  const raw: Record<string, string> = {};
  const notes = new Map(ctx.rows.map((r) => [answerKey(r.fieldKey, r.itemCode), r.note]));
  for (const item of sectionItems(ctx.version.doc, entry.section)) {
    for (const field of entry.fields) {
      if (field.type === 'file') continue;
      const name = inputName(field.key, item.code);
      const key = answerKey(field.key, item.code);
      if (!answerEditable(perms, field.key, item.code)) {
        raw[name] = formatFieldValue(field, ctx.answers.get(key) ?? null);
        const note = notes.get(key);
        if (note) raw[`${name}__note`] = note;
        continue;
      }
      raw[name] = posted[chooseName(name)] === 'theirs' ? formatFieldValue(field, ctx.answers.get(key) ?? null) : posted[name] ?? '';
      if (posted[`${name}__note`] !== undefined) raw[`${name}__note`] = posted[`${name}__note`]!;
    }
  }
  return raw;
}
