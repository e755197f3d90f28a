import { formatThaiDate } from '../../../domain/dates/thai-date.ts';
import { evidenceTypes, type EvidenceKind } from '../../../domain/evidence/detect-file-type.ts';
import { evidenceErrorMessage, isEvidenceErrorCode } from '../../../domain/evidence/evidence-errors.ts';
import { defaultEvidenceLimits, formatFileSize, type EvidenceLimits } from '../../../domain/evidence/evidence-limits.ts';
import type { EvidenceItem } from '../../../services/evidence/list-evidence.ts';
import { CsrfField, Notice } from '../../components/forms.tsx';

// The evidence of one indicator or one field, as it sits on a data-entry (or review) page: the files with size,
// date, a preview and a remove button, and an upload form. Plain forms: it works with JavaScript off; after an
// upload or a removal the handler sends the browser back to `back` with the outcome in the query string
// (evidence_error / evidence_done + evidence_for), which evidenceFeedback() turns into this block's message.

export type EvidenceTarget = { indicatorCode?: string | undefined; fieldKey?: string | undefined };

export type EvidenceBlockProps = EvidenceTarget & {
  csrf: string;
  roundId: number;
  /** The respondent's org unit code (LAO code, or an office code such as PO22). */
  orgUnitCode: string;
  /** This block's files (evidenceFor(list.items, target)). */
  items: EvidenceItem[];
  /** listEvidence(...).canEdit: the asker's own unit, entry window open, not yet submitted. */
  canEdit: boolean;
  /** A Thai message shown at the upload field (evidenceFeedback(...).error). */
  error?: string | undefined;
  /** Shown above the list (evidenceFeedback(...).notice). */
  notice?: string | undefined;
  /** The page to come back to after upload/remove: a path under /rounds/ (default: the round page). */
  back?: string | undefined;
  limits?: Pick<EvidenceLimits, 'maxFileBytes' | 'maxSubmissionBytes'> | undefined;
  /** Heading of the block (default "หลักฐาน"). */
  title?: string | undefined;
};

export const evidenceTargetKey = (t: EvidenceTarget) => (t.indicatorCode ? `indicator:${t.indicatorCode}` : `field:${t.fieldKey ?? ''}`);
export const evidenceBlockId = (t: EvidenceTarget) => `evidence-${evidenceTargetKey(t).replace(/[^A-Za-z0-9_-]/g, '-')}`;
export const evidenceBasePath = (roundId: number, orgUnitCode: string) => `/rounds/${roundId}/submissions/${encodeURIComponent(orgUnitCode)}/evidence`;

const kindOf = (contentType: string): EvidenceKind | undefined => (Object.keys(evidenceTypes) as EvidenceKind[]).find((k) => evidenceTypes[k].contentType === contentType);
const acceptList = ['.pdf', '.png', '.jpg', '.jpeg', '.docx', '.xlsx', ...Object.values(evidenceTypes).map((t) => t.contentType)].join(',');

/** The message for one block from the query string of the page it was sent back to. */
export function evidenceFeedback(query: Record<string, string | undefined>, target: EvidenceTarget, limits: EvidenceLimits = defaultEvidenceLimits): { error?: string; notice?: string } {
  if (query.evidence_for !== evidenceTargetKey(target)) return {};
  const code = query.evidence_error;
  if (isEvidenceErrorCode(code)) return { error: evidenceErrorMessage(code, limits) };
  if (query.evidence_done === 'uploaded') return { notice: 'แนบไฟล์แล้ว' };
  if (query.evidence_done === 'removed') return { notice: 'ลบไฟล์แล้ว' };
  return {};
}

function TargetFields(props: EvidenceTarget & { back: string }) {
  return (
    <>
      {props.indicatorCode ? <input type="hidden" name="indicatorCode" value={props.indicatorCode} /> : <input type="hidden" name="fieldKey" value={props.fieldKey ?? ''} />}
      <input type="hidden" name="back" value={props.back} />
    </>
  );
}

export function EvidenceBlock(props: EvidenceBlockProps) {
  const limits = props.limits ?? defaultEvidenceLimits;
  const id = evidenceBlockId(props);
  const base = evidenceBasePath(props.roundId, props.orgUnitCode);
  const back = props.back ?? `/rounds/${props.roundId}`;
  const hint = `รับไฟล์ PDF, PNG, JPEG, DOCX หรือ XLSX ไฟล์ละไม่เกิน ${formatFileSize(limits.maxFileBytes)} หลักฐานทั้งหมดของหน่วยรวมกันไม่เกิน ${formatFileSize(limits.maxSubmissionBytes)}`;
  return (
    <section class="evidence" id={id} aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>{props.title ?? 'หลักฐาน'}</h3>
      {props.notice ? <Notice kind="success">{props.notice}</Notice> : null}
      {props.items.length === 0 ? <p class="muted">ยังไม่ได้แนบหลักฐาน</p> : (
        <table class="table-stack evidence-table">
          <caption class="visually-hidden">ไฟล์หลักฐานที่แนบแล้ว</caption>
          <thead>
            <tr><th scope="col">ไฟล์</th><th scope="col">ขนาด</th><th scope="col">แนบเมื่อ</th><th scope="col"><span class="visually-hidden">การทำงาน</span></th></tr>
          </thead>
          <tbody>
            {props.items.map((item) => {
              const kind = kindOf(item.contentType);
              const href = `${base}/${item.id}`;
              return (
                <tr>
                  <td data-label="ไฟล์" class="wrap">
                    <a href={href}>{item.fileName}</a>
                    <span class="muted small"> ({kind ? evidenceTypes[kind].label : 'ไฟล์'})</span>
                  </td>
                  <td data-label="ขนาด" class="num">{formatFileSize(item.sizeBytes)}</td>
                  <td data-label="แนบเมื่อ">
                    <span class="date">{formatThaiDate(item.uploadedAt, { withTime: true })}</span>
                    {item.uploaderName ? <div class="muted small">{item.uploaderName}</div> : null}
                  </td>
                  <td data-label="การทำงาน">
                    {kind && evidenceTypes[kind].inline ? <a href={`${href}?inline=1`}>ดูไฟล์<span class="visually-hidden"> {item.fileName}</span></a> : null}
                    {props.canEdit ? (
                      <form method="post" action={`${href}/remove`} class="inline-form">
                        <CsrfField token={props.csrf} />
                        <TargetFields indicatorCode={props.indicatorCode} fieldKey={props.fieldKey} back={back} />
                        {' '}<button type="submit" class="button button-secondary">ลบ<span class="visually-hidden"> {item.fileName}</span></button>
                      </form>
                    ) : null}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
      {props.canEdit ? (
        <form method="post" action={base} enctype="multipart/form-data" class="evidence-upload">
          <CsrfField token={props.csrf} />
          <TargetFields indicatorCode={props.indicatorCode} fieldKey={props.fieldKey} back={back} />
          <div class={props.error ? 'field field-error' : 'field'}>
            <label for={`${id}-file`}>แนบไฟล์หลักฐาน</label>
            <p class="hint" id={`${id}-hint`}>{hint}</p>
            {props.error ? <p class="error-message" id={`${id}-error`}>{props.error}</p> : null}
            <input type="file" id={`${id}-file`} name="file" accept={acceptList} required aria-describedby={props.error ? `${id}-hint ${id}-error` : `${id}-hint`} aria-invalid={props.error ? 'true' : undefined} />
          </div>
          <button type="submit" class="button button-secondary">อัปโหลด</button>
        </form>
      ) : props.error ? <p class="error-message" role="alert">{props.error}</p> : null}
    </section>
  );
}
