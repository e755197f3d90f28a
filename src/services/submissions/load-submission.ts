import type { Deps } from '../../deps.ts';
import { findProgrammeById, type ProgrammeRow } from '../../db/queries/frameworks.ts';
import { findOrgUnitByAnyCode } from '../../db/queries/org-units.ts';
import { findRespondent, findRound, type RoundRow } from '../../db/queries/rounds.ts';
import { findSubmission, lastSnapshot, listParts, listReviewComments, listValues, previousRoundValues, type PartRow, type ReviewCommentRow, type StoredValueRow, type SubmissionRow } from '../../db/queries/submissions.ts';
import type { Actor } from '../../domain/access/actor.ts';
import { DomainError } from '../../domain/errors.ts';
import type { Audience } from '../../domain/framework/framework-view.ts';
import type { OrgUnit } from '../../domain/org/org-unit.ts';
import type { LaoType } from '../../domain/org/lao-type.ts';
import { decideEntry, type EntryDecision } from '../../domain/rounds/entry-window.ts';
import { answerKey, type Answers } from '../../domain/submission/check-section.ts';
import type { StoredValue } from '../../domain/submission/parse-field-value.ts';
import { canViewSubmission } from '../../domain/submission/submission-policy.ts';
import type { SubmissionStateName } from '../../domain/submission/submission-state.ts';
import { loadFrameworkVersion, type LoadedFrameworkVersion } from '../framework/load-framework-version.ts';
import { loadExtensionFacts } from '../rounds/extension-facts.ts';

// Everything a data-entry, check-answers or review page needs about one respondent in one round.

export type SubmissionContext = {
  round: RoundRow;
  programme: ProgrammeRow;
  version: LoadedFrameworkVersion;
  unit: OrgUnit;
  audience: Audience;
  submission: SubmissionRow | null;
  state: SubmissionStateName;
  rows: StoredValueRow[];
  answers: Answers;
  parts: PartRow[];
  comments: ReviewCommentRow[];
  lastYear: { roundTitle: string; answers: Answers } | null;
  /** What was sent last time (answer key → value), when it has been sent before. */
  lastSent: Record<string, unknown> | null;
  entry: EntryDecision;
};

export async function loadSubmissionContext(deps: Pick<Deps, 'db' | 'clock'>, actor: Actor | null, input: { roundId: number; orgUnitCode: string }): Promise<SubmissionContext> {
  const [round, unit] = await Promise.all([findRound(deps.db, input.roundId), findOrgUnitByAnyCode(deps.db, input.orgUnitCode)]);
  if (!round || !unit) throw new DomainError('not_found', 'submission_not_found');
  // Independent reads run side by side: a save waits for the slowest, not for their sum.
  const [respondent, programme, version, found, previous, extensions] = await Promise.all([
    findRespondent(deps.db, round.id, unit.id), findProgrammeById(deps.db, round.programmeId), loadFrameworkVersion(deps.db, { id: round.frameworkVersionId }),
    findSubmission(deps.db, round.id, unit.id), previousRoundValues(deps.db, round.id, unit.id), loadExtensionFacts(deps.db, round.id),
  ]);
  if (!respondent || !programme) throw new DomainError('not_found', 'submission_not_found');
  if (actor && !canViewSubmission(actor, unit)) throw new DomainError('forbidden', 'forbidden');
  const submission = found ?? null;
  const [rows, parts, comments, sent] = submission
    ? await Promise.all([listValues(deps.db, submission.id), listParts(deps.db, submission.id), listReviewComments(deps.db, submission.id), lastSnapshot(deps.db, submission.id)])
    : [[], [], [], undefined];
  const answers: Answers = new Map(rows.map((r) => [answerKey(r.fieldKey, r.itemCode), r.value as StoredValue]));
  const entry = decideEntry(round, extensions, { orgUnitId: unit.id, provinceCode: respondent.provinceCode }, deps.clock.now(), { returned: submission?.state === 'returned' });
  return {
    round, programme, version, unit,
    audience: programme.respondents === 'lao' ? (respondent.laoType as LaoType) : null,
    submission, state: submission?.state ?? 'not_started', rows, answers,
    parts, comments,
    lastYear: previous ? { roundTitle: previous.roundTitle, answers: new Map(previous.values.map((v) => [answerKey(v.fieldKey, v.itemCode), v.value as StoredValue])) } : null,
    lastSent: sent?.values ?? null,
    entry,
  };
}

/** Answers that differ from what was sent last time (answer key → [sent, now]). */
export function changesSinceLastSent(ctx: Pick<SubmissionContext, 'lastSent' | 'answers'>): Map<string, [unknown, unknown]> {
  const changes = new Map<string, [unknown, unknown]>();
  if (!ctx.lastSent) return changes;
  const keys = new Set([...Object.keys(ctx.lastSent), ...ctx.answers.keys()]);
  for (const key of keys) {
    const sent = ctx.lastSent[key] ?? null;
    const now = ctx.answers.get(key) ?? null;
    if (JSON.stringify(sent) !== JSON.stringify(now)) changes.set(key, [sent, now]);
  }
  return changes;
}

/** Fields a returned submission reopens: those with an open "please correct" comment. Null = everything open. */
export function reopenedFields(ctx: Pick<SubmissionContext, 'state' | 'comments'>): Set<string> | null {
  if (ctx.state !== 'returned') return null;
  return new Set(ctx.comments.filter((c) => c.returnsField && !c.resolvedAt && c.fieldKey).map((c) => answerKey(c.fieldKey!, c.itemCode)));
}
