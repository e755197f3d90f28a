// A submission's life (design.md §2): not started → in progress → awaiting approval → submitted → accepted, or
// returned → in progress again. "Not started" is the absence of a row. Parts (forms) are in progress, ready
// (the officer is done) or returned (reopened by a review).

export type SubmissionStateName = 'not_started' | 'in_progress' | 'awaiting_approval' | 'submitted' | 'returned' | 'accepted';
export type PartStateName = 'not_started' | 'in_progress' | 'ready' | 'returned';

export const submissionStateLabels: Record<SubmissionStateName, string> = {
  not_started: 'ยังไม่เริ่ม',
  in_progress: 'กำลังกรอก',
  awaiting_approval: 'รอผู้บริหารส่ง',
  submitted: 'ส่งแล้ว',
  returned: 'ส่งกลับให้แก้ไข',
  accepted: 'รับรองแล้ว',
};

export const partStateLabels: Record<PartStateName, string> = {
  not_started: 'ยังไม่เริ่ม',
  in_progress: 'กำลังกรอก',
  ready: 'พร้อมส่ง',
  returned: 'ส่งกลับให้แก้ไข',
};

/** Values may change while the respondent holds the submission: before it is sent, or after it came back. */
export function isEditableState(state: SubmissionStateName): boolean {
  return state === 'not_started' || state === 'in_progress' || state === 'awaiting_approval' || state === 'returned';
}

export function canSubmitFrom(state: SubmissionStateName): boolean {
  return state === 'in_progress' || state === 'awaiting_approval' || state === 'returned';
}

export function canReviewFrom(state: SubmissionStateName): boolean {
  return state === 'submitted';
}
