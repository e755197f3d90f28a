// How much evidence one respondent may attach: per file and per submission (set in config), and how far an
// Office file may unpack (SEC-10: at most 100 MB and 1,000 entries). Checked before anything is stored.

export type EvidenceLimits = { maxFileBytes: number; maxSubmissionBytes: number; maxUnpackedBytes: number; maxZipEntries: number };

const megabyte = 1024 * 1024;
export const defaultEvidenceLimits: EvidenceLimits = { maxFileBytes: 10 * megabyte, maxSubmissionBytes: 100 * megabyte, maxUnpackedBytes: 100 * megabyte, maxZipEntries: 1000 };

export function evidenceLimits(maxFileBytes: number, maxSubmissionBytes: number): EvidenceLimits {
  return { ...defaultEvidenceLimits, maxFileBytes, maxSubmissionBytes };
}

/** Bytes as people read them: 850 KB, 2.4 MB. */
export function formatFileSize(bytes: number): string {
  if (bytes < megabyte) return `${Math.max(1, Math.ceil(bytes / 1024)).toLocaleString('th-TH')} KB`;
  return `${(bytes / megabyte).toLocaleString('th-TH', { maximumFractionDigits: 1 })} MB`;
}

export type SizeCheck = { ok: true } | { ok: false; reason: 'empty' | 'file_too_large' | 'submission_full'; message: string };

/** A file of `size` bytes added to a submission that already holds `usedBytes`. */
export function checkEvidenceSize(size: number, usedBytes: number, limits: EvidenceLimits): SizeCheck {
  if (size <= 0) return { ok: false, reason: 'empty', message: 'ไฟล์ว่างเปล่า เลือกไฟล์ที่มีเนื้อหาแล้วอัปโหลดใหม่' };
  if (size > limits.maxFileBytes) {
    return { ok: false, reason: 'file_too_large', message: `ไฟล์ใหญ่เกิน ${formatFileSize(limits.maxFileBytes)} ลดขนาด (เช่น สแกนที่ความละเอียดต่ำลง) หรือแบ่งเป็นหลายไฟล์แล้วอัปโหลดใหม่` };
  }
  if (usedBytes + size > limits.maxSubmissionBytes) {
    const left = Math.max(0, limits.maxSubmissionBytes - usedBytes);
    return {
      ok: false, reason: 'submission_full',
      message: `หลักฐานของหน่วยนี้รวมกันได้ไม่เกิน ${formatFileSize(limits.maxSubmissionBytes)} เหลือที่ว่าง ${formatFileSize(left)} ลบไฟล์ที่ไม่ใช้หรือลดขนาดไฟล์แล้วอัปโหลดใหม่`,
    };
  }
  return { ok: true };
}

/** The name people gave the file, kept for display only (never a path): no folders, no control characters, short. */
export function cleanFileName(raw: string, fallbackExtension: string): string {
  const base = (raw.split(/[\\/]/).pop() ?? '').normalize('NFC')
    .replace(/[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2066-\u2069"<>|:*?]/g, '')
    .replace(/\s+/g, ' ').trim().replace(/^\.+/, '');
  const chars = [...base];
  if (chars.length === 0) return `หลักฐาน.${fallbackExtension}`;
  if (chars.length <= 150) return base;
  const dot = base.lastIndexOf('.');
  const ext = dot > 0 ? base.slice(dot) : '';
  return chars.slice(0, 150 - [...ext].length).join('') + ext;
}

/** RFC 6266 / RFC 5987: an ASCII fallback name and the real one percent-encoded as UTF-8. */
export function contentDisposition(kind: 'inline' | 'attachment', fileName: string, fallbackName: string): string {
  const encoded = encodeURIComponent(fileName).replace(/['()*]/g, (ch) => `%${ch.charCodeAt(0).toString(16).toUpperCase()}`);
  const ascii = fallbackName.replace(/[^A-Za-z0-9._-]/g, '_');
  return `${kind}; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}
