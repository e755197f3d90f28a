// What an uploaded file really is, judged by its bytes and never by its name (ASVS 5.2.2). Accepted: PDF, PNG,
// JPEG, DOCX, XLSX. The name's extension must agree with the content, so a file opens in the program its name
// promises. DOCX and XLSX are zips: the zip is first inflated under a cap by the injected check (a zip bomb lies
// about its sizes, not to zlib), then its entries must be those of a Word or Excel file, with no macros.

export const evidenceKinds = ['pdf', 'png', 'jpeg', 'docx', 'xlsx'] as const;
export type EvidenceKind = (typeof evidenceKinds)[number];

export const evidenceTypes: Record<EvidenceKind, { contentType: string; extensions: readonly string[]; label: string; inline: boolean }> = {
  pdf: { contentType: 'application/pdf', extensions: ['pdf'], label: 'PDF', inline: true },
  png: { contentType: 'image/png', extensions: ['png'], label: 'PNG', inline: true },
  jpeg: { contentType: 'image/jpeg', extensions: ['jpg', 'jpeg'], label: 'JPEG', inline: true },
  docx: { contentType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', extensions: ['docx'], label: 'DOCX', inline: false },
  xlsx: { contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', extensions: ['xlsx'], label: 'XLSX', inline: false },
};

/** Inflates every entry of a zip under a cap (services/register/check-zip-expansion.ts). */
export type ZipCheck = (bytes: Buffer, maxTotalBytes: number) => 'ok' | 'not_zip' | 'too_large';

export type DetectOptions = { checkZip: ZipCheck; maxUnpackedBytes: number; maxZipEntries: number };
export type DetectedFile =
  | { ok: true; kind: EvidenceKind; contentType: string; extension: string }
  | { ok: false; reason: 'unknown' | 'old_office' | 'damaged' | 'too_large_unpacked' | 'macros' | 'extension_mismatch'; message: string };

const allowedWords = 'PDF, PNG, JPEG, DOCX หรือ XLSX';
const mb = (bytes: number) => `${Math.round(bytes / (1024 * 1024)).toLocaleString('th-TH')} MB`;

const startsWith = (b: Buffer, sig: readonly number[], at = 0) => b.length >= at + sig.length && sig.every((v, i) => b[at + i] === v);
const pngSignature = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
const cfbSignature = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

/** The file's extension, lower case, without the dot ('' when it has none). */
export function extensionOf(fileName: string): string {
  const base = fileName.split(/[\\/]/).pop() ?? '';
  const dot = base.lastIndexOf('.');
  return dot > 0 ? base.slice(dot + 1).toLowerCase() : '';
}

function sniff(bytes: Buffer, opts: DetectOptions): EvidenceKind | Exclude<DetectedFile, { ok: true }> {
  const damaged = (label: string): Exclude<DetectedFile, { ok: true }> => ({
    ok: false, reason: 'damaged', message: `ไฟล์ ${label} นี้ไม่สมบูรณ์หรือเสียหาย เปิดตรวจในเครื่องแล้วบันทึกใหม่ก่อนอัปโหลด`,
  });
  if (startsWith(bytes, [0x25, 0x50, 0x44, 0x46, 0x2d])) {
    // %PDF- … %%EOF near the end: a cut-off upload has no trailer.
    return bytes.subarray(Math.max(0, bytes.length - 1024)).includes('%%EOF') ? 'pdf' : damaged('PDF');
  }
  if (startsWith(bytes, pngSignature)) {
    const hasHeader = bytes.length > 33 && bytes.readUInt32BE(8) === 13 && bytes.toString('latin1', 12, 16) === 'IHDR';
    const end = bytes.subarray(Math.max(0, bytes.length - 32));
    return hasHeader && end.includes('IEND') ? 'png' : damaged('PNG');
  }
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) {
    const tail = bytes.subarray(Math.max(3, bytes.length - 1024));
    return tail.includes(Buffer.from([0xff, 0xd9])) ? 'jpeg' : damaged('JPEG');
  }
  if (startsWith(bytes, cfbSignature)) {
    return { ok: false, reason: 'old_office', message: 'ไฟล์ Word หรือ Excel รุ่นเก่า (.doc, .xls) ไม่รับ เปิดแล้วบันทึกเป็น .docx หรือ .xlsx แล้วอัปโหลดใหม่' };
  }
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04])) return sniffOfficeZip(bytes, opts, damaged);
  return { ok: false, reason: 'unknown', message: `รับเฉพาะไฟล์ ${allowedWords} (ตรวจจากเนื้อไฟล์ ไม่ใช่ชื่อไฟล์) บันทึกเป็นชนิดที่รับแล้วอัปโหลดใหม่` };
}

