import { parseArgs } from 'node:util';
import { z } from 'zod';
import { findCountry } from '../db/queries/org-units.ts';
import { loadReferenceData } from '../services/org/load-reference-data.ts';
import { createPendingAccount, inviteValidDays } from '../services/users/invite-user.ts';
import type { CliCommand } from './command.ts';

// The first system administrator of a production installation (no demo data, nobody to invite them yet).
const input = z.object({
  email: z.email('อีเมลไม่ถูกรูปแบบ'),
  name: z.string().trim().min(1, 'กรอกชื่อ (--name)').max(200, 'ชื่อยาวเกินไป'),
  username: z.string().regex(/^[a-zA-Z0-9_.]{3,60}$/, 'ชื่อผู้ใช้ใช้ได้เฉพาะตัวอักษรอังกฤษ ตัวเลข จุด และขีดล่าง 3–60 ตัว').optional(),
});

export const adminCommand: CliCommand = {
  name: 'admin',
  summary: 'ผู้ดูแลระบบ: สร้างผู้ดูแลระบบคนแรก',
  usage: ['admin create --email E --name "ชื่อ นามสกุล" [--username U]   สร้างผู้ดูแลระบบ แล้วพิมพ์ลิงก์ตั้งรหัสผ่าน (ใช้ได้ครั้งเดียว)'],
  async run(args, ctx) {
    if (args[0] !== 'create') {
      ctx.err(`ใช้: npm run cli -- ${this.usage[0]}`);
      return 2;
    }
    let values;
    try {
      values = parseArgs({ args: args.slice(1), options: { email: { type: 'string' }, name: { type: 'string' }, username: { type: 'string' } } }).values;
    } catch (e) {
      ctx.err(`ใช้: npm run cli -- ${this.usage[0]} (${(e as Error).message})`);
      return 2;
    }
    const parsed = input.safeParse(values);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) ctx.err(`--${String(issue.path[0])}: ${issue.message}`);
      return 1;
    }
    const database = await ctx.openDatabase();
    try {
      if (!(await findCountry(database.db))) await loadReferenceData(database.db);
      const country = (await findCountry(database.db))!;
      const taken = await database.db.selectFrom('user').select('id').where('email', '=', parsed.data.email.toLowerCase()).executeTakeFirst();
      if (taken) {
        ctx.err('อีเมลนี้มีบัญชีอยู่แล้ว');
        return 1;
      }
      const { token } = await createPendingAccount(
        { db: database.db, clock: ctx.clock },
        { name: parsed.data.name, email: parsed.data.email, username: parsed.data.username ?? null, role: 'system_admin', unit: country },
        null,
        { actorUserId: null, ip: null, requestId: 'cli' },
      );
      ctx.out(`สร้างผู้ดูแลระบบ ${parsed.data.name} แล้ว`);
      ctx.out(`ตั้งรหัสผ่านภายใน ${inviteValidDays} วันที่: ${ctx.config.publicUrl}/reset-password?token=${token}`);
      return 0;
    } finally {
      await database.close();
    }
  },
};
