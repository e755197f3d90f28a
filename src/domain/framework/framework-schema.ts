import { z } from 'zod';
import { laoTypes } from '../org/lao-type.ts';

// The framework file (กรอบการประเมิน): one programme's version, authored as YAML or JSON. This zod schema is the
// single source of the file's shape: the published JSON Schema (frameworks/framework.schema.json) is generated from
// it, and structural problems are reported from it. Rules that need the whole file (keys exist, formulas type-check,
// targets for every type) are in check-framework.ts.

const code = z.string().regex(/^[A-Za-z0-9][A-Za-z0-9_.-]{0,39}$/, 'รหัสใช้ได้เฉพาะอักษรอังกฤษ ตัวเลข . _ - ไม่เกิน 40 ตัว');
export const fieldKeyPattern = /^[a-z][a-z0-9_]{0,47}$/;
const fieldKey = z.string().regex(fieldKeyPattern, 'ชื่อช่องข้อมูล (key) ใช้ a-z 0-9 _ ขึ้นต้นด้วยตัวอักษร ไม่เกิน 48 ตัว');
const laoType = z.enum(laoTypes);
const nonEmpty = z.string().trim().min(1, 'ต้องไม่เว้นว่าง').max(2000, 'ยาวเกิน 2,000 ตัวอักษร');

/** Text that may differ by LAO type, and may use {term} placeholders from `terms`. */
const text = z.union([nonEmpty, z.object({ default: nonEmpty }).catchall(nonEmpty).describe('ข้อความต่างกันตามประเภท อปท. (default และรหัสประเภท)')]);
export type LocalisedText = z.infer<typeof text>;

export const fieldTypes = ['integer', 'decimal', 'money', 'percent', 'area', 'date', 'yesno', 'choice', 'text', 'longtext', 'file'] as const;
export type FieldType = (typeof fieldTypes)[number];
export const numericFieldTypes: readonly FieldType[] = ['integer', 'decimal', 'money', 'percent', 'area'];

const appliesTo = z.array(laoType).min(1).optional().describe('ประเภท อปท. ที่ใช้ (ไม่ระบุ = ทุกประเภทของโครงการ)');

const field = z.strictObject({
  key: fieldKey,
  label: text,
  type: z.enum(fieldTypes),
  unit: z.string().max(40).optional(),
  required: z.boolean().optional().describe('ต้องกรอก (ค่าเริ่มต้น: ต้องกรอก ยกเว้นไฟล์และข้อความยาว)'),
  min: z.number().optional(),
  max: z.number().optional(),
  choices: z.array(z.strictObject({ value: code, label: nonEmpty })).min(2).optional(),
  help: text.optional().describe('คำอธิบายใต้ชื่อช่องข้อมูล: นับอะไร ใช้ข้อมูลจากเอกสารใด'),
  appliesTo,
  example: z.boolean().optional().describe('ช่องข้อมูลตัวอย่าง: ยังไม่มีประกาศอย่างเป็นทางการ'),
});
export type Field = z.infer<typeof field>;

const section = z.strictObject({
  code,
  title: text,
  description: text.optional(),
  repeatOver: code.optional().describe('ทำซ้ำทุกรายการของบัญชีรายการ (lists) เช่น มาตรฐานแต่ละเรื่อง'),
  help: text.optional().describe('วิธีกรอกส่วนนี้ สำหรับเจ้าหน้าที่ผู้กรอก (แสดงในหน้ากรอกข้อมูล)'),
  appliesTo,
  fields: z.array(field).min(1),
});
export type Section = z.infer<typeof section>;

const form = z.strictObject({
  code,
  title: text,
  description: text.optional(),
  appliesTo,
  example: z.boolean().optional(),
  sections: z.array(section).min(1),
});
export type Form = z.infer<typeof form>;

export const comparisons = ['>=', '>', '<=', '<'] as const;
export type Comparison = (typeof comparisons)[number];

const target = z.strictObject({
  comparison: z.enum(comparisons),
  value: z.number(),
  example: z.boolean().optional().describe('ค่าตัวอย่าง — แก้ไขตามประกาศ'),
});
export type Target = z.infer<typeof target>;

const owner = z.union([
  z.strictObject({ area: z.literal(true) }).describe('ผู้รับผิดชอบด้านที่ อปท. มอบหมาย'),
  z.strictObject({ divisions: z.array(z.enum(['GA', 'DEV', 'HR', 'LAW', 'FIN', 'PUB', 'HEALTH'])).min(1), districtOffices: z.boolean().optional() }),
  z.strictObject({ office: z.enum(['province_office', 'district_office']) }),
]);
export type Owner = z.infer<typeof owner>;

export const evidenceRules = ['always', 'when_met', 'when_positive', 'never'] as const;

