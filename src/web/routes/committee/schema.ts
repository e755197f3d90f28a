import { z } from 'zod';
import { committeePositions, memberKinds } from '../../../domain/committees/committee.ts';
import { thaiDateHint, thaiDatePattern } from '../documents/form-dates.ts';

// The committee page's forms: what each may carry, with the Thai message at the field.

const text = (max: number) => z.string().trim().max(max, `ยาวเกิน ${max.toLocaleString('th-TH')} ตัวอักษร`);
const version = z.string().regex(/^\d{1,9}$/, 'แบบฟอร์มไม่สมบูรณ์ โปรดโหลดหน้าใหม่').transform(Number);

export const detailsSchema = z.object({
  title: text(400).min(1, 'ใส่ชื่อคณะกรรมการ').transform((s) => s.replace(/\s+/g, ' ')),
  duties: text(8000).min(1, 'ใส่หน้าที่และอำนาจอย่างน้อยหนึ่งข้อ'),
  version,
});

export const orderSchema = z.object({
  orderNo: text(60),
  orderDate: z.string().trim().refine((s) => s === '' || thaiDatePattern.test(s), thaiDateHint),
  signatoryName: text(120),
  signatoryPosition: text(200),
  version,
});

export const memberSchema = z.object({
  kind: z.enum(memberKinds, { error: 'เลือกว่ากรรมการเป็นผู้ใช้งาน ตำแหน่งในหน่วยงาน หรือบุคคล' }),
  position: z.enum(committeePositions, { error: 'เลือกตำแหน่งในคณะกรรมการ' }),
  userId: text(64).optional(),
  officeCode: text(40).optional(),
  name: text(200).optional(),
  positionTitle: text(300).optional(),
  agency: text(300).optional(),
});

export const moveSchema = z.object({ direction: z.enum(['up', 'down'], { error: 'เลือกทิศทาง' }) });

export const memberFields = ['kind', 'position', 'userId', 'officeCode', 'name', 'positionTitle', 'agency'] as const;
