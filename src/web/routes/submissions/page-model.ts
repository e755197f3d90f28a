import type { Context } from 'hono';
import type { Deps } from '../../../deps.ts';
import type { Actor } from '../../../domain/access/actor.ts';
import { DomainError } from '../../../domain/errors.ts';
import { checkFormula, type FormulaVariable, type FormulaValue } from '../../../domain/framework/formula.ts';
import type { Field, Form, Indicator, Section } from '../../../domain/framework/framework-schema.ts';
import { formulaVariables, resolveText, visibleFields } from '../../../domain/framework/framework-view.ts';
import { answerKey, computeIndicators, environmentFor, formulaValues, inputName, sectionItems, type Answers, type IndicatorPreview } from '../../../domain/submission/check-section.ts';
import { parseFieldValue } from '../../../domain/submission/parse-field-value.ts';
import { canEditSubmission, canReviewSubmission, canSubmitSubmission } from '../../../domain/submission/submission-policy.ts';
import { isEditableState } from '../../../domain/submission/submission-state.ts';
import { divisionScope, inScope, type DivisionScope } from '../../../domain/outstanding/division-scope.ts';
import { loadSubmissionContext, reopenedFields, type SubmissionContext } from '../../../services/submissions/load-submission.ts';
import type { AppEnv } from '../../context.ts';

// What every submission page derives from the submission context: paths, the forms and sections this respondent
// sees, who may do what now, and each section's progress and indicators.

export const submissionPath = (roundId: number, orgUnitCode: string) => `/rounds/${roundId}/submissions/${encodeURIComponent(orgUnitCode)}`;
export const sectionPath = (roundId: number, orgUnitCode: string, sectionCode: string) => `${submissionPath(roundId, orgUnitCode)}/sections/${encodeURIComponent(sectionCode)}`;

export function routeParams(c: Context<AppEnv>): { roundId: number; orgUnitCode: string } {
  const roundId = Number(c.req.param('roundId'));
  const orgUnitCode = c.req.param('orgUnitCode') ?? '';
  if (!Number.isSafeInteger(roundId) || roundId <= 0 || !orgUnitCode || orgUnitCode.length > 40) throw new DomainError('not_found', 'submission_not_found');
  return { roundId, orgUnitCode };
}

export type SectionEntry = { form: Form; section: Section; fields: Field[]; formTitle: string; title: string };
export type FormEntry = { form: Form; title: string; sections: SectionEntry[] };

/** The forms and sections this respondent fills in, in file order, with only the fields it is shown. */
export function formsOf(ctx: SubmissionContext): FormEntry[] {
  const { doc } = ctx.version;
  const forms: FormEntry[] = [];
  for (const { form, section, field } of visibleFields(doc, ctx.audience)) {
    let f = forms.find((x) => x.form === form);
    if (!f) forms.push((f = { form, title: resolveText(form.title, ctx.audience, doc), sections: [] }));
    let s = f.sections.find((x) => x.section === section);
    if (!s) f.sections.push((s = { form, section, fields: [], formTitle: f.title, title: resolveText(section.title, ctx.audience, doc) }));
    s.fields.push(field);
  }
  return forms;
}

/** `scope`: a division officer of a provincial office changes only its own indicators' fields (null: no limit). */
export type Permissions = { canEdit: boolean; canSubmit: boolean; canReview: boolean; editable: boolean; reopened: Set<string> | null; scope: DivisionScope | null };

export function permissionsOf(ctx: SubmissionContext, actor: Actor): Permissions {
  const canEdit = canEditSubmission(actor, ctx.unit);
  const scope = canEdit ? divisionScope(actor, ctx.unit, ctx.version.doc) : null;
  return {
    canEdit, scope,
    canSubmit: canSubmitSubmission(actor, ctx.unit) && !scope,
    canReview: canReviewSubmission(actor, ctx.unit),
    editable: canEdit && ctx.entry.allowed && isEditableState(ctx.state),
    reopened: reopenedFields(ctx),
  };
}

export async function loadSubmissionPage(deps: Pick<Deps, 'db' | 'clock'>, c: Context<AppEnv>) {
  const actor = c.get('actor')!;
  const ctx = await loadSubmissionContext(deps, actor, routeParams(c));
  return { actor, ctx, perms: permissionsOf(ctx, actor), forms: formsOf(ctx) };
}

/** May this one answer change now (a returned submission reopens only the fields asked about)? */
export const answerEditable = (perms: Permissions, fieldKey: string, itemCode: string) =>
  perms.editable && inScope(perms.scope, fieldKey) && (!perms.reopened || perms.reopened.has(answerKey(fieldKey, itemCode)));

export type Progress = { answered: number; total: number; returned: number };

export function sectionProgress(ctx: SubmissionContext, entry: SectionEntry, reopened: Set<string> | null): Progress {
  const p: Progress = { answered: 0, total: 0, returned: 0 };
  for (const item of sectionItems(ctx.version.doc, entry.section)) {
    for (const field of entry.fields) {
      if (field.type === 'file') continue;
      const key = answerKey(field.key, item.code);
      p.total++;
      const v = ctx.answers.get(key);
      if (v !== null && v !== undefined) p.answered++;
      if (reopened?.has(key)) p.returned++;
    }
  }
  return p;
}

