import type { Deps } from '../../deps.ts';
import { findSeat, listComments, type CommentRow } from '../../db/queries/committees.ts';
import { findProgrammeById } from '../../db/queries/frameworks.ts';
import { findRound } from '../../db/queries/rounds.ts';
import type { Actor } from '../../domain/access/actor.ts';
import { canCommentOnMonitoringReport, canFillMonitoringReport, type CommitteeSeat } from '../../domain/committees/committee-policy.ts';
import { DomainError } from '../../domain/errors.ts';
import type { Section } from '../../domain/framework/framework-schema.ts';
import { monitoringFields, type MonitoringFields } from '../../domain/monitoring/report-fields.ts';
import { reportStatus, type ReportStatus } from '../../domain/monitoring/report-status.ts';
import type { OrgUnit } from '../../domain/org/org-unit.ts';
import { provinceOfficeCode } from '../../domain/org/org-unit.ts';
import { answerKey } from '../../domain/submission/check-section.ts';
import { canSubmitSubmission } from '../../domain/submission/submission-policy.ts';
import { isEditableState } from '../../domain/submission/submission-state.ts';
import { loadProvince } from '../committees/load-committee.ts';
import { loadExtensionFacts } from '../rounds/extension-facts.ts';
import { loadSubmissionContext, reopenedFields, type SubmissionContext } from '../submissions/load-submission.ts';

// A province's quarterly monitoring report as its committee works on it: the provincial office's submission in a
// quarterly round, who may fill it now (the office's people and the committee's secretariat), send it (the office),
// comment on it (the committee), and where it stands against the province's own deadline.

export type MonitoringPermissions = {
  fill: boolean;
  /** fill, and the round takes data now and the report is not sent */
  editable: boolean;
  submit: boolean;
  comment: boolean;
  /** Why it cannot change now, for those who could fill it otherwise. */
  lockedMessage: string | null;
  /** A returned report reopens only the answers the reviewer asked about (null: everything open). */
  reopened: Set<string> | null;
};

export type MonitoringReport = {
  ctx: SubmissionContext;
  province: OrgUnit;
  fields: MonitoringFields;
  /** The sections that are not the standards' rows (general facts, the reporter). */
  otherSections: Section[];
  seat: CommitteeSeat;
  perms: MonitoringPermissions;
  comments: CommentRow[];
  status: { status: ReportStatus; deadline: Date };
};

export async function loadMonitoringReport(deps: Pick<Deps, 'db' | 'clock'>, actor: Actor, input: { roundId: number; provinceCode: string }): Promise<MonitoringReport> {
  if (!Number.isSafeInteger(input.roundId) || input.roundId <= 0) throw new DomainError('not_found', 'monitoring_report_not_found');
  const [province, round] = await Promise.all([loadProvince(deps.db, input.provinceCode), findRound(deps.db, input.roundId)]);
  const programme = round ? await findProgrammeById(deps.db, round.programmeId) : undefined;
  if (!programme || programme.frequency !== 'quarterly' || programme.respondents !== 'province_office') throw new DomainError('not_found', 'monitoring_report_not_found');
  const ctx = await loadSubmissionContext(deps, actor, { roundId: input.roundId, orgUnitCode: provinceOfficeCode(province.code) });
  const fields = monitoringFields(ctx.version.doc);
  if (!fields) throw new DomainError('not_found', 'monitoring_report_not_found');
  const [seatRow, comments, extensions] = await Promise.all([findSeat(deps.db, province.id, actor.userId), listComments(deps.db, ctx.round.id, ctx.unit.id), loadExtensionFacts(deps.db, ctx.round.id)]);
  const seat: CommitteeSeat = seatRow ?? null;
  const fill = canFillMonitoringReport(actor, ctx.unit, seat);
  const editable = fill && ctx.entry.allowed && isEditableState(ctx.state);
  const lockedMessage = !fill || editable ? null : !ctx.entry.allowed ? ctx.entry.message : ctx.state === 'accepted' ? 'รายงานนี้ได้รับการรับรองแล้ว แก้ไขไม่ได้' : 'ส่งรายงานแล้ว แก้ไขไม่ได้จนกว่าจะถูกส่งกลับให้แก้ไข';
  return {
    ctx, province, fields, seat, comments,
    otherSections: ctx.version.doc.forms.flatMap((f) => f.sections).filter((s) => s !== fields.section),
    perms: { fill, editable, submit: canSubmitSubmission(actor, ctx.unit), comment: canCommentOnMonitoringReport(actor, province, seat), lockedMessage, reopened: reopenedFields(ctx) },
    status: reportStatus(ctx.round, extensions, { orgUnitId: ctx.unit.id, provinceCode: province.code, state: ctx.state, submittedAt: ctx.submission?.submittedAt ?? null }, deps.clock.now()),
  };
}

/** May this answer change now? A returned report reopens only the answers asked about. */
export function answerOpen(report: Pick<MonitoringReport, 'perms'>, fieldKey: string, itemCode = ''): boolean {
  return report.perms.editable && (!report.perms.reopened || report.perms.reopened.has(answerKey(fieldKey, itemCode)));
}

/** How many of a standard's (or a section's) answers are filled in. */
export function answeredCount(report: Pick<MonitoringReport, 'ctx'>, section: Section, itemCode = ''): { answered: number; total: number } {
  const fields = section.fields.filter((f) => f.type !== 'file');
  const answered = fields.filter((f) => {
    const v = report.ctx.answers.get(answerKey(f.key, itemCode));
    return v !== null && v !== undefined && v !== '';
  }).length;
  return { answered, total: fields.length };
}
