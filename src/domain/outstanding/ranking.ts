import type { Actor } from '../access/actor.ts';
import { canManageProgrammes } from '../access/policies.ts';
import type { Indicator } from '../framework/framework-schema.ts';
import { isWithin } from '../org/org-unit.ts';

// DLA's ranking of the offices that sent their data (seed 004): by weighted score, highest first. DLA has published
// no rule for equal scores, so none is invented: offices whose totals are equal to the printed two decimals share a
// rank, the next rank skips as many places (1, 2, 2, 4), and inside a shared rank they are listed by name.

export const tieRuleWords = 'คะแนนรวมเท่ากัน (เมื่อปัดเป็นทศนิยม 2 ตำแหน่ง) ได้ลำดับที่เดียวกัน และลำดับถัดไปเว้นตามจำนวนที่เท่ากัน (เช่น 1, 2, 2, 4) ภายในลำดับเดียวกันเรียงตามชื่อ เพราะกรมส่งเสริมการปกครองท้องถิ่นยังไม่ได้ประกาศเกณฑ์ตัดสินเมื่อคะแนนเท่ากัน';

/** A total as it is printed and compared: two decimals. */
export const roundedTotal = (total: number) => Math.round(total * 100) / 100;

export type Ranked<T> = T & { rank: number; tied: boolean };

const thaiOrder = new Intl.Collator('th-TH');

/** Standard competition ranking ("1224") on totals rounded to two decimals; equal totals listed by name. */
export function rankByTotal<T extends { total: number; name: string }>(entries: readonly T[]): Ranked<T>[] {
  const sorted = [...entries].sort((a, b) => roundedTotal(b.total) - roundedTotal(a.total) || thaiOrder.compare(a.name, b.name));
  const ranked: Ranked<T>[] = [];
  sorted.forEach((e, i) => {
    const same = i > 0 && roundedTotal(sorted[i - 1]!.total) === roundedTotal(e.total);
    ranked.push({ ...e, rank: same ? ranked[i - 1]!.rank : i + 1, tied: false });
  });
  for (const r of ranked) r.tied = ranked.filter((x) => x.rank === r.rank).length > 1;
  return ranked;
}

// One formatter for every figure: toLocaleString builds a new one per call, which a page of 45 offices × 12
// indicators feels.
const figures = new Intl.NumberFormat('en-US', { maximumFractionDigits: 2 });
const n = (v: number) => figures.format(v);

/** The band an indicator's value fell in, in words: "ระดับ 4: ตั้งแต่ 90 แต่ต่ำกว่า 100" / "ระดับ 0: ต่ำกว่า 60". */
export function levelBandWords(indicator: Indicator, level: number | null): string {
  const t = indicator.levels?.thresholds;
  if (!t || level === null) return '-';
  const lower = indicator.polarity === 'lower';
  if (level === 0) return `ระดับ 0: ${lower ? 'มากกว่า' : 'ต่ำกว่า'} ${n(t[0]!)}`;
  const from = t[level - 1]!;
  const next = t[level];
  if (lower) return next === undefined ? `ระดับ ${level}: ไม่เกิน ${n(from)}` : `ระดับ ${level}: ไม่เกิน ${n(from)} แต่มากกว่า ${n(next)}`;
  return next === undefined ? `ระดับ ${level}: ตั้งแต่ ${n(from)} ขึ้นไป` : `ระดับ ${level}: ตั้งแต่ ${n(from)} แต่ต่ำกว่า ${n(next)}`;
}

/** The thresholds of levels 1–5 in one line: "≥60 / ≥70 / ≥80 / ≥90 / ≥100" (≤ for lower-is-better). */
export function thresholdsWords(indicator: Indicator): string {
  const t = indicator.levels?.thresholds;
  if (!t) return '-';
  // A line may break after a slash, never before one.
  return t.map((x) => `${indicator.polarity === 'lower' ? '≤' : '≥'}${n(x)}`).join('\u00a0/ ');
}

/** How a level becomes points (score-indicator.ts): level ÷ 5 × weight, "4 ÷ 5 × 10 = 8". */
export function pointsWords(level: number | null, weight: number, score: number | null): string {
  if (level === null || score === null) return `ไม่มีคะแนน (น้ำหนัก ${n(weight)})`;
  return `${level} ÷ 5 × ${n(weight)} = ${n(score)}`;
}

/** DLA's ranking of provinces: the programme owners, and committee members with the whole country in reach. */
export function canViewProvinceRanking(actor: Actor): boolean {
  return canManageProgrammes(actor) || actor.memberships.some((m) => m.role === 'committee_member' && m.unitKind === 'country');
}

/** A province's own selection of its district offices: its provincial office, and the programme owners. */
export function canViewDistrictRanking(actor: Actor, provincePath: string): boolean {
  return canManageProgrammes(actor) || actor.memberships.some((m) => m.role === 'province_office' && isWithin(provincePath, m.unitPath));
}

const leadingUnits = new Set(['ร้อยละ', 'ระดับ']);

/** ผลการดำเนินงาน as people write it, from a stored result: "ร้อยละ 92.5", "ระดับ 4", "6 กิจกรรม". */
export function valueWords(indicator: Pick<Indicator, 'unit'>, state: string, value: number | null): string {
  if (state === 'missing') return 'ยังไม่มีข้อมูล';
  if (state === 'no_service' || value === null) return '-';
  const v = n(value);
  return leadingUnits.has(indicator.unit) ? `${indicator.unit} ${v}` : `${v} ${indicator.unit}`;
}