/** The field keys a formula reads (empty when it does not type-check for this audience). */
function references(ctx: SubmissionContext, expression: string | undefined): string[] {
  if (!expression) return [];
  const checked = checkFormula(environmentFor(ctx.version.doc, ctx.audience), expression, 'number');
  return checked.ok ? checked.references : [];
}

// Type-checking a formula is not free and every page asks for every indicator: remembered per audience.
const referenceCache = new WeakMap<Indicator, Map<string, string[]>>();

export function indicatorReferences(ctx: SubmissionContext, indicator: Indicator): string[] {
  let byAudience = referenceCache.get(indicator);
  if (!byAudience) referenceCache.set(indicator, (byAudience = new Map()));
  const key = ctx.audience ?? '';
  let refs = byAudience.get(key);
  if (!refs) byAudience.set(key, (refs = [...new Set([...references(ctx, indicator.formula), ...references(ctx, indicator.numerator), ...references(ctx, indicator.denominator)])]));
  return refs;
}

/** The indicators that read any field of this section, computed from `answers`. */
export function sectionIndicators(ctx: SubmissionContext, entry: SectionEntry, answers: Answers): IndicatorPreview[] {
  const keys = new Set(entry.fields.map((f) => f.key));
  return computeIndicators(ctx.version.doc, ctx.audience, answers).filter((p) => indicatorReferences(ctx, p.indicator).some((k) => keys.has(k)));
}

/** The section where an indicator's inputs are entered first (where its evidence is attached). */
export function homeSectionOf(ctx: SubmissionContext, forms: FormEntry[], indicator: Indicator): SectionEntry | undefined {
  const refs = new Set(indicatorReferences(ctx, indicator));
  return forms.flatMap((f) => f.sections).find((s) => s.fields.some((f) => refs.has(f.key)));
}

/** Stored answers with what the person typed on top (where it parses), for computing indicators on a re-render. */
export function answersWithTyped(ctx: SubmissionContext, entry: SectionEntry, typed: Record<string, string> | null): Answers {
  const answers: Answers = new Map(ctx.answers);
  if (!typed) return answers;
  for (const item of sectionItems(ctx.version.doc, entry.section)) {
    for (const field of entry.fields) {
      const name = inputName(field.key, item.code);
      if (!(name in typed)) continue;
      const parsed = parseFieldValue(field, typed[name]);
      answers.set(answerKey(field.key, item.code), parsed.ok ? parsed.value : null);
    }
  }
  return answers;
}

/** What the browser needs to recompute this section's indicators with the same CEL engine (entry-preview.ts). */
export type PreviewModel = {
  variables: FormulaVariable[];
  fields: Record<string, { field: Field; items: string[] | null }>;
  stored: Record<string, FormulaValue>;
  indicators: { code: string; formula?: string | undefined; numerator?: string | undefined; denominator?: string | undefined; scale?: number | undefined; unit: string }[];
};

export function previewModel(ctx: SubmissionContext, entry: SectionEntry, shown: IndicatorPreview[]): PreviewModel | null {
  if (!shown.length) return null;
  const { doc } = ctx.version;
  const refs = new Set(shown.flatMap((p) => indicatorReferences(ctx, p.indicator)));
  const own = new Set(entry.fields.map((f) => f.key));
  const all = formulaValues(doc, ctx.audience, ctx.answers);
  const items = entry.section.repeatOver ? sectionItems(doc, entry.section).map((i) => i.code) : null;
  return {
    variables: formulaVariables(doc, ctx.audience).filter((v) => refs.has(v.key)),
    fields: Object.fromEntries(entry.fields.filter((f) => refs.has(f.key)).map((f) => [f.key, { field: f, items }])),
    stored: Object.fromEntries([...refs].filter((k) => !own.has(k)).map((k) => [k, all[k] ?? null])),
    indicators: shown.map(({ indicator: i }) => ({ code: i.code, formula: i.formula, numerator: i.numerator, denominator: i.denominator, scale: i.scale, unit: i.unit })),
  };
}

/** A field's label (with the list item's title) and the link to it on its section page. */
export function fieldLocator(ctx: SubmissionContext, forms: FormEntry[]) {
  return (fieldKey: string | null, itemCode = ''): { label: string; href: string | null; field: Field | null } => {
    if (!fieldKey) return { label: 'ทั้งส่วน', href: null, field: null };
    for (const s of forms.flatMap((f) => f.sections)) {
      const field = s.fields.find((f) => f.key === fieldKey);
      if (!field) continue;
      const item = itemCode ? sectionItems(ctx.version.doc, s.section).find((i) => i.code === itemCode) : undefined;
      const label = resolveText(field.label, ctx.audience, ctx.version.doc) + (item ? ` (${item.title})` : '');
      return { label, href: `${sectionPath(ctx.round.id, ctx.unit.code, s.section.code)}#${inputName(fieldKey, itemCode)}`, field };
    }
    return { label: fieldKey, href: null, field: null };
  };
}
