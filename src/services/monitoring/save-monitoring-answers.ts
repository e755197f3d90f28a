import type { Deps, RequestMeta } from '../../deps.ts';
import type { Actor } from '../../domain/access/actor.ts';
import { DomainError } from '../../domain/errors.ts';
import type { Field } from '../../domain/framework/framework-schema.ts';
import { resolveText } from '../../domain/framework/framework-view.ts';
import { answerKey, checkSection, inputName, sectionItems } from '../../domain/submission/check-section.ts';
import { formatFieldValue } from '../../domain/submission/parse-field-value.ts';
import { lockedReason, writeAnswers, type SaveSectionResult } from '../submissions/save-section.ts';
import { answerOpen, loadMonitoringReport, type MonitoringReport } from './load-monitoring-report.ts';

// Use case: the committee's secretariat (or the provincial office) saves one standard's row of the quarterly report,
// or one of its other sections. The same checks and the same write as every data entry (save-section.ts's
// writeAnswers: versions compared per answer under the submission's row lock, one audit row per changed answer,
// results refreshed) — only who may write differs, and a row is saved alone: the other standards' answers are
// passed through as stored, so they are neither checked as missing nor changed.

export type SaveMonitoringInput = {
  roundId: number;
  provinceCode: string;
  sectionCode: string;
  /** The standard (list item) whose row this is; absent for a section that does not repeat. */
  itemCode?: string | undefined;
  raw: Record<string, string | undefined>;
  answerVersions: Record<string, number>;
  /** "Save and continue": required answers of this row must be there. "Save for later" leaves them empty. */
  complete: boolean;
  confirmedWarnings?: boolean;
  report?: MonitoringReport;
};

const isRequired = (field: Field) => field.required ?? !(field.type === 'file' || field.type === 'longtext');

export async function saveMonitoringAnswers(deps: Pick<Deps, 'db' | 'clock'>, actor: Actor, input: SaveMonitoringInput, meta: RequestMeta): Promise<SaveSectionResult> {
  const report = input.report ?? (await loadMonitoringReport(deps, actor, input));
  if (!report.perms.fill) throw new DomainError('forbidden', 'forbidden');
  const { ctx } = report;
  const { doc } = ctx.version;
  const section = doc.forms.flatMap((f) => f.sections).find((s) => s.code === input.sectionCode);
  if (!section) throw new DomainError('not_found', 'section_not_found');
  const items = sectionItems(doc, section);
  const itemCode = section.repeatOver ? input.itemCode ?? '' : '';
  if (!items.some((i) => i.code === itemCode)) throw new DomainError('not_found', 'section_not_found');
  const locked = lockedReason(ctx);
  if (locked) return locked;

  const fields = section.fields.filter((f) => f.type !== 'file');
  const raw: Record<string, string> = {};
  const notes = new Map(ctx.rows.map((r) => [answerKey(r.fieldKey, r.itemCode), r.note]));
  for (const item of items) {
    for (const field of fields) {
      const name = inputName(field.key, item.code);
      const key = answerKey(field.key, item.code);
      if (item.code === itemCode && answerOpen(report, field.key, item.code)) {
        raw[name] = input.raw[name] ?? '';
        if (input.raw[`${name}__note`] !== undefined) raw[`${name}__note`] = input.raw[`${name}__note`]!;
      } else {
        raw[name] = formatFieldValue(field, ctx.answers.get(key) ?? null);
        const note = notes.get(key);
        if (note) raw[`${name}__note`] = note;
      }
    }
  }
  const checked = checkSection({ doc, audience: ctx.audience, section, raw, stored: ctx.answers, lastYear: ctx.lastYear?.answers ?? new Map(), complete: false, confirmedWarnings: input.confirmedWarnings });
  // A cross-field rule over the whole list reports at the list's first row: shown at this row's field instead,
  // the row being saved being the one that can have broken it.
  const ownNames = new Set(fields.map((f) => inputName(f.key, itemCode)));
  for (const [name, message] of Object.entries(checked.errors)) {
    if (ownNames.has(name)) continue;
    delete checked.errors[name];
    const own = inputName(name.split('__')[0]!, itemCode);
    checked.errors[ownNames.has(own) ? own : [...ownNames][0]!] ??= message;
  }
  if (input.complete) {
    for (const v of checked.values) {
      const field = fields.find((f) => f.key === v.fieldKey)!;
      const name = inputName(v.fieldKey, v.itemCode);
      if (v.itemCode === itemCode && v.value === null && isRequired(field)) checked.errors[name] ??= `${resolveText(field.label, ctx.audience, doc)}: ยังไม่ได้กรอก`;
    }
  }
  if (Object.keys(checked.errors).length) return { ok: false, reason: 'invalid', errors: checked.errors, warnings: checked.warnings };
  if (checked.warnings.length) return { ok: false, reason: 'warnings', warnings: checked.warnings };
  const mine = checked.values.filter((v) => v.itemCode === itemCode).map((v) => ({ ...v, sectionCode: section.code }));
  return writeAnswers(deps, actor, ctx, mine, { answerVersions: input.answerVersions }, meta);
}
