import type { DocumentImageRow } from '../../../db/queries/document-images.ts';
import { formatThaiDate } from '../../../domain/dates/thai-date.ts';
import { formatFileSize } from '../../../domain/evidence/evidence-limits.ts';
import { CsrfField, ErrorSummary, Notice } from '../../components/forms.tsx';

// The Garuda every official document prints: what is there now (shown at the sizes the documents print it), an
// upload that replaces it, and its removal. Without one, the documents keep its place empty.

export type EmblemDone = 'uploaded' | 'replaced' | 'removed';
const doneWords: Record<EmblemDone, string> = {
  uploaded: 'บันทึกตราครุฑแล้ว เอกสารที่พิมพ์ต่อจากนี้จะมีตราครุฑ',
  replaced: 'เปลี่ยนตราครุฑแล้ว เอกสารที่พิมพ์ต่อจากนี้จะใช้ภาพใหม่',
  removed: 'นำตราครุฑออกแล้ว เอกสารจะเว้นที่ของตราครุฑไว้ว่าง',
};

// 1.5 cm and 3 cm at the browser's 96 px per inch: the memo's and the letter's Garuda.
const memoPx = 57;
const letterPx = 113;

export function EmblemView(p: { csrf: string; current: DocumentImageRow | null; error?: string | undefined; done?: EmblemDone | undefined }) {
  const c = p.current;
  const errors: Record<string, string> = p.error ? { file: p.error } : {};
  const version = c ? c.sha256.slice(0, 12) : '';
  return (
    <>
      <h1>ตราครุฑในเอกสารราชการ</h1>
      <p>ภาพตราครุฑที่อัปโหลดที่นี่จะพิมพ์ในเอกสารทุกฉบับที่ระบบจัดทำ ได้แก่ บันทึกข้อความ (สูง 1.5 ซม.) หนังสือภายนอก (สูง 3 ซม.) ตารางผลการประเมิน แบบติดตามผลรายไตรมาส และแบบรายงานผลการคัดเลือกสำนักงานดีเด่น ถ้ายังไม่มีภาพ เอกสารจะเว้นที่ของตราครุฑไว้ว่างเพื่อให้ประทับหรือพิมพ์ภายหลัง</p>
      {p.done ? <Notice kind="success">{doneWords[p.done]}</Notice> : null}
      <ErrorSummary errors={errors} />
      <h2>ภาพที่ใช้อยู่</h2>
      {c ? (
        <>
          <div class="emblem-previews">
            <figure>
              <img src={`/admin/emblem/image?v=${version}`} alt="ตราครุฑ ขนาดในบันทึกข้อความ" height={memoPx} />
              <figcaption>ขนาดในบันทึกข้อความ</figcaption>
            </figure>
            <figure>
              <img src={`/admin/emblem/image?v=${version}`} alt="ตราครุฑ ขนาดในหนังสือภายนอก" height={letterPx} />
              <figcaption>ขนาดในหนังสือภายนอก</figcaption>
            </figure>
          </div>
          <dl class="summary-list">
            <dt>ชนิดไฟล์</dt><dd>{c.contentType === 'image/png' ? 'PNG' : 'JPEG'} · {formatFileSize(c.sizeBytes)}</dd>
            <dt>ขนาดภาพ</dt><dd>{c.widthPx.toLocaleString('th-TH')} × {c.heightPx.toLocaleString('th-TH')} จุด</dd>
            <dt>อัปโหลดเมื่อ</dt><dd>{formatThaiDate(c.uploadedAt, { withTime: true })}{c.uploaderName ? ` โดย ${c.uploaderName}` : ''}</dd>
          </dl>
        </>
      ) : (
        <p class="muted">ยังไม่มีภาพตราครุฑ เอกสารจะเว้นที่ของตราครุฑไว้ว่าง</p>
      )}

      <h2>{c ? 'เปลี่ยนภาพตราครุฑ' : 'อัปโหลดภาพตราครุฑ'}</h2>
      <form method="post" action="/admin/emblem" enctype="multipart/form-data">
        <CsrfField token={p.csrf} />
        <div class={p.error ? 'field field-error' : 'field'}>
          <label for="file">ไฟล์ภาพตราครุฑ</label>
          <p class="hint" id="file-hint">PNG (พื้นโปร่งใสหรือพื้นขาว) หรือ JPEG ไม่เกิน 2 MB สูงอย่างน้อย 100 จุด แนะนำ 400 จุดขึ้นไปเพื่อให้พิมพ์คมชัด</p>
          {p.error ? <p class="error-message" id="file-error">{p.error}</p> : null}
          <input id="file" name="file" type="file" accept=".png,.jpg,.jpeg,image/png,image/jpeg" aria-invalid={p.error ? 'true' : undefined} aria-describedby={p.error ? 'file-hint file-error' : 'file-hint'} />
        </div>
        <div class="button-group">
          <button type="submit" class="button">{c ? 'เปลี่ยนภาพ' : 'อัปโหลด'}</button>
        </div>
      </form>

      {c ? (
        <>
          <h2>นำตราครุฑออก</h2>
          <form method="post" action="/admin/emblem/remove">
            <CsrfField token={p.csrf} />
            <p>เอกสารที่พิมพ์หลังจากนี้จะเว้นที่ของตราครุฑไว้ว่าง</p>
            <button type="submit" class="button button-warning">นำตราครุฑออก</button>
          </form>
        </>
      ) : null}
    </>
  );
}
