import { visibleFields, type Audience } from '../../domain/framework/framework-view.ts';
import { listIndicators, numericFieldTypes, type Field, type FrameworkDocument } from '../../domain/framework/framework-schema.ts';
import { toCE } from '../../domain/dates/bangkok-time.ts';

// Plausible, deterministic demo answers for any framework: each respondent and field gets the same value on every
// installation. Ratio parts keep their meaning (a part never exceeds its whole; now and then the whole is 0, which
// the results show as "no such service").

function random(seed: string): () => number {
  let h = 1779033703 ^ seed.length;
  for (let i = 0; i < seed.length; i++) h = Math.imul(h ^ seed.charCodeAt(i), 3432918353), (h = (h << 13) | (h >>> 19));
  return () => {
    h = Math.imul(h ^ (h >>> 16), 2246822507);
    h = Math.imul(h ^ (h >>> 13), 3266489909);
    return ((h ^= h >>> 16) >>> 0) / 4294967296;
  };
}

const sampleText = ['ดำเนินการตามแผนพัฒนาท้องถิ่น', 'ร่วมกับโรงพยาบาลส่งเสริมสุขภาพตำบล', 'งบประมาณไม่เพียงพอ', 'ขาดบุคลากรที่มีความรู้เฉพาะด้าน', 'ขอรับการสนับสนุนคู่มือและการอบรม'];

/** Which field is the whole of which part, read from ratio indicators whose parts are plain field keys. */
export function ratioParts(doc: FrameworkDocument): Map<string, string> {
  const parts = new Map<string, string>();
  for (const { indicator } of listIndicators(doc)) {
    if (indicator.numerator && indicator.denominator && /^[a-z][a-z0-9_]*$/.test(indicator.numerator) && /^[a-z][a-z0-9_]*$/.test(indicator.denominator)) {
      parts.set(indicator.numerator, indicator.denominator);
    }
  }
  return parts;
}

function valueFor(field: Field, rnd: () => number, doc: FrameworkDocument): unknown {
  const between = (lo: number, hi: number) => lo + rnd() * (hi - lo);
  const min = field.min ?? 0;
  switch (field.type) {
    case 'integer': return Math.round(Math.min(field.max ?? Infinity, Math.max(min, rnd() < 0.1 ? 0 : between(1, field.unit === 'คน' ? 30000 : 15))));
    case 'decimal': return Math.round(between(min, field.max ?? 100) * 100) / 100;
    case 'money': return Math.round(between(2e5, 9e7) / 100) * 100;
    case 'percent': return Math.round(between(55, 99) * 10) / 10;
    case 'area': return Math.round(between(0, 40000));
    case 'yesno': return rnd() < 0.7;
    case 'choice': return field.choices![Math.floor(rnd() * field.choices!.length)]!.value;
    case 'date': {
      const fy = toCE(doc.version.dataFiscalYear ?? doc.version.fiscalYear);
      const day = new Date(Date.UTC(fy - 1, 9, 1) + Math.floor(rnd() * 360) * 86400000);
      return day.toISOString().slice(0, 10);
    }
    case 'text': case 'longtext': return sampleText[Math.floor(rnd() * sampleText.length)];
    case 'file': return undefined;
  }
}

/** Every answer of one respondent; `share` (0–1) leaves the rest blank, as for work in progress. */
export function demoAnswers(doc: FrameworkDocument, audience: Audience, respondentKey: string, share = 1): { fieldKey: string; itemCode: string; value: unknown }[] {
  const parts = ratioParts(doc);
  const rnd = random(`${doc.version.code}:${respondentKey}`);
  const fields = visibleFields(doc, audience);
  const out: { fieldKey: string; itemCode: string; value: unknown }[] = [];
  const wholes = new Map<string, number>();
  const ordered = [...fields].sort((a, b) => Number(parts.has(a.field.key)) - Number(parts.has(b.field.key)));
  for (const { field, section } of ordered) {
    const items = section.repeatOver ? (doc.lists?.find((l) => l.code === section.repeatOver)?.items.filter((i) => !i.retired).map((i) => i.code) ?? []) : [''];
    for (const itemCode of items) {
      if (rnd() > share) continue;
      let value = valueFor(field, rnd, doc);
      const whole = parts.get(field.key);
      if (whole !== undefined && typeof value === 'number' && numericFieldTypes.includes(field.type)) {
        const total = wholes.get(`${whole}:${itemCode}`);
        if (total !== undefined) value = Math.floor(total * Math.min(1, 0.35 + rnd() * 0.8));
      }
      if (!whole && typeof value === 'number' && [...parts.values()].includes(field.key) && rnd() < 0.05) value = 0;
      if (typeof value === 'number') wholes.set(`${field.key}:${itemCode}`, value);
      if (value !== undefined) out.push({ fieldKey: field.key, itemCode, value });
    }
  }
  return out;
}
