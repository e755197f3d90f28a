import { formatThaiDate } from '../dates/thai-date.ts';

// The rule that decides whether a respondent may still enter data in a round, at a given instant.
// - The round must be open, and the instant on or after its opening.
// - The respondent's deadline is the round's due time, moved by the latest granted extension that covers them
//   (for everyone, for their province, or for them alone). Up to it, entry is on time.
// - After it, entry is accepted as late until the late-acceptance end (never earlier than their deadline).
// - Every bound is inclusive to the second: at T the entry counts, at T + 1 s it does not.

export type RoundStateName = 'draft' | 'open' | 'closed' | 'published';
export type RoundTimes = { state: RoundStateName; opensAt: Date; dueAt: Date; lateUntil: Date; editClosesAt: Date };
export type ExtensionFact = { id: number; scope: 'all' | 'province' | 'respondent'; orgUnitId: number | null; provinceCode: string | null; newDueAt: Date; status: 'requested' | 'granted' | 'refused' };
export type RespondentFact = { orgUnitId: number; provinceCode: string | null };

export type EntryDecision =
  | { allowed: true; late: boolean; deadline: Date; acceptUntil: Date; extension: ExtensionFact | null }
  | { allowed: false; reason: 'round_not_open' | 'not_yet_open' | 'round_closed' | 'past_deadline'; message: string; deadline: Date; acceptUntil: Date };

export function extensionCovers(e: ExtensionFact, who: RespondentFact): boolean {
  if (e.scope === 'all') return true;
  if (e.scope === 'province') return who.provinceCode !== null && e.provinceCode === who.provinceCode;
  return e.orgUnitId === who.orgUnitId;
}

/** The granted extension that moves this respondent's deadline furthest (null when none does). */
export function effectiveExtension(round: RoundTimes, extensions: ExtensionFact[], who: RespondentFact): ExtensionFact | null {
  let best: ExtensionFact | null = null;
  for (const e of extensions) {
    if (e.status !== 'granted' || !extensionCovers(e, who) || e.newDueAt <= round.dueAt) continue;
    if (!best || e.newDueAt > best.newDueAt) best = e;
  }
  return best;
}

/** The respondent's own deadline and the end of late acceptance. */
export function respondentDeadline(round: RoundTimes, extensions: ExtensionFact[], who: RespondentFact): { deadline: Date; acceptUntil: Date; extension: ExtensionFact | null } {
  const extension = effectiveExtension(round, extensions, who);
  const deadline = extension?.newDueAt ?? round.dueAt;
  const acceptUntil = new Date(Math.max(round.lateUntil.getTime(), deadline.getTime()));
  return { deadline, acceptUntil, extension };
}

const at = (d: Date) => formatThaiDate(d, { withTime: true });

/** `returned`: a submission sent back for correction may be corrected until editing closes (or its own later
 * deadline), even after late acceptance has ended; after that, nothing changes without an extension. */
export function decideEntry(round: RoundTimes, extensions: ExtensionFact[], who: RespondentFact, now: Date, opts: { returned?: boolean } = {}): EntryDecision {
  const own = respondentDeadline(round, extensions, who);
  const { deadline, extension } = own;
  const acceptUntil = opts.returned ? new Date(Math.max(own.acceptUntil.getTime(), round.editClosesAt.getTime())) : own.acceptUntil;
  const refuse = (reason: Exclude<EntryDecision, { allowed: true }>['reason'], message: string): EntryDecision => ({ allowed: false, reason, message, deadline, acceptUntil });
  if (round.state === 'draft') return refuse('round_not_open', 'รอบการประเมินนี้ยังไม่เปิดรับข้อมูล');
  if (round.state !== 'open') return refuse('round_closed', 'รอบการประเมินนี้ปิดรับข้อมูลแล้ว');
  if (now < round.opensAt) return refuse('not_yet_open', `ยังไม่ถึงเวลาเปิดรับข้อมูล (เปิดวันที่ ${at(round.opensAt)})`);
  if (Math.floor(now.getTime() / 1000) > Math.floor(acceptUntil.getTime() / 1000)) {
    return refuse('past_deadline', `พ้นกำหนดรับข้อมูลแล้ว เมื่อวันที่ ${at(acceptUntil)} หากมีเหตุจำเป็น ขอขยายเวลาได้ที่หน้ารอบการประเมิน`);
  }
  return { allowed: true, late: Math.floor(now.getTime() / 1000) > Math.floor(deadline.getTime() / 1000), deadline, acceptUntil, extension };
}
