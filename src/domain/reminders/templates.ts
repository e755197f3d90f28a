import { toBangkok } from '../dates/bangkok-time.ts';
import { formatThaiDate } from '../dates/thai-date.ts';

// Reminder templates (แบบข้อความเตือน): Thai wording with placeholders, filled in for each respondent (or, for an
// escalation, for each office told). Pure: the caller brings the values; dates are shown in the Buddhist Era.

export type TemplateKind = 'respondent' | 'escalation';

export const placeholders = {
  respondent: ['lao', 'round', 'dueDate', 'link'],
  escalation: ['office', 'round', 'count', 'list', 'link'],
} as const satisfies Record<TemplateKind, readonly string[]>;

export const placeholderLabels: Record<string, string> = {
  lao: 'ชื่อหน่วยงานที่ได้รับข้อความ',
  office: 'ชื่อหน่วยงานกำกับที่ได้รับแจ้ง',
  round: 'ชื่อรอบการประเมิน',
  dueDate: 'กำหนดส่งของหน่วยงานนั้น (พ.ศ. รวมการขยายเวลา)',
  count: 'จำนวนหน่วยงานที่ยังไม่ส่ง',
  list: 'รายชื่อหน่วยงานที่ยังไม่ส่ง พร้อมกำหนดส่ง',
  link: 'ลิงก์เข้าหน้าที่เกี่ยวข้องในระบบ',
};

export const subjectMaxLength = 200;
export const bodyMaxLength = 2000;

export type TemplateText = { subject: string; body: string };
export type TemplateValues = Partial<Record<(typeof placeholders)[TemplateKind][number], string>>;

const pattern = /\{([A-Za-z]+)\}/g;

/** The placeholders a text uses that its kind does not know (shown to the owner who edits the template). */
export function unknownPlaceholders(text: string, kind: TemplateKind): string[] {
  const known = placeholders[kind] as readonly string[];
  const found = [...text.matchAll(pattern)].map((m) => m[1]!).filter((name) => !known.includes(name));
  return [...new Set(found)];
}

/** Fills the placeholders; one without a value is left as written, so a mistake shows rather than vanishes. */
export function fillPlaceholders(text: string, values: TemplateValues): string {
  return text.replace(pattern, (whole, name: string) => values[name as keyof TemplateValues] ?? whole);
}

export function renderReminder(template: TemplateText, values: TemplateValues): TemplateText {
  // A subject is one line: a value with a line break (a list) must not split it.
  const subject = fillPlaceholders(template.subject, values).replace(/\s*\n\s*/g, ' ').trim();
  return { subject: subject.slice(0, subjectMaxLength), body: fillPlaceholders(template.body, values).trim() };
}

/** Problems with an owner's wording, in Thai, by field (empty when it may be saved). */
export function checkTemplateText(input: TemplateText, kind: TemplateKind): Partial<Record<'subject' | 'body', string>> {
  const problems: Partial<Record<'subject' | 'body', string>> = {};
  const known = (placeholders[kind] as readonly string[]).map((p) => `{${p}}`).join(' ');
  for (const field of ['subject', 'body'] as const) {
    const text = input[field].trim();
    const max = field === 'subject' ? subjectMaxLength : bodyMaxLength;
    const label = field === 'subject' ? 'หัวเรื่อง' : 'ข้อความ';
    if (!text) problems[field] = `กรอก${label}`;
    else if (text.length > max) problems[field] = `${label}ยาวได้ไม่เกิน ${max.toLocaleString('th-TH')} ตัวอักษร (ตอนนี้ ${text.length.toLocaleString('th-TH')})`;
    else {
      const unknown = unknownPlaceholders(text, kind);
      if (unknown.length) problems[field] = `ไม่รู้จัก ${unknown.map((u) => `{${u}}`).join(' ')} ใช้ได้เฉพาะ ${known}`;
    }
  }
  if (!problems.subject && input.subject.includes('\n')) problems.subject = 'หัวเรื่องต้องอยู่ในบรรทัดเดียว';
  return problems;
}

/** A deadline as a reminder states it: the Buddhist-Era date, with the time unless it is the end of the day. */
export function formatDeadline(deadline: Date): string {
  return toBangkok(deadline).time === '23:59' ? formatThaiDate(deadline) : formatThaiDate(deadline, { withTime: true });
}
