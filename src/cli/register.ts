import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { sql } from 'kysely';
import { maxFileBytes, registerMessages, type RegisterProblem } from '../domain/register/register-problems.ts';
import { loadReferenceData } from '../services/org/load-reference-data.ts';
import { generateNationalRegister, generateRegisterCsv } from '../services/register/generate-register.ts';
import { importRegister, type ImportPhase, type ImportReport } from '../services/register/import-register.ts';
import { formatCount, printUsage, type CliCommand, type CliContext } from './command.ts';

// `register import FILE [--dry-run]` and `register generate [--out FILE]`.

const usage = [
  'register import FILE [--dry-run]   นำเข้าทะเบียน อปท. จาก .csv หรือ .xlsx (--dry-run: ตรวจอย่างเดียว ไม่นำเข้า)',
  'register generate [--out FILE]     เขียนทะเบียน อปท. จำลองทั้งประเทศ (~7,850 แห่ง) เป็น CSV',
];

export const registerCommand: CliCommand = {
  name: 'register',
  summary: 'ทะเบียนองค์กรปกครองส่วนท้องถิ่น (อปท.)',
  usage,
  async run(args, ctx) {
    const [sub, ...rest] = args;
    try {
      if (sub === 'import') return await runImport(rest, ctx);
      if (sub === 'generate') return await runGenerate(rest, ctx);
    } catch (e) {
      if ((e as { code?: string }).code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION' || (e as { code?: string }).code === 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL') {
        ctx.err(`ตัวเลือกไม่ถูกต้อง: ${(e as Error).message}`);
        return printUsage(ctx, usage);
      }
      throw e;
    }
    return printUsage(ctx, usage);
  },
};


const phaseLabels: Record<ImportPhase, string> = { reading: 'กำลังอ่านไฟล์', checking: 'กำลังตรวจ', writing: 'กำลังบันทึก' };

async function runImport(args: string[], ctx: CliContext): Promise<number> {
  const { values, positionals } = parseArgs({ args, options: { 'dry-run': { type: 'boolean', default: false } }, allowPositionals: true });
  const file = positionals[0];
  if (!file || positionals.length > 1) return printUsage(ctx, usage);
  let size: number;
  try {
    size = fs.statSync(file).size;
  } catch {
    ctx.err(`ไม่พบไฟล์ ${file}: ตรวจชื่อและที่อยู่ของไฟล์`);
    return 1;
  }
  // Checked before reading, so a huge file is never loaded into memory.
  if (size > maxFileBytes) {
    ctx.out(formatProblem({ row: 0, column: null, message: registerMessages.file_too_large() }));
    return 1;
  }
  const bytes = fs.readFileSync(file);
  const dryRun = values['dry-run'] === true;
  const database = await ctx.openDatabase();
  try {
    const districts = await database.db.selectFrom('org_units').select(sql<number>`count(*)::int`.as('n')).where('kind', '=', 'district').executeTakeFirstOrThrow();
    if (districts.n === 0) {
      ctx.err('ยังไม่มีจังหวัดและอำเภอในฐานข้อมูล: กำลังโหลดข้อมูลอ้างอิง…');
      await loadReferenceData(database.db);
    }
    const started = Date.now();
    let lastShown = -1;
    const report = await importRegister(
      { db: database.db, clock: ctx.clock },
      {
        fileName: path.basename(file),
        bytes,
        dryRun,
        actorUserId: null,
        onProgress: (done, total, phase) => {
          if (done === lastShown && done !== total) return;
          lastShown = done;
          ctx.status(`${phaseLabels[phase]} ${formatCount(done)}/${formatCount(total)} แถว`, done === total);
        },
      },
    );
    ctx.status('');
    printReport(report, path.basename(file), (Date.now() - started) / 1000, ctx);
    return report.status === 'done' ? 0 : 1;
  } finally {
    await database.close();
  }
}

export function formatProblem(p: Pick<RegisterProblem, 'row' | 'column' | 'message'>): string {
  if (p.row === 0) return `ไฟล์: ${p.message}`;
  return p.column ? `แถว ${p.row} คอลัมน์ ${p.column}: ${p.message}` : `แถว ${p.row}: ${p.message}`;
}

function printReport(r: ImportReport, fileName: string, seconds: number, ctx: CliContext): void {
  if (r.status === 'rejected') {
    for (const p of r.problems) ctx.out(formatProblem(p));
    ctx.out(`พบ ${formatCount(r.problems.length)} ปัญหาในไฟล์ ${fileName}: ยังไม่ได้นำเข้าแม้แต่แถวเดียว แก้ไฟล์แล้วนำเข้าอีกครั้ง`);
    return;
  }
  const counts = `เพิ่ม ${formatCount(r.added)} · ปรับปรุง ${formatCount(r.updated)} (ย้ายอำเภอ ${formatCount(r.moved)}) · ปิด ${formatCount(r.closed)} · เปิดใช้อีกครั้ง ${formatCount(r.reopened)} · ไม่เปลี่ยน ${formatCount(r.unchanged)}`;
  if (r.dryRun) {
    ctx.out(`ตรวจไฟล์ ${fileName} แล้ว ${formatCount(r.totalRows)} แถว ไม่พบปัญหา (ยังไม่ได้นำเข้า: สั่งอีกครั้งโดยไม่ใส่ --dry-run เพื่อนำเข้า)`);
    ctx.out(`ถ้านำเข้า: ${counts}`);
  } else {
    ctx.out(`นำเข้าทะเบียน อปท. จาก ${fileName} แล้ว: ${formatCount(r.totalRows)} แถว ใน ${seconds.toFixed(1)} วินาที (รายการนำเข้าที่ ${r.importId})`);
    ctx.out(counts);
  }
}

async function runGenerate(args: string[], ctx: CliContext): Promise<number> {
  const { values, positionals } = parseArgs({ args, options: { out: { type: 'string' } }, allowPositionals: false });
  if (positionals.length > 0) return printUsage(ctx, usage);
  const csv = generateRegisterCsv();
  const count = formatCount(generateNationalRegister().length);
  if (values.out) {
    fs.mkdirSync(path.dirname(path.resolve(values.out)), { recursive: true });
    fs.writeFileSync(values.out, csv);
    ctx.err(`เขียนทะเบียน อปท. จำลอง ${count} แห่งไปที่ ${values.out} แล้ว (ข้อมูลจำลอง ไม่ใช่ทะเบียนจริง)`);
  } else {
    ctx.write(csv);
    ctx.err(`ทะเบียน อปท. จำลอง ${count} แห่ง (ข้อมูลจำลอง ไม่ใช่ทะเบียนจริง)`);
  }
  return 0;
}
