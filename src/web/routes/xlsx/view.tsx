import type { UploadReport } from '../../../services/xlsx/upload-form-values.ts';
import { CsrfField } from '../../components/forms.tsx';

// The upload page of one form's XLSX template: download, fill offline, check (nothing saved), import. The report
// lists every bad cell by row and column, and what an import would change.

export type UploadPageProps = {
  csrf: string;
  base: string; // /rounds/:roundId/submissions/:orgUnitCode
  formCode: string;
  formTitle: string;
  unitName: string;
  roundTitle: string;
  version: number;
  entryMessage: string | null;
  fileError?: string;
  report?: UploadReport;
};

const outcomeText = (r: UploadReport): { kind: 'success' | 'warning'; text: string } => {
  if (r.outcome === 'ok' && r.mode === 'dry_run') {
    return { kind: 'success', text: r.changes.length ? `ไฟล์ถูกต้อง ยังไม่ได้บันทึก หากนำเข้าจะเปลี่ยน ${r.changes.length.toLocaleString('th-TH')} ช่องดังนี้` : 'ไฟล์ถูกต้อง และค่าทุกช่องตรงกับที่บันทึกไว้แล้ว ไม่มีอะไรต้องนำเข้า' };
  }
  if (r.outcome === 'ok') return { kind: 'success', text: `นำเข้าแล้ว บันทึก ${r.changes.length.toLocaleString('th-TH')} ช่อง` };
  if (r.outcome === 'problems') return { kind: 'warning', text: `พบปัญหา ${r.problems.length.toLocaleString('th-TH')} รายการ ยังไม่ได้บันทึกค่าใด แก้ไขในไฟล์แล้วอัปโหลดใหม่` };
  return { kind: 'warning', text: r.message ?? '' };
};

export function UploadView(p: UploadPageProps) {
  const r = p.report;
  const outcome = r ? outcomeText(r) : null;
  const fileError = p.fileError;
  return (
    <>
      <nav class="breadcrumbs" aria-label="เส้นทาง">
        <ol>
          <li><a href="/rounds">รอบการประเมิน</a></li>
          <li><a href={p.base}>{p.unitName}</a></li>
          <li aria-current="page">{p.formTitle}: ไฟล์ Excel</li>
        </ol>
      </nav>
      <h1>กรอก{p.formTitle}ด้วยไฟล์ Excel</h1>
      <p class="muted">{p.unitName} · {p.roundTitle}</p>
      {p.entryMessage ? <div class="notice notice-warning" role="status">{p.entryMessage}</div> : null}
      {outcome ? (
        <div class={`notice notice-${outcome.kind}`} role={outcome.kind === 'warning' ? 'alert' : 'status'} id="report">
          <p>{outcome.text}</p>
        </div>
      ) : null}
      {r && r.problems.length ? (
        <>
          <h2>ปัญหาที่พบ</h2>
          <ul class="upload-problems">{r.problems.map((pr) => <li>{pr.message}</li>)}</ul>
        </>
      ) : null}
      {r && r.warnings.length ? (
        <>
          <h2>คำเตือน (ไม่หยุดการนำเข้า)</h2>
          <ul>{r.warnings.map((w) => <li>{w}</li>)}</ul>
        </>
      ) : null}
      {r && r.outcome === 'ok' && r.changes.length ? (
        <div class="table-scroll">
          <table>
            <caption class="visually-hidden">ค่าที่{r.mode === 'dry_run' ? 'จะ' : ''}เปลี่ยน</caption>
            <thead><tr><th scope="col" class="num">แถว</th><th scope="col">ข้อมูล</th><th scope="col">ค่าเดิม</th><th scope="col">ค่าใหม่</th></tr></thead>
            <tbody>
              {r.changes.map((ch) => (
                <tr><td class="num">{ch.row ?? ''}</td><td>{ch.label}</td><td>{ch.from}</td><td>{ch.to}</td></tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}

      <h2>ขั้นตอน</h2>
      <ol>
        <li><a href={`${p.base}/forms/${encodeURIComponent(p.formCode)}/template.xlsx`} download>ดาวน์โหลดแม่แบบ{p.formTitle} (.xlsx)</a> ซึ่งมีค่าที่บันทึกไว้ล่าสุดอยู่แล้ว</li>
        <li>กรอกหรือแก้ค่าในคอลัมน์ D (ค่า) เท่านั้น ช่องที่เว้นว่างถือว่าไม่มีคำตอบ</li>
        <li>อัปโหลดเพื่อตรวจสอบก่อน ระบบจะบอกทุกเซลล์ที่ไม่ถูกต้องโดยยังไม่บันทึก แล้วจึงนำเข้า</li>
      </ol>
      <form method="post" action={`${p.base}/forms/${encodeURIComponent(p.formCode)}/upload`} enctype="multipart/form-data">
        <CsrfField token={p.csrf} />
        <input type="hidden" name="version" value={String(p.version)} />
        <div class={fileError ? 'field field-error' : 'field'}>
          <label for="file">ไฟล์แม่แบบที่กรอกแล้ว</label>
          <p class="hint" id="file-hint">ไฟล์ .xlsx ที่ดาวน์โหลดจากหน้านี้ ไม่เกิน 5 MB{r?.outcome === 'ok' && r.mode === 'dry_run' ? ' — เลือกไฟล์เดิมอีกครั้งแล้วกด นำเข้า' : ''}</p>
          {fileError ? <p class="error-message" id="file-error">{fileError}</p> : null}
          <input id="file" name="file" type="file" accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" aria-describedby={fileError ? 'file-hint file-error' : 'file-hint'} />
        </div>
        <div class="button-group">
          <button type="submit" name="mode" value="dry_run" class="button">ตรวจสอบไฟล์ (ยังไม่บันทึก)</button>
          <button type="submit" name="mode" value="import" class="button button-secondary">นำเข้า</button>
        </div>
      </form>
    </>
  );
}
