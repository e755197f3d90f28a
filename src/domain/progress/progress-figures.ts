// The figures of a round's progress and what each one counts. Every figure is also a filter of the respondent
// list, so a number on the dashboard always opens the list of exactly those respondents.
//
// - expected: the respondents the round fixed when it opened (round_respondents).
// - started: a submission exists (anything saved, in any state).
// - not started: no submission yet.
// - not submitted: not sent, or sent back (started or not): the ones still to chase.
// - in progress: started but not sent (in progress, awaiting the executive, or returned for correction).
// - submitted: sent and standing as sent (submitted, or accepted by the office above). A returned submission is
//   not counted until it is sent again.
// - accepted: accepted by the office above.
// - on time / late: of the submitted, sent by / after the respondent's own deadline (the round's due time moved
//   by the latest granted extension covering them — domain/rounds/entry-window.ts), to the second.
// - overdue: not submitted and the respondent's own deadline has passed.

export const progressFilters = [
  'not_started', 'started', 'in_progress', 'awaiting_approval', 'returned', 'not_submitted', 'submitted', 'accepted', 'on_time', 'late', 'overdue',
] as const;
export type ProgressFilter = (typeof progressFilters)[number];

export const progressFilterLabels: Record<ProgressFilter, string> = {
  not_started: 'ยังไม่เริ่ม',
  started: 'เริ่มกรอกแล้ว',
  in_progress: 'กำลังดำเนินการ (ยังไม่ส่ง)',
  awaiting_approval: 'รอผู้บริหารส่ง',
  returned: 'ส่งกลับให้แก้ไข',
  not_submitted: 'ยังไม่ส่ง',
  submitted: 'ส่งแล้ว',
  accepted: 'รับรองแล้ว',
  on_time: 'ส่งตรงเวลา',
  late: 'ส่งล่าช้า',
  overdue: 'เลยกำหนดแล้วยังไม่ส่ง',
};

export function isProgressFilter(v: string): v is ProgressFilter {
  return (progressFilters as readonly string[]).includes(v);
}

export type ProgressCounts = {
  expected: number; started: number; notStarted: number; inProgress: number; awaitingApproval: number; returned: number;
  notSubmitted: number; submitted: number; accepted: number; onTime: number; late: number; overdue: number;
};

export const countOfFilter: Record<ProgressFilter, keyof ProgressCounts> = {
  not_started: 'notStarted', started: 'started', in_progress: 'inProgress', awaiting_approval: 'awaitingApproval', returned: 'returned',
  not_submitted: 'notSubmitted', submitted: 'submitted', accepted: 'accepted', on_time: 'onTime', late: 'late', overdue: 'overdue',
};

/** The share as a percentage with one decimal; null when nothing is expected. */
export function percentOf(n: number, of: number): number | null {
  if (of <= 0) return null;
  return Math.round((n * 1000) / of) / 10;
}

/** Sent after the deadline? The entry rule's comparison: whole seconds, the deadline's own second on time. */
export function sentLate(submittedAt: Date, deadline: Date): boolean {
  return Math.floor(submittedAt.getTime() / 1000) > Math.floor(deadline.getTime() / 1000);
}

/** Past the deadline at `now` (the same whole-second comparison). */
export function pastDeadline(now: Date, deadline: Date): boolean {
  return sentLate(now, deadline);
}