const indicator = z.strictObject({
  code,
  title: text,
  description: text.optional(),
  formula: z.string().min(1).max(2000).optional().describe('สูตร CEL ของค่าตัวชี้วัด (ใช้เมื่อไม่ใช่อัตราส่วน)'),
  numerator: z.string().min(1).max(2000).optional().describe('ตัวตั้ง (การจัดบริการสาธารณะ (2))'),
  denominator: z.string().min(1).max(2000).optional().describe('ตัวหาร (กรอบการประเมิน (1)); เป็นศูนย์ = ไม่มีบริการสาธารณะ'),
  scale: z.number().positive().optional().describe('ตัวคูณของอัตราส่วน (ค่าเริ่มต้น 100 = ร้อยละ)'),
  unit: z.string().min(1).max(40),
  polarity: z.enum(['higher', 'lower']).default('higher'),
  appliesTo,
  targets: z.record(z.string(), target).optional().describe('ค่าเป้าหมายตามประเภท อปท. (รหัสประเภท หรือ all)'),
  evidence: z.strictObject({ required: z.enum(evidenceRules), note: text.optional() }).optional(),
  levels: z.strictObject({ thresholds: z.array(z.number()).length(5), example: z.boolean().optional() }).optional()
    .describe('เกณฑ์ระดับ 1–5: ค่าที่ถึงเกณฑ์ที่ i ได้ระดับ i'),
  weight: z.strictObject({ value: z.number().positive(), example: z.boolean().optional() }).optional(),
  owner: owner.optional(),
  previous: code.optional().describe('รหัสตัวชี้วัดที่สืบต่อจากรุ่นก่อน'),
  example: z.boolean().optional().describe('ตัวชี้วัดตัวอย่าง: ไม่อยู่ในรายการที่ประกาศ'),
});
export type Indicator = z.infer<typeof indicator>;

const mission = z.strictObject({ code, title: text, indicators: z.array(indicator).min(1) });
const area = z.strictObject({
  code,
  title: text,
  missions: z.array(mission).optional(),
  indicators: z.array(indicator).optional(),
});
export type Area = z.infer<typeof area>;

const validation = z.strictObject({
  code,
  expression: z.string().min(1).max(2000).describe('สูตร CEL ที่ต้องเป็นจริงเมื่อข้อมูลถูกต้อง'),
  message: nonEmpty,
  severity: z.enum(['blocking', 'warning']),
  appliesTo,
});
export type ValidationRule = z.infer<typeof validation>;

const list = z.strictObject({
  code,
  title: nonEmpty,
  items: z.array(z.strictObject({ code, title: nonEmpty, group: z.string().max(200).optional(), retired: z.boolean().optional() })).min(1),
});
export type MasterList = z.infer<typeof list>;

export const respondentKinds = ['lao', 'province_office', 'district_office'] as const;
export type RespondentKind = (typeof respondentKinds)[number];

export const frameworkSchema = z.strictObject({
  $schema: z.string().optional(),
  schemaVersion: z.literal(1),
  programme: z.strictObject({
    code,
    title: nonEmpty,
    owner: z.enum(['odloc', 'dla']),
    respondents: z.enum(respondentKinds),
    frequency: z.enum(['yearly', 'quarterly']),
    scored: z.boolean().default(false),
  }),
  version: z.strictObject({
    code,
    title: nonEmpty,
    fiscalYear: z.number().int().min(2540).max(2700).describe('ปีงบประมาณ พ.ศ. ของรอบที่ใช้กรอบนี้'),
    dataFiscalYear: z.number().int().min(2540).max(2700).optional().describe('ปีงบประมาณ พ.ศ. ของข้อมูลที่รายงาน'),
    previous: code.optional().describe('รหัสรุ่นก่อนหน้า สำหรับเทียบรายปี'),
    note: z.string().max(4000).optional(),
  }),
  laoTypes: z.array(laoType).min(1).optional().describe('ประเภท อปท. ที่ตอบ (เมื่อผู้ตอบเป็น อปท.)'),
  terms: z.record(z.string().regex(/^[a-z][a-z_]*$/), z.object({ default: nonEmpty }).catchall(nonEmpty)).optional()
    .describe('คำที่เปลี่ยนตามประเภท อปท. ใช้ในข้อความเป็น {ชื่อคำ}'),
  lists: z.array(list).optional(),
  forms: z.array(form).min(1),
  areas: z.array(area).min(1),
  validations: z.array(validation).optional(),
});

export type FrameworkDocument = z.infer<typeof frameworkSchema>;
export type FrameworkInput = z.input<typeof frameworkSchema>;

/** Every indicator with where it sits (area, mission), in file order. */
export function listIndicators(doc: FrameworkDocument): { indicator: Indicator; area: Area; mission?: { code: string; title: LocalisedText }; path: (string | number)[] }[] {
  const out: { indicator: Indicator; area: Area; mission?: { code: string; title: LocalisedText }; path: (string | number)[] }[] = [];
  doc.areas.forEach((area, ai) => {
    area.indicators?.forEach((indicator, ii) => out.push({ indicator, area, path: ['areas', ai, 'indicators', ii] }));
    area.missions?.forEach((mission, mi) =>
      mission.indicators.forEach((indicator, ii) => out.push({ indicator, area, mission, path: ['areas', ai, 'missions', mi, 'indicators', ii] })));
  });
  return out;
}

/** Every field with its form and section, in file order. */
export function listFields(doc: FrameworkDocument): { field: Field; section: Section; form: Form; path: (string | number)[] }[] {
  return doc.forms.flatMap((form, fi) => form.sections.flatMap((section, si) =>
    section.fields.map((field, ki) => ({ field, section, form, path: ['forms', fi, 'sections', si, 'fields', ki] }))));
}

/** The published JSON Schema of the file (frameworks/framework.schema.json is this, written by `framework schema`). */
export function frameworkJsonSchema(): Record<string, unknown> {
  return {
    ...z.toJSONSchema(frameworkSchema, { io: 'input', target: 'draft-2020-12', unrepresentable: 'any' }),
    $id: 'https://matrathan.example/frameworks/framework.schema.json',
    title: 'กรอบการประเมิน (Matrathan framework file)',
  };
}
