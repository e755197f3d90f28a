import { isDeepStrictEqual } from 'node:util';
import { LineCounter, parseDocument, stringify } from 'yaml';
import type { z } from 'zod';
import { checkFramework, type FrameworkProblem } from './check-framework.ts';
import { frameworkSchema, type FrameworkDocument } from './framework-schema.ts';

// Reads a framework file (YAML, or JSON, which YAML reads too) and reports every problem at once, each with the line
// it is on and its path, in Thai.

export const maxFrameworkBytes = 2 * 1024 * 1024;

export type ReadResult = { ok: true; doc: FrameworkDocument } | { ok: false; problems: FrameworkProblem[]; doc?: FrameworkDocument };

/** Resolves `version.previous` to that version's document; null when it is not known. */
export type PreviousLookup = (versionCode: string) => Promise<FrameworkDocument | null> | FrameworkDocument | null;

const typeWords: Record<string, string> = { string: 'ข้อความ', number: 'ตัวเลข', boolean: 'true/false', object: 'ชุดข้อมูล (key: value)', array: 'รายการ (- …)' };

function thaiIssue(issue: z.core.$ZodIssue): string {
  if ((issue.code === 'invalid_value' || issue.code === 'invalid_union') && (issue as { input?: unknown }).input === undefined) return 'ต้องมีค่านี้';
  switch (issue.code) {
    case 'invalid_type': {
      const missing = (issue as { input?: unknown }).input === undefined;
      return missing ? 'ต้องมีค่านี้' : `ต้องเป็น${typeWords[issue.expected] ?? issue.expected}`;
    }
    case 'unrecognized_keys': return `ไม่รู้จัก ${issue.keys.map((k) => `"${k}"`).join(', ')} (สะกดผิดหรือไม่ได้อยู่ในรูปแบบไฟล์)`;
    case 'invalid_value': return `ต้องเป็นหนึ่งใน ${issue.values.map((v) => String(v)).join(', ')}`;
    case 'too_small': return issue.origin === 'array' ? `ต้องมีอย่างน้อย ${issue.minimum} รายการ` : issue.origin === 'string' ? 'ต้องไม่เว้นว่าง' : `ต้องไม่น้อยกว่า ${issue.minimum}`;
    case 'too_big': return issue.origin === 'array' ? `มีได้ไม่เกิน ${issue.maximum} รายการ` : issue.origin === 'string' ? `ยาวเกิน ${issue.maximum} ตัวอักษร` : `ต้องไม่เกิน ${issue.maximum}`;
    case 'invalid_union': return 'รูปแบบไม่ตรงกับที่กำหนด';
    case 'invalid_format': return issue.message && !/^Invalid/.test(issue.message) ? issue.message : 'รูปแบบไม่ถูกต้อง';
    default: return issue.message && !/^Invalid/.test(issue.message) ? issue.message : 'ค่าไม่ถูกต้อง';
  }
}

function decode(bytes: Uint8Array): string | null {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes).replace(/^\uFEFF/, '');
  } catch {
    return null;
  }
}

export async function readFrameworkFile(bytes: Uint8Array, previousLookup: PreviousLookup = () => null): Promise<ReadResult> {
  if (bytes.byteLength > maxFrameworkBytes) return { ok: false, problems: [{ path: [], message: 'ไฟล์ใหญ่เกิน 2 MB' }] };
  const text = decode(bytes);
  if (text === null) return { ok: false, problems: [{ path: [], message: 'ไฟล์ไม่ใช่ข้อความ UTF-8 (บันทึกเป็น .yaml หรือ .json แบบ UTF-8)' }] };
  if (!text.trim()) return { ok: false, problems: [{ path: [], message: 'ไฟล์ว่าง' }] };

  const lineCounter = new LineCounter();
  const yamlDoc = parseDocument(text, { lineCounter, uniqueKeys: true, prettyErrors: false });
  if (yamlDoc.errors.length) {
    return { ok: false, problems: yamlDoc.errors.map((e) => ({ path: [], line: lineCounter.linePos(e.pos[0]).line, message: `อ่านไฟล์ไม่ได้: ${e.code === 'DUPLICATE_KEY' ? 'มีชื่อ key ซ้ำ' : e.message.split('\n')[0]}` })) };
  }
  let data: unknown;
  try {
    data = yamlDoc.toJS({ maxAliasCount: 50 });
  } catch (e) {
    return { ok: false, problems: [{ path: [], message: `อ่านไฟล์ไม่ได้: ${(e as Error).message}` }] };
  }
  const locate = (path: (string | number)[]): number | undefined => {
    for (let n = path.length; n >= 0; n--) {
      const node = yamlDoc.getIn(path.slice(0, n), true) as { range?: [number, number, number] } | undefined;
      if (node && typeof node === 'object' && node.range) return lineCounter.linePos(node.range[0]).line;
    }
    return undefined;
  };

  let parsed = frameworkSchema.safeParse(data, { reportInput: true });
  const structural: FrameworkProblem[] = [];
  if (!parsed.success) {
    structural.push(...parsed.error.issues.map((issue) => ({ path: issue.path as (string | number)[], message: thaiIssue(issue) })));
    // A misspelt key is the commonest slip: drop unknown keys and go on, so the whole-file rules still report.
    if (!parsed.error.issues.every((i) => i.code === 'unrecognized_keys')) return { ok: false, problems: structural.map((p) => ({ ...p, line: locate(p.path) })) };
    const repaired = structuredClone(data);
    for (const issue of parsed.error.issues) {
      const owner = issue.path.reduce<unknown>((node, key) => (node as Record<PropertyKey, unknown>)?.[key as PropertyKey], repaired) as Record<string, unknown>;
      for (const key of (issue as { keys: string[] }).keys) delete owner[key];
    }
    parsed = frameworkSchema.safeParse(repaired);
    if (!parsed.success) return { ok: false, problems: structural.map((p) => ({ ...p, line: locate(p.path) })) };
  }
  const doc = parsed.data;
  const previous = doc.version.previous ? await previousLookup(doc.version.previous) : undefined;
  const problems = [...structural, ...checkFramework(doc, previous)].map((p) => ({ ...p, line: locate(p.path) }));
  return problems.length ? { ok: false, problems, doc } : { ok: true, doc };
}

/** `บรรทัด 12 · areas[0].indicators[2].formula: …` — one line per problem. */
export function formatProblem(p: FrameworkProblem): string {
  const where = p.path.map((s, i) => (typeof s === 'number' ? `[${s}]` : i === 0 ? s : `.${s}`)).join('');
  const line = p.line ? `บรรทัด ${p.line}` : '';
  const head = [line, where].filter(Boolean).join(' · ');
  return head ? `${head}: ${p.message}` : p.message;
}

/** The file for a stored version: YAML with the schema reference first. */
export function exportFramework(doc: FrameworkDocument): string {
  const { $schema: _ignored, ...rest } = doc;
  return stringify({ $schema: './framework.schema.json', ...rest }, { lineWidth: 0, aliasDuplicateObjects: false });
}

/** Two files describe the same framework (what export then import must preserve). */
export function sameFramework(a: FrameworkDocument, b: FrameworkDocument): boolean {
  const strip = ({ $schema: _a, ...rest }: FrameworkDocument) => rest;
  return isDeepStrictEqual(strip(a), strip(b));
}
