import crypto from 'node:crypto';
import type { Deps, RequestMeta } from '../../deps.ts';
import { findDocumentImage, lockDocumentImages, upsertDocumentImage } from '../../db/queries/document-images.ts';
import { imageInfo } from '../../documents/image-size.ts';
import type { Actor } from '../../domain/access/actor.ts';
import { detectFileType } from '../../domain/evidence/detect-file-type.ts';
import { formatFileSize } from '../../domain/evidence/evidence-limits.ts';
import { DomainError } from '../../domain/errors.ts';
import { recordAudit } from '../audit/record-audit.ts';
import { checkZipExpansion } from '../register/check-zip-expansion.ts';
import { canManageEmblem, emblemLimits } from './emblem.ts';

// Use case: upload (or replace) the deployment's Garuda. Only a PNG or JPEG, recognised by its bytes, not too
// large and big enough to print sharp. The bytes are stored first and the row written after with its audit row;
// the object that lost (the new one on a refusal or failure, the old one on a replace) is deleted afterwards.

export type EmblemUploadOutcome = { ok: true; replaced: boolean } | { ok: false; message: string };

const notImage = 'รับเฉพาะไฟล์ภาพ PNG หรือ JPEG (ตรวจจากเนื้อไฟล์ ไม่ใช่ชื่อไฟล์) บันทึกภาพตราครุฑเป็น PNG แล้วอัปโหลดใหม่';

function check(bytes: Buffer | null, fileName: string): { ok: true; contentType: 'image/png' | 'image/jpeg'; width: number; height: number } | { ok: false; message: string } {
  if (!bytes) return { ok: false, message: 'เลือกไฟล์ภาพตราครุฑ (PNG หรือ JPEG) ก่อนกดอัปโหลด' };
  if (bytes.length === 0) return { ok: false, message: 'ไฟล์ว่างเปล่า เลือกไฟล์ภาพที่มีเนื้อหาแล้วอัปโหลดใหม่' };
  if (bytes.length > emblemLimits.maxBytes) return { ok: false, message: `ไฟล์ใหญ่เกิน ${formatFileSize(emblemLimits.maxBytes)} ลดขนาดภาพแล้วอัปโหลดใหม่` };
  const type = detectFileType(bytes, fileName, { checkZip: checkZipExpansion, maxUnpackedBytes: emblemLimits.maxBytes, maxZipEntries: 10 });
  if (!type.ok) return { ok: false, message: type.reason === 'unknown' || type.reason === 'old_office' || type.reason === 'macros' || type.reason === 'too_large_unpacked' ? notImage : type.message };
  if (type.kind !== 'png' && type.kind !== 'jpeg') return { ok: false, message: notImage };
  const info = imageInfo(bytes);
  if (!info) return { ok: false, message: 'อ่านขนาดของภาพไม่ได้ ไฟล์อาจเสียหาย เปิดภาพแล้วบันทึกเป็น PNG ใหม่ก่อนอัปโหลด' };
  if (info.height < emblemLimits.minHeightPx) {
    return { ok: false, message: `ภาพเล็กเกินไป (สูง ${info.height.toLocaleString('th-TH')} จุด) จะพิมพ์ไม่คมชัด ใช้ภาพที่สูงอย่างน้อย ${emblemLimits.minHeightPx.toLocaleString('th-TH')} จุด (แนะนำ 400 จุดขึ้นไป)` };
  }
  if (info.width > emblemLimits.maxSidePx || info.height > emblemLimits.maxSidePx) {
    return { ok: false, message: `ภาพใหญ่เกินไป (${info.width.toLocaleString('th-TH')} × ${info.height.toLocaleString('th-TH')} จุด) ย่อภาพให้ด้านยาวไม่เกิน ${emblemLimits.maxSidePx.toLocaleString('th-TH')} จุดแล้วอัปโหลดใหม่` };
  }
  return { ok: true, contentType: type.contentType as 'image/png' | 'image/jpeg', width: info.width, height: info.height };
}

function newImageKey(): string {
  const id = crypto.randomBytes(16).toString('hex');
  return `document-images/${id.slice(0, 2)}/${id}`;
}

export async function uploadEmblem(deps: Pick<Deps, 'db' | 'clock' | 'storage' | 'logger'>, actor: Actor, input: { fileName: string; bytes: Buffer | null }, meta: RequestMeta): Promise<EmblemUploadOutcome> {
  if (!canManageEmblem(actor)) throw new DomainError('forbidden', 'emblem');
  const checked = check(input.bytes, input.fileName);
  if (!checked.ok) return checked;
  const bytes = input.bytes!;
  const storageKey = newImageKey();
  const sha256 = crypto.createHash('sha256').update(bytes).digest('hex');
  await deps.storage.put(storageKey, bytes, checked.contentType);
  let unused: string | null = storageKey;
  try {
    const replaced = await deps.db.transaction().execute(async (trx) => {
      await lockDocumentImages(trx);
      const old = await findDocumentImage(trx, 'garuda', null, { forUpdate: true });
      const row = { kind: 'garuda' as const, orgUnitId: null, contentType: checked.contentType, sizeBytes: bytes.length, widthPx: checked.width, heightPx: checked.height, sha256, storageKey, uploadedBy: actor.userId };
      const id = await upsertDocumentImage(trx, { ...row, at: deps.clock.now() }, old?.id ?? null);
      const facts = (r: { contentType: string; sizeBytes: number; widthPx: number; heightPx: number; sha256: string }) => ({ contentType: r.contentType, sizeBytes: r.sizeBytes, widthPx: r.widthPx, heightPx: r.heightPx, sha256: r.sha256 });
      await recordAudit(trx, meta, {
        action: old ? 'document_image.replace' : 'document_image.upload', entityType: 'document_image', entityId: String(id),
        oldValue: old ? { kind: 'garuda', ...facts(old) } : undefined, newValue: { kind: 'garuda', fileName: input.fileName.slice(0, 200), ...facts(row) },
      });
      return old ?? null;
    });
    unused = replaced?.storageKey ?? null;
    return { ok: true, replaced: replaced !== null };
  } finally {
    if (unused) await deps.storage.delete(unused).catch((e: Error) => deps.logger.warn({ err: { message: e.message }, storageKey: unused }, 'could not delete an unused document image'));
  }
}
