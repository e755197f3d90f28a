import { respondentDeadline, type ExtensionFact, type RoundTimes } from '../rounds/entry-window.ts';

// Where one province's quarterly report stands against its own deadline (the round's due time moved by any
// extension that covers the province — the entry rule's deadline), to the second.

export type ReportStatus = 'on_time' | 'late' | 'overdue' | 'pending';
export const reportStatusLabels: Record<ReportStatus, string> = {
  on_time: 'ส่งตามกำหนด',
  late: 'ส่งหลังกำหนด',
  overdue: 'เลยกำหนด ยังไม่ส่ง',
  pending: 'ยังไม่ส่ง (ยังไม่ถึงกำหนด)',
};

const sentStates = new Set(['submitted', 'accepted']);
const seconds = (d: Date) => Math.floor(d.getTime() / 1000);

export function reportStatus(
  round: RoundTimes,
  extensions: ExtensionFact[],
  r: { orgUnitId: number; provinceCode: string | null; state: string; submittedAt: Date | null },
  now: Date,
): { status: ReportStatus; deadline: Date } {
  const { deadline } = respondentDeadline(round, extensions, r);
  if (sentStates.has(r.state) && r.submittedAt) return { status: seconds(r.submittedAt) > seconds(deadline) ? 'late' : 'on_time', deadline };
  return { status: seconds(now) > seconds(deadline) ? 'overdue' : 'pending', deadline };
}