function sniffOfficeZip(bytes: Buffer, opts: DetectOptions, damaged: (label: string) => Exclude<DetectedFile, { ok: true }>): EvidenceKind | Exclude<DetectedFile, { ok: true }> {
  const tooLarge: Exclude<DetectedFile, { ok: true }> = {
    ok: false, reason: 'too_large_unpacked', message: `ไฟล์นี้เมื่อแตกออกมีขนาดเกิน ${mb(opts.maxUnpackedBytes)} หรือมีส่วนประกอบมากเกินไป แบ่งเป็นหลายไฟล์หรือบันทึกเป็น PDF แล้วอัปโหลดใหม่`,
  };
  const names = listZipEntryNames(bytes, opts.maxZipEntries);
  if (names === 'too_many') return tooLarge;
  if (names === null) return damaged('DOCX/XLSX');
  const expansion = opts.checkZip(bytes, opts.maxUnpackedBytes);
  if (expansion === 'too_large') return tooLarge;
  if (expansion !== 'ok') return damaged('DOCX/XLSX');
  const word = names.some((n) => n.startsWith('word/'));
  const excel = names.some((n) => n.startsWith('xl/'));
  if (!names.includes('[Content_Types].xml') || word === excel) {
    return { ok: false, reason: 'unknown', message: `ไฟล์ ZIP ที่ไม่ใช่ DOCX หรือ XLSX ไม่รับ รับเฉพาะไฟล์ ${allowedWords}` };
  }
  if (names.some((n) => /(^|\/)vbaProject\.bin$/i.test(n))) {
    return { ok: false, reason: 'macros', message: 'ไฟล์นี้มีมาโคร ไม่รับ บันทึกเป็น .docx หรือ .xlsx แบบไม่มีมาโครแล้วอัปโหลดใหม่' };
  }
  return word ? 'docx' : 'xlsx';
}

/** The entry names from a zip's central directory; null when it is not a readable zip. */
export function listZipEntryNames(bytes: Buffer, maxEntries: number): string[] | 'too_many' | null {
  let eocd = -1;
  for (let i = bytes.length - 22; i >= 0 && i >= bytes.length - 22 - 0xffff; i--) {
    if (bytes.readUInt32LE(i) === 0x06054b50) { eocd = i; break; }
  }
  if (eocd < 0) return null;
  const count = bytes.readUInt16LE(eocd + 10);
  if (count > maxEntries || count === 0xffff) return 'too_many';
  const names: string[] = [];
  let p = bytes.readUInt32LE(eocd + 16);
  for (let i = 0; i < count; i++) {
    if (p + 46 > bytes.length || bytes.readUInt32LE(p) !== 0x02014b50) return null;
    const nameLength = bytes.readUInt16LE(p + 28);
    if (p + 46 + nameLength > bytes.length) return null;
    names.push(bytes.toString('utf8', p + 46, p + 46 + nameLength));
    p += 46 + nameLength + bytes.readUInt16LE(p + 30) + bytes.readUInt16LE(p + 32);
  }
  return names;
}

/** The type of a file by its content, and whether its name's extension agrees. */
export function detectFileType(bytes: Buffer, fileName: string, opts: DetectOptions): DetectedFile {
  const sniffed = sniff(bytes, opts);
  if (typeof sniffed !== 'string') return sniffed;
  const type = evidenceTypes[sniffed];
  const extension = extensionOf(fileName);
  if (!type.extensions.includes(extension)) {
    const named = extension ? `ชื่อไฟล์ลงท้ายด้วย .${extension}` : 'ชื่อไฟล์ไม่มีนามสกุล';
    return { ok: false, reason: 'extension_mismatch', message: `${named} แต่เนื้อไฟล์เป็น ${type.label} เปลี่ยนชื่อไฟล์ให้ลงท้ายด้วย .${type.extensions[0]} แล้วอัปโหลดใหม่` };
  }
  return { ok: true, kind: sniffed, contentType: type.contentType, extension };
}
