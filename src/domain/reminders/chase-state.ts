import { isWithin } from '../org/org-unit.ts';
import type { Actor } from '../access/actor.ts';
import { canManageProgrammes } from '../access/policies.ts';

// Where a respondent stands for the office that chases it. Only respondents that have not sent their data are
// chased; among them:
// - late (เลยกำหนด): its own deadline (the round's due time moved by any extension that covers it) has passed;
// - at risk (เสี่ยงไม่ทัน): not late, its deadline is at most `atRisk.withinDays` days away, and less than
//   `atRisk.answeredBelow` of the answers its LAO type is asked for are filled in;
// - not started (ยังไม่เริ่ม): nobody has entered anything;
// - in progress (กำลังกรอก): started and still held by the respondent (being filled in, waiting for the executive,
//   or returned for correction).
// The chase list's SQL applies the same rule with these same numbers (db/queries/chase-list.ts).

export const atRisk = { withinDays: 7, answeredBelow: 0.5 } as const;

export const chaseFilterStates = ['not_started', 'in_progress', 'late', 'at_risk'] as const;
export type ChaseFilterState = (typeof chaseFilterStates)[number];

export const chaseFilterLabels: Record<ChaseFilterState | 'all', string> = {
  all: 'ยังไม่ส่งทั้งหมด',
  not_started: 'ยังไม่เริ่ม',
  in_progress: 'กำลังกรอก',
  late: 'เลยกำหนด',
  at_risk: 'เสี่ยงไม่ทัน',
};

/** The submission states in which the respondent still holds its data (not yet sent to the office above). */
export const heldStates = ['not_started', 'in_progress', 'awaiting_approval', 'returned'] as const;

export function atRiskDefinition(): string {
  return `ยังไม่ส่งข้อมูล เหลือเวลาถึงกำหนดส่งไม่เกิน ${atRisk.withinDays} วัน และกรอกข้อมูลแล้วไม่ถึงร้อยละ ${Math.round(atRisk.answeredBelow * 100)} ของช่องที่ต้องกรอก`;
}

export type ChaseFacts = { state: string; deadline: Date; answeredShare: number };

export function isLate(f: ChaseFacts, now: Date): boolean {
  return (heldStates as readonly string[]).includes(f.state) && f.deadline.getTime() < now.getTime();
}

export function isAtRisk(f: ChaseFacts, now: Date): boolean {
  if (!(heldStates as readonly string[]).includes(f.state) || isLate(f, now)) return false;
  return f.deadline.getTime() - now.getTime() <= atRisk.withinDays * 86_400_000 && f.answeredShare < atRisk.answeredBelow;
}

/** The share of a respondent's answers filled in (0–1), from the answers given and the answers its type is asked for. */
export function answeredShare(answered: number, slots: number): number {
  if (slots <= 0) return answered > 0 ? 1 : 0;
  return Math.min(1, Math.max(0, answered / slots));
}

/** Who may chase a respondent: the office above it (the district or provincial office for an LAO, the provincial
 * office for a district office) and the programme owners — the same people who review its submission. */
export type ChaseReach = { path: string; kinds: readonly string[] };

export function chaseReach(actor: Actor): ChaseReach[] | null {
  if (canManageProgrammes(actor)) return null;
  const out: ChaseReach[] = [];
  for (const m of actor.memberships) {
    if (m.role === 'district_office') out.push({ path: m.unitPath, kinds: ['lao'] });
    if (m.role === 'province_office') out.push({ path: m.unitPath, kinds: ['lao', 'district_office'] });
  }
  return out;
}

export function canChase(actor: Actor): boolean {
  const reach = chaseReach(actor);
  return reach === null || reach.length > 0;
}

export function canChaseUnit(actor: Actor, unit: { path: string; kind: string }): boolean {
  const reach = chaseReach(actor);
  return reach === null || reach.some((r) => r.kinds.includes(unit.kind) && isWithin(unit.path, r.path));
}
