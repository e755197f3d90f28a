import fs from 'node:fs/promises';
import { frameworkJsonSchema } from '../domain/framework/framework-schema.ts';
import { formatProblem, readFrameworkFile } from '../domain/framework/read-framework-file.ts';
import { listFrameworkVersions } from '../db/queries/frameworks.ts';
import { exportFramework } from '../domain/framework/read-framework-file.ts';
import { siblingLookup } from '../services/framework/framework-files.ts';
import { importFramework } from '../services/framework/import-framework.ts';
import { loadFrameworkVersion } from '../services/framework/load-framework-version.ts';
import { printUsage, type CliCommand, type CliContext } from './command.ts';

// `framework check FILE`, `framework import FILE`, `framework export CODE`.

const usage = [
  'framework check FILE      ตรวจไฟล์กรอบการประเมิน (.yaml/.json) ไม่ต้องใช้ฐานข้อมูล',
  'framework import FILE     นำเข้ากรอบการประเมินเป็นรุ่นร่าง (draft)',
  'framework export CODE     เขียนกรอบการประเมินรุ่น CODE ออกเป็น YAML ทาง stdout',
  'framework list            รายการกรอบการประเมินในระบบ',
  'framework schema          เขียน JSON Schema ของไฟล์กรอบการประเมินทาง stdout',
];

export const frameworkCommand: CliCommand = {
  name: 'framework',
  summary: 'กรอบการประเมิน (ตัวชี้วัด แบบ และสูตร)',
  usage,
  async run(args, ctx) {
    const [sub, ...rest] = args;
    if (sub === 'check' && rest.length === 1) return runCheck(rest[0]!, ctx);
    if (sub === 'import' && rest.length === 1) return runImport(rest[0]!, ctx);
    if (sub === 'export' && rest.length === 1) return runExport(rest[0]!, ctx);
    if (sub === 'list' && rest.length === 0) return runList(ctx);
    if (sub === 'schema' && rest.length === 0) {
      ctx.write(JSON.stringify(frameworkJsonSchema(), null, 2) + '\n');
      return 0;
    }
    return printUsage(ctx, usage);
  },
};


async function readBytes(file: string, ctx: CliContext): Promise<Buffer | null> {
  try {
    return await fs.readFile(file);
  } catch {
    ctx.err(`เปิดไฟล์ ${file} ไม่ได้ (ไม่มีไฟล์หรือไม่มีสิทธิ์อ่าน)`);
    return null;
  }
}

async function runCheck(file: string, ctx: CliContext): Promise<number> {
  const bytes = await readBytes(file, ctx);
  if (!bytes) return 1;
  const result = await readFrameworkFile(bytes, siblingLookup(file));
  if (!result.ok) {
    for (const p of result.problems) ctx.out(formatProblem(p));
    ctx.err(`ไม่ผ่าน: พบ ${result.problems.length} ปัญหาใน ${file}`);
    return 1;
  }
  ctx.out(`ผ่าน: ${result.doc.version.title} (${result.doc.version.code})`);
  return 0;
}

const cliMeta = { actorUserId: null, ip: null, requestId: 'cli' };

async function runImport(file: string, ctx: CliContext): Promise<number> {
  const bytes = await readBytes(file, ctx);
  if (!bytes) return 1;
  const database = await ctx.openDatabase();
  try {
    const result = await importFramework({ db: database.db }, null, { bytes, fileName: file.split('/').pop() ?? file }, cliMeta);
    if (!result.ok) {
      for (const p of result.problems) ctx.out(formatProblem(p));
      ctx.err(`ไม่ได้นำเข้า: พบ ${result.problems.length} ปัญหาใน ${file}`);
      return 1;
    }
    ctx.out(`${result.replaced ? 'แทนที่รุ่นร่าง' : 'นำเข้าแล้ว'}: ${result.doc.version.title} (${result.code}, รหัส ${result.versionId})`);
    return 0;
  } finally {
    await database.close();
  }
}

async function runExport(codeOrId: string, ctx: CliContext): Promise<number> {
  const database = await ctx.openDatabase();
  try {
    const by = /^\d+$/.test(codeOrId) ? { id: Number(codeOrId) } : { code: codeOrId };
    const version = await loadFrameworkVersion(database.db, by).catch(() => null);
    if (!version) {
      ctx.err(`ไม่พบกรอบการประเมิน "${codeOrId}" (ดูรายการด้วย framework list)`);
      return 1;
    }
    ctx.write(exportFramework(version.doc));
    return 0;
  } finally {
    await database.close();
  }
}

async function runList(ctx: CliContext): Promise<number> {
  const database = await ctx.openDatabase();
  try {
    for (const v of await listFrameworkVersions(database.db)) {
      ctx.out(`${v.id}\t${v.code}\t${v.status === 'frozen' ? 'ใช้แล้ว' : 'ร่าง'}\tปี ${v.fiscalYear}\t${v.title}`);
    }
    return 0;
  } finally {
    await database.close();
  }
}
