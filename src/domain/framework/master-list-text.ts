import type { MasterList } from './framework-schema.ts';

// A master list (e.g. DLA's standards) edited as plain text, one item a line: `รหัส | ชื่อ | กลุ่ม` (the group is
// optional; a line starting with `-` retires the item but keeps its code, so earlier answers still have a name).

export type ListLineProblem = { line: number; message: string };

export function masterListToText(list: MasterList): string {
  return list.items.map((i) => `${i.retired ? '- ' : ''}${i.code} | ${i.title}${i.group ? ` | ${i.group}` : ''}`).join('\n');
}

export function parseMasterListText(text: string): { items: MasterList['items']; problems: ListLineProblem[] } {
  const items: MasterList['items'] = [];
  const problems: ListLineProblem[] = [];
  const seen = new Set<string>();
  text.split(/\r?\n/).forEach((raw, index) => {
    const line = index + 1;
    if (!raw.trim()) return;
    const retired = /^\s*-\s*/.test(raw);
    const [code = '', title = '', group = '', ...rest] = raw.replace(/^\s*-\s*/, '').split('|').map((s) => s.trim());
    if (rest.length) return void problems.push({ line, message: `บรรทัด ${line}: มีเครื่องหมาย | เกิน 2 ตัว (รูปแบบ: รหัส | ชื่อ | กลุ่ม)` });
    if (!/^[A-Za-z0-9][A-Za-z0-9_.-]{0,39}$/.test(code)) return void problems.push({ line, message: `บรรทัด ${line}: รหัส "${code}" ใช้ได้เฉพาะอักษรอังกฤษ ตัวเลข . _ - ไม่เกิน 40 ตัว` });
    if (!title) return void problems.push({ line, message: `บรรทัด ${line}: ต้องมีชื่อรายการหลังรหัส` });
    if (title.length > 2000 || group.length > 200) return void problems.push({ line, message: `บรรทัด ${line}: ข้อความยาวเกินไป` });
    if (seen.has(code)) return void problems.push({ line, message: `บรรทัด ${line}: รหัส "${code}" ซ้ำกับบรรทัดก่อนหน้า` });
    seen.add(code);
    items.push({ code, title, ...(group ? { group } : {}), ...(retired ? { retired: true } : {}) });
  });
  if (!items.length && !problems.length) problems.push({ line: 1, message: 'ต้องมีอย่างน้อย 1 รายการ' });
  return { items, problems };
}
