import { z } from 'zod';
import { roles } from '../../../domain/access/roles.ts';

export const roleField = z.enum(roles, { error: 'เลือกบทบาท' });
export const unitCodeField = z.string({ error: 'กรอกรหัสหน่วยงาน' }).trim().min(1, 'กรอกรหัสหน่วยงาน').max(32, 'รหัสหน่วยงานยาวเกินไป');

export const inviteForm = z.object({
  name: z.string({ error: 'กรอกชื่อและนามสกุล' }).trim().min(1, 'กรอกชื่อและนามสกุล').max(200, 'ชื่อยาวได้ไม่เกิน 200 ตัวอักษร'),
  email: z.string({ error: 'กรอกอีเมล' }).trim().max(254, 'อีเมลยาวเกินไป').pipe(z.email('กรอกอีเมลให้ถูกรูปแบบ เช่น somchai@example.go.th')),
  username: z
    .string()
    .trim()
    .max(60, 'ชื่อผู้ใช้ยาวได้ไม่เกิน 60 ตัวอักษร')
    .refine((v) => v === '' || /^[a-zA-Z0-9_.]{3,60}$/.test(v), 'ชื่อผู้ใช้ใช้ได้เฉพาะตัวอักษรอังกฤษ ตัวเลข จุด และขีดล่าง 3 ตัวขึ้นไป')
    .optional(),
  role: roleField,
  orgUnitCode: unitCodeField,
});

export const grantForm = z.object({ role: roleField, orgUnitCode: unitCodeField });
