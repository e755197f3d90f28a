import type { FormulaOutcome } from '../framework/formula.ts';

// An indicator's computed value in words, the same on the server (section and check-answers pages) and in the
// browser (the live preview bundles this file): a number with its unit, "no such service" for a zero
// denominator, or "not yet" while inputs are missing.

export function describeOutcome(outcome: FormulaOutcome, unit: string): string {
  switch (outcome.kind) {
    case 'value':
      if (typeof outcome.value === 'boolean') return outcome.value ? 'ใช่' : 'ไม่ใช่';
      return `${outcome.value.toLocaleString('th-TH', { maximumFractionDigits: 2 })} ${unit}`;
    case 'no_service':
      return 'ไม่มีบริการสาธารณะ';
    case 'missing':
      return 'ยังคำนวณไม่ได้ — กรอกข้อมูลที่ใช้คำนวณให้ครบ';
    case 'error':
      return `คำนวณไม่ได้: ${outcome.message}`;
  }
}

/** Whether a computed number meets its target (null when there is no number or no target). */
export function meetsTarget(outcome: FormulaOutcome, target: { comparison: '>=' | '>' | '<=' | '<'; value: number } | undefined): boolean | null {
  if (!target || outcome.kind !== 'value' || typeof outcome.value !== 'number') return null;
  const v = outcome.value;
  return target.comparison === '>=' ? v >= target.value : target.comparison === '>' ? v > target.value : target.comparison === '<=' ? v <= target.value : v < target.value;
}
