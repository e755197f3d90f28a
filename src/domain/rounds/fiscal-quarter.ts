import { bangkokInstant, endOfBangkokDay, toCE } from '../dates/bangkok-time.ts';

// Thai fiscal quarters: Q1 Oct–Dec (of the previous calendar year), Q2 Jan–Mar, Q3 Apr–Jun, Q4 Jul–Sep.
// DLA's quarterly monitoring report is due on the 25th of the month after the quarter (seed 000).

export type Quarter = 1 | 2 | 3 | 4;

/** DLA's reports start from the 2nd quarter's results (January – March), the first due by 25 April (seed 000): a
 * fiscal year's rounds are made from Q2 unless the owner asks for another first quarter. */
export const firstReportedQuarter: Quarter = 2;

/** The calendar dates (CE) a fiscal quarter covers. */
export function fiscalQuarterRange(fiscalYearBE: number, quarter: Quarter): { first: string; last: string } {
  const fy = toCE(fiscalYearBE);
  const startYear = quarter === 1 ? fy - 1 : fy;
  const startMonth = [10, 1, 4, 7][quarter - 1]!;
  const endMonth = startMonth + 2;
  const lastDay = new Date(Date.UTC(startYear, endMonth, 0)).getUTCDate();
  const pad = (n: number) => String(n).padStart(2, '0');
  return { first: `${startYear}-${pad(startMonth)}-01`, last: `${startYear}-${pad(endMonth)}-${pad(lastDay)}` };
}

export type RoundDates = { opensAt: Date; dueAt: Date; lateUntil: Date; editClosesAt: Date };

/** The rule for a quarterly round: opens on the quarter's first day, due at the end of the 25th of the month after
 * it; no late acceptance unless the owner sets one; editing closes at the end of that month. */
export function quarterlyRoundDates(fiscalYearBE: number, quarter: Quarter): RoundDates {
  const { first, last } = fiscalQuarterRange(fiscalYearBE, quarter);
  const [y, m] = last.split('-').map(Number) as [number, number];
  const nextMonth = m === 12 ? { y: y + 1, m: 1 } : { y, m: m + 1 };
  const pad = (n: number) => String(n).padStart(2, '0');
  const due = `${nextMonth.y}-${pad(nextMonth.m)}-25`;
  const monthEnd = `${nextMonth.y}-${pad(nextMonth.m)}-${pad(new Date(Date.UTC(nextMonth.y, nextMonth.m, 0)).getUTCDate())}`;
  const dueAt = endOfBangkokDay(due);
  return { opensAt: bangkokInstant(first), dueAt, lateUntil: dueAt, editClosesAt: endOfBangkokDay(monthEnd) };
}

export const quarterLabel = (quarter: number) => `ไตรมาสที่ ${quarter}`;
