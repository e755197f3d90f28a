import { createStorage } from '../services/evidence/storage.ts';
import { createBackup } from '../services/ops/create-backup.ts';
import { RestoreRefused, restoreBackup } from '../services/ops/restore-backup.ts';
import { verifyBackup } from '../services/ops/verify-backup.ts';
import { formatCount, printUsage, type CliCommand } from './command.ts';

// Backups of the database and the stored files (docs in the README's operations section).
export const backupCommand: CliCommand = {
  name: 'backup',
  summary: 'สำรองและกู้คืนข้อมูล (ฐานข้อมูลและไฟล์หลักฐาน)',
  usage: [
    'backup create DIR      สำรองฐานข้อมูลและไฟล์ทั้งหมดไว้ในโฟลเดอร์ใหม่ใต้ DIR',
    'backup restore BACKUP  กู้คืนลงฐานข้อมูลใหม่ที่ยังว่าง (DATABASE_URL หรือ DATA_DIR ใหม่) แล้วตรวจทาน',
    'backup verify BACKUP   ตรวจว่าฐานข้อมูลและไฟล์ตรงกับชุดสำรอง (จำนวนแถว checksum ของทุกตารางและทุกไฟล์)',
  ],
  async run(args, ctx) {
    const [action, dir] = args;
    if (!dir || args.length !== 2 || !['create', 'restore', 'verify'].includes(action ?? '')) return printUsage(ctx, this.usage);
    const database = await ctx.openDatabase();
    const deps = { pool: database.pool, storage: createStorage(ctx.config), clock: ctx.clock };
    const progress = (line: string) => ctx.status(line);
    try {
      if (action === 'create') {
        const { dir: made, manifest } = await createBackup(deps, dir, progress);
        ctx.out(`สำรองแล้ว: ${manifest.tables.length} ตาราง ${formatCount(manifest.tables.reduce((s, t) => s + t.rows, 0))} แถว ${formatCount(manifest.files.length)} ไฟล์`);
        ctx.out(made);
        return 0;
      }
      if (action === 'restore') {
        const r = await restoreBackup(deps, dir, progress);
        ctx.out(`กู้คืนแล้ว: ${r.tables} ตาราง ${formatCount(r.rows)} แถว ${formatCount(r.files)} ไฟล์`);
      }
      const v = await verifyBackup(deps, dir);
      for (const p of v.problems) ctx.err(`ไม่ตรง: ${p}`);
      if (v.problems.length) return 1;
      ctx.out(`ตรงกับชุดสำรองทุกอย่าง: ${v.tables} ตาราง ${formatCount(v.files)} ไฟล์`);
      return 0;
    } catch (e) {
      if (e instanceof RestoreRefused) {
        ctx.err(`กู้คืนไม่ได้: ${e.message}`);
        return 1;
      }
      throw e;
    } finally {
      await database.close();
    }
  },
};
