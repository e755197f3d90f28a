import type { Deps } from '../../deps.ts';
import { findDistrictOfficeRound, listDivisionParts, listOfficeRespondents } from '../../db/queries/outstanding.ts';
import { listInternalDeadlines } from '../../db/queries/rounds.ts';
import { listEvidenceCounts } from '../../db/queries/submission-evidence.ts';
import type { Actor } from '../../domain/access/actor.ts';
import { resolveText, visibleIndicators } from '../../domain/framework/framework-view.ts';
import { provinceOfficeDivisions } from '../../domain/org/divisions.ts';
import { divisionPartCode, divisionScope, divisionWork, indicatorFields, internalDueOf, timeliness, type Timeliness } from '../../domain/outstanding/division-scope.ts';
import type { PartStateName, SubmissionStateName } from '../../domain/submission/submission-state.ts';
import { findGaps } from '../submissions/check-completeness.ts';
import type { SubmissionContext } from '../submissions/load-submission.ts';

// Where the divisions of a provincial office stand in its outstanding-office submission, against the province's own
// internal date (seed 004: divisions and district offices report to the office by 15 May, the office to DLA by
// 31 May): for a division officer only their division, for everyone else every division and the province's district
// offices in the district-office round of the same fiscal year.

export type DivisionIndicator = { code: string; no: number; title: string; sectionCode: string | null; answered: number; total: number; evidence: number; evidenceMissing: boolean; evidenceNote: string | null };
export type DivisionRow = {
  key: string; name: string; indicators: DivisionIndicator[]; answered: number; total: number;
  state: PartStateName; readyAt: Date | null; timeliness: Timeliness | null;
};
export type DistrictOfficeRow = { code: string; name: string; state: SubmissionStateName; submittedAt: Date | null; timeliness: Timeliness | null };
export type DivisionStatus = {
  internalDue: { title: string; dueAt: Date } | null;
  /** The actor's divisions when they are a division's officer; null for the office's own staff and reviewers. */
  mine: string[] | null;
  divisions: DivisionRow[];
  districts: { roundId: number; roundTitle: string; internalDue: { title: string; dueAt: Date } | null; rows: DistrictOfficeRow[] } | null;
};

const divisionNames = new Map<string, string>(provinceOfficeDivisions.map((d) => [d.key, d.nameTh]));
export const divisionName = (key: string) => divisionNames.get(key) ?? key;

/** Null when the round's framework has no division owners. */
export async function loadDivisionStatus(deps: Pick<Deps, 'db' | 'clock'>, actor: Actor, ctx: SubmissionContext): Promise<DivisionStatus | null> {
  const { doc } = ctx.version;
  const work = divisionWork(doc);
  if (!work.length) return null;
  const now = deps.clock.now();
  const scope = divisionScope(actor, ctx.unit, doc);
  const provinceId = ctx.unit.parentId;
  const pick = (rows: Awaited<ReturnType<typeof listInternalDeadlines>>) => {
    const d = internalDueOf(rows, provinceId);
    return d ? { title: d.title, dueAt: d.dueAt } : null;
  };
  const internalDue = pick(await listInternalDeadlines(deps.db, ctx.round.id));
  const [parts, evidence, gaps] = ctx.submission
    ? await Promise.all([listDivisionParts(deps.db, ctx.submission.id), listEvidenceCounts(deps.db, ctx.submission.id), findGaps(deps.db, ctx)])
    : [[], new Map<string, number>(), await findGaps(deps.db, ctx)];
  const missingEvidence = new Set(gaps.filter((g) => g.kind === 'missing_evidence').map((g) => g.name));
  const numbers = new Map([...visibleIndicators(doc, null)].map((x) => x.indicator.code).sort((a, b) => a.localeCompare(b, 'en', { numeric: true })).map((code, i) => [code, i + 1]));
  // Where an indicator is entered: the section of its first input (the numerator, not a shared denominator).
  const homeSection = (fields: string[]) => doc.forms.flatMap((f) => f.sections).find((s) => s.fields.some((f) => f.key === fields[0]))?.code ?? null;
  const answered = (key: string) => ctx.answers.get(key) !== null && ctx.answers.get(key) !== undefined;

  // In the order the office lists its divisions (domain/org/divisions.ts), as DLA's letter names them.
  const order = (key: string) => (provinceOfficeDivisions.findIndex((d) => d.key === key) + 100) % 100;
  const divisions = work.filter((w) => !scope || scope.divisions.includes(w.key)).sort((a, b) => order(a.key) - order(b.key)).map((w): DivisionRow => {
    const indicators = w.indicators.map((indicator): DivisionIndicator => {
      const fields = indicatorFields(doc, indicator);
      return {
        code: indicator.code, no: numbers.get(indicator.code) ?? 0, title: resolveText(indicator.title, null, doc), sectionCode: homeSection(fields),
        answered: fields.filter(answered).length, total: fields.length, evidence: evidence.get(`indicator:${indicator.code}`) ?? 0,
        evidenceMissing: missingEvidence.has(`evidence-${indicator.code}`), evidenceNote: indicator.evidence && indicator.evidence.required !== 'never' ? resolveText(indicator.evidence.note, null, doc) || 'แนบหลักฐาน' : null,
      };
    });
    const part = parts.find((p) => p.partCode === divisionPartCode(w.key));
    const done = w.fields.filter(answered).length;
    const readyAt = part?.state === 'ready' ? part.updatedAt : null;
    return {
      key: w.key, name: divisionName(w.key), indicators, answered: done, total: w.fields.length,
      state: part?.state ?? (done ? 'in_progress' : 'not_started'), readyAt, timeliness: timeliness(internalDue?.dueAt ?? null, readyAt, now),
    };
  });

  let districts: DivisionStatus['districts'] = null;
  if (!scope && ctx.unit.kind === 'province_office' && ctx.unit.provinceCode) {
    const round = await findDistrictOfficeRound(deps.db, { fiscalYear: ctx.round.fiscalYear, provinceCode: ctx.unit.provinceCode });
    if (round) {
      const due = pick(await listInternalDeadlines(deps.db, round.id));
      const rows = (await listOfficeRespondents(deps.db, round.id, ctx.unit.provinceCode)).map((r): DistrictOfficeRow => {
        const sent = r.state === 'submitted' || r.state === 'accepted' ? r.submittedAt : null;
        return { code: r.code, name: r.name, state: r.state ?? 'not_started', submittedAt: sent, timeliness: timeliness(due?.dueAt ?? null, sent, now) };
      });
      districts = { roundId: round.id, roundTitle: round.title, internalDue: due, rows };
    }
  }
  return { internalDue, mine: scope?.divisions ?? null, divisions, districts };
}
