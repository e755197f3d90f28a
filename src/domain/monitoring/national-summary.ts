import type { MonitoringFields } from './report-fields.ts';

// DLA's national summary of one quarter: for each standard, how many provinces reported each degree of following
// it, and every province's problems and suggestions, word for word, grouped under the standard. Only reports the
// provinces have sent count: what is still being typed is not a province's report yet.

export type SentReport = { provinceCode: string; provinceName: string; answers: ReadonlyMap<string, unknown> };
export type ProvinceText = { provinceCode: string; provinceName: string; text: string };

export type StandardSummary = {
  code: string;
  title: string;
  /** Provinces per choice of the compliance field, in the field's order. */
  compliance: { value: string; label: string; provinces: number }[];
  /** Sent reports that left the compliance field empty for this standard. */
  notStated: number;
  problems: ProvinceText[];
  suggestions: ProvinceText[];
};

const key = (field: string, item: string) => `${field}|${item}`;
const text = (v: unknown) => (typeof v === 'string' ? v.trim() : '');
/** "-", "ไม่มี" and the like say there is nothing to report. */
const saysNothing = (s: string) => /^(?:-+|—|ไม่มี|ไม่มีปัญหา|ไม่มีข้อเสนอแนะ|ไม่มีปัญหา\/อุปสรรค)$/.test(s);

export function summariseStandards(fields: MonitoringFields, reports: SentReport[]): StandardSummary[] {
  const byName = [...reports].sort((a, b) => a.provinceName.localeCompare(b.provinceName, 'th'));
  return fields.items.map((item) => {
    const choices = fields.compliance?.choices ?? [];
    const compliance = choices.map((c) => ({ value: c.value, label: c.label, provinces: 0 }));
    let notStated = 0;
    for (const r of byName) {
      const v = fields.compliance ? r.answers.get(key(fields.compliance.key, item.code)) : undefined;
      const hit = compliance.find((c) => c.value === v);
      if (hit) hit.provinces++;
      else notStated++;
    }
    const texts = (keys: string[]) =>
      byName.flatMap((r) => {
        const said = keys.map((k) => text(r.answers.get(key(k, item.code)))).filter((s) => s && !saysNothing(s));
        return said.length ? [{ provinceCode: r.provinceCode, provinceName: r.provinceName, text: said.join('\n') }] : [];
      });
    return {
      code: item.code, title: item.title, compliance, notStated,
      problems: texts(fields.problems.map((f) => f.key)),
      suggestions: texts(fields.suggestions.map((f) => f.key)),
    };
  });
}

/** Provinces that reported the standard as not fully followed: every choice but the first (the framework lists the
 * choices from "followed in full" down). Those that stated nothing are counted apart, never as either. */
export function notFullyFollowed(s: StandardSummary): number {
  return s.compliance.slice(1).reduce((a, c) => a + c.provinces, 0);
}
