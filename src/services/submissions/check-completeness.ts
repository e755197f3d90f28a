import { listEvidenceCounts } from '../../db/queries/submission-evidence.ts';
import type { Db } from '../../db/pool.ts';
import { targetFor, resolveText, visibleFields } from '../../domain/framework/framework-view.ts';
import { compileFormula } from '../../domain/framework/formula.ts';
import { answerKey, computeIndicators, environmentFor, inputName, sectionItems } from '../../domain/submission/check-section.ts';
import type { SubmissionContext } from './load-submission.ts';

// What still stops a submission: unanswered required fields and missing evidence. Shown on the check-answers page
// and enforced by submit.

export type Gap = { kind: 'missing_value' | 'missing_evidence'; formCode: string; sectionCode: string | null; name: string; message: string };

export async function findGaps(db: Db, ctx: SubmissionContext): Promise<Gap[]> {
  const { doc } = ctx.version;
  const gaps: Gap[] = [];
  for (const { field, section, form } of visibleFields(doc, ctx.audience)) {
    if (field.type === 'file' || !(field.required ?? field.type !== 'longtext')) continue;
    for (const item of sectionItems(doc, section)) {
      const v = ctx.answers.get(answerKey(field.key, item.code));
      if (v === null || v === undefined) {
        gaps.push({ kind: 'missing_value', formCode: form.code, sectionCode: section.code, name: inputName(field.key, item.code), message: `${resolveText(field.label, ctx.audience, doc)}${item.title ? ` (${item.title})` : ''}: ยังไม่ได้กรอก` });
      }
    }
  }
  const evidence = ctx.submission ? await listEvidenceCounts(db, ctx.submission.id) : new Map<string, number>();
  for (const p of computeIndicators(doc, ctx.audience, ctx.answers)) {
    const rule = p.indicator.evidence?.required;
    if (!rule || rule === 'never') continue;
    const value = p.outcome.kind === 'value' && typeof p.outcome.value === 'number' ? p.outcome.value : null;
    const target = targetFor(p.indicator, ctx.audience);
    const met = value !== null && target ? (target.comparison === '>=' ? value >= target.value : target.comparison === '>' ? value > target.value : target.comparison === '<=' ? value <= target.value : value < target.value) : false;
    const needed = rule === 'always' || (rule === 'when_positive' && value !== null && value > 0) || (rule === 'when_met' && met);
    if (needed && !evidence.get(`indicator:${p.indicator.code}`)) {
      const fe = environmentFor(doc, ctx.audience);
      const keys = [p.indicator.formula, p.indicator.numerator, p.indicator.denominator].filter((e): e is string => Boolean(e)).flatMap((e) => compileFormula(fe, e).references);
      const home = visibleFields(doc, ctx.audience).find(({ field }) => keys.includes(field.key));
      gaps.push({ kind: 'missing_evidence', formCode: home?.form.code ?? doc.forms[0]!.code, sectionCode: home?.section.code ?? null, name: `evidence-${p.indicator.code}`, message: `${p.indicator.code} ${resolveText(p.indicator.title, ctx.audience, doc)}: ยังไม่ได้แนบหลักฐาน` });
    }
  }
  return gaps;
}
