import crypto from 'node:crypto';
import type { Deps, RequestMeta } from '../../deps.ts';
import { insertWorkshopDocument, lockWorkshop } from '../../db/queries/workshops.ts';
import type { Actor } from '../../domain/access/actor.ts';
import { detectFileType } from '../../domain/evidence/detect-file-type.ts';
import { cleanFileName, defaultEvidenceLimits, formatFileSize } from '../../domain/evidence/evidence-limits.ts';
import { DomainError } from '../../domain/errors.ts';
import { workshopLimits } from '../../domain/workshops/workshop-input.ts';
import { recordAudit } from '../audit/record-audit.ts';
import { isStorageFull } from '../evidence/storage.ts';
import { checkZipExpansion } from '../register/check-zip-expansion.ts';
import { assertOwner, loadWorkshopViewer, workshopIdOf } from './workshop-viewer.ts';

// Use case: the owner attaches a document to a workshop — the data collection manual, the user guide, a schedule.
// Only PDF, DOCX or XLSX, recognised by their bytes (macros and zip bombs refused, as for evidence). The bytes are
// stored first and the row written after with its audit row; on any refusal or failure the object is deleted again.

export const workshopDocumentMaxBytes = 20 * 1024 * 1024;
export type UploadDocumentOutcome = { ok: true; documentId: number } | { ok: false; field: 'file' | 'title'; message: string };

const onlyDocuments = 'รับเฉพาะไฟล์ PDF, DOCX หรือ XLSX (ตรวจจากเนื้อไฟล์ ไม่ใช่ชื่อไฟล์) บันทึกเอกสารเป็น PDF แล้วอัปโหลดใหม่';

export async function uploadWorkshopDocument(deps: Pick<Deps, 'db' | 'clock' | 'storage' | 'logger'>, actor: Actor, input: { workshopId: number; title: string; fileName: string; bytes: Buffer | null }, meta: RequestMeta): Promise<UploadDocumentOutcome> {
  assertOwner(await loadWorkshopViewer(deps, actor));
  const workshopId = workshopIdOf(input.workshopId);
  const title = input.title.normalize('NFC').replace(/\s+/g, ' ').trim();
  if ([...title].length > workshopLimits.documentTitleChars) return { ok: false, field: 'title', message: `ชื่อเอกสารยาวได้ไม่เกิน ${workshopLimits.documentTitleChars} ตัวอักษร` };
  const bytes = input.bytes;
  if (!bytes) return { ok: false, field: 'file', message: 'เลือกไฟล์เอกสาร (PDF, DOCX หรือ XLSX) ก่อนกดอัปโหลด' };
  if (bytes.length === 0) return { ok: false, field: 'file', message: 'ไฟล์ว่างเปล่า เลือกไฟล์ที่มีเนื้อหาแล้วอัปโหลดใหม่' };
  if (bytes.length > workshopDocumentMaxBytes) return { ok: false, field: 'file', message: `ไฟล์ใหญ่เกิน ${formatFileSize(workshopDocumentMaxBytes)} ลดขนาดหรือแบ่งเป็นหลายไฟล์แล้วอัปโหลดใหม่` };
  const type = detectFileType(bytes, input.fileName, { checkZip: checkZipExpansion, maxUnpackedBytes: defaultEvidenceLimits.maxUnpackedBytes, maxZipEntries: defaultEvidenceLimits.maxZipEntries });
  if (!type.ok) return { ok: false, field: 'file', message: type.reason === 'unknown' ? onlyDocuments : type.message };
  if (type.kind !== 'pdf' && type.kind !== 'docx' && type.kind !== 'xlsx') return { ok: false, field: 'file', message: onlyDocuments };

  const fileName = cleanFileName(input.fileName, type.extension);
  const sha256 = crypto.createHash('sha256').update(bytes).digest('hex');
  const id = crypto.randomBytes(16).toString('hex');
  const storageKey = `workshop-documents/${id.slice(0, 2)}/${id}`;
  try {
    await deps.storage.put(storageKey, bytes, type.contentType);
  } catch (e) {
    if (!isStorageFull(e)) throw e;
    deps.logger.error({ err: { message: (e as Error).message }, bytes: bytes.length }, 'storage is full: a workshop document was refused');
    return { ok: false, field: 'file', message: 'ที่จัดเก็บไฟล์ของระบบเต็มชั่วคราว ไฟล์นี้ยังไม่ได้บันทึก ลองใหม่ภายหลัง หากยังไม่ได้ แจ้งผู้ดูแลระบบ' };
  }
  let stored = false;
  try {
    const documentId = await deps.db.transaction().execute(async (trx) => {
      if (!(await lockWorkshop(trx, workshopId))) throw new DomainError('not_found', 'workshop_not_found');
      const row = { workshopId, title: title || fileName, fileName, contentType: type.contentType, sizeBytes: bytes.length, sha256, storageKey };
      const documentId = await insertWorkshopDocument(trx, row, actor.userId, deps.clock.now());
      await recordAudit(trx, meta, { action: 'workshop_document.upload', entityType: 'workshop_document', entityId: String(documentId), newValue: row });
      return documentId;
    });
    stored = true;
    return { ok: true, documentId };
  } finally {
    if (!stored) await deps.storage.delete(storageKey).catch((e: Error) => deps.logger.warn({ err: { message: e.message }, storageKey }, 'could not delete an unused workshop document'));
  }
}
