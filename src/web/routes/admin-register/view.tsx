import { formatThaiDate } from '../../../domain/dates/thai-date.ts';
import { CsrfField, ErrorSummary } from '../../components/forms.tsx';

export type ImportRow = {
  id: number; file_name: string; mode: string; status: string; phase?: string | null; total_rows: number; processed_rows: number;
  added: number; updated: number; closed: number; unchanged: number; reopened?: number; moved?: number; problem_count?: number;
  problems: unknown; started_at: Date; finished_at: Date | null;
};

const statusLabel: Record<string, string> = { running: 'กำลังดำเนินการ', done: 'เสร็จ', rejected: 'ไฟล์มีข้อผิดพลาด ไม่ได้นำเข้า', failed: 'ขัดข้อง' };
const modeLabel: Record<string, string> = { dry_run: 'ตรวจสอบไฟล์', import: 'นำเข้า' };
const n = (v: number | undefined) => (v ?? 0).toLocaleString('th-TH');

export function RegisterHomeView(props: { csrf: string; imports: ImportRow[]; error?: string }) {
  return (
    <>
      <h1>ทะเบียนองค์กรปกครองส่วนท้องถิ่น</h1>
      <ErrorSummary errors={props.error ? { file: props.error } : {}} />
      <p>นำเข้าทะเบียน อปท. ประจำปีจากไฟล์ CSV (UTF-8) หรือ XLSX ไฟล์คือทะเบียนทั้งหมด ณ วันนำเข้า: อปท. ใหม่จะถูกเพิ่ม ชื่อ ประเภท และอำเภอที่เปลี่ยนจะถูกปรับ และ อปท. ที่ไม่อยู่ในไฟล์จะถูกปิด (เก็บประวัติไว้)</p>
      <p>คอลัมน์: <code>code</code> (รหัส อปท.), <code>name_th</code> (ชื่อ อปท.), <code>lao_type</code> (ประเภท), <code>province_code</code> (รหัสจังหวัด 2 หลัก), <code>district_code</code> (รหัสอำเภอ 4 หลัก), <code>name_en</code> และ <code>valid_from</code> (ไม่บังคับ) ใช้หัวคอลัมน์ภาษาไทยได้</p>
      <form method="post" action="/admin/register" enctype="multipart/form-data">
        <CsrfField token={props.csrf} />
        <div class={props.error ? 'field field-error' : 'field'}>
          <label for="file">ไฟล์ทะเบียน</label>
          <p class="hint" id="file-hint">CSV หรือ XLSX ไม่เกิน 20 MB</p>
          {props.error ? <p class="error-message" id="file-error">{props.error}</p> : null}
          <input id="file" name="file" type="file" accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" aria-describedby={props.error ? 'file-hint file-error' : 'file-hint'} />
        </div>
        <div class="button-group">
          <button type="submit" name="mode" value="dry_run" class="button">ตรวจสอบไฟล์ (ยังไม่นำเข้า)</button>
          <button type="submit" name="mode" value="import" class="button button-secondary">นำเข้า</button>
        </div>
      </form>
      {props.imports.length > 0 ? (
        <>
          <h2>การนำเข้าล่าสุด</h2>
          <div class="table-scroll">
            <table>
              <caption class="visually-hidden">การนำเข้าทะเบียนล่าสุด</caption>
              <thead><tr><th scope="col">เมื่อ</th><th scope="col">ไฟล์</th><th scope="col">แบบ</th><th scope="col">ผล</th><th scope="col" class="num">แถว</th></tr></thead>
              <tbody>
                {props.imports.map((i) => (
                  <tr>
                    <td><a href={`/admin/register/imports/${i.id}`}>{formatThaiDate(i.started_at, { short: true, withTime: true })}</a></td>
                    <td>{i.file_name}</td>
                    <td>{modeLabel[i.mode] ?? i.mode}</td>
                    <td>{statusLabel[i.status] ?? i.status}</td>
                    <td class="num">{n(i.total_rows)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      ) : null}
    </>
  );
}

export function ImportView(props: { row: ImportRow }) {
  const r = props.row;
  const problems = (Array.isArray(r.problems) ? r.problems : []) as { row: number; column: string | null; message: string }[];
  const running = r.status === 'running';
  return (
    <>
      <nav class="breadcrumbs" aria-label="เส้นทาง"><ol><li><a href="/admin/register">ทะเบียน อปท.</a></li><li aria-current="page">{r.file_name}</li></ol></nav>
      <h1>{modeLabel[r.mode] ?? r.mode}: {r.file_name}</h1>
      <p class="muted">เริ่ม {formatThaiDate(r.started_at, { withTime: true })}</p>
      {running ? (
        <div role="status">
          <p>{r.phase === 'writing' ? 'กำลังบันทึก' : 'กำลังตรวจสอบ'} {n(r.processed_rows)} จาก {n(r.total_rows)} แถว</p>
          <progress max={Math.max(1, r.total_rows)} value={r.processed_rows} aria-label="ความคืบหน้า" />
          <p class="hint">หน้านี้ปรับปรุงเองทุก 2 วินาที หรือ <a href={`/admin/register/imports/${r.id}`}>โหลดใหม่</a></p>
        </div>
      ) : (
        <>
          <p class={r.status === 'done' ? 'notice notice-success' : 'notice notice-warning'} role="status">
            {r.status === 'done' && r.mode === 'dry_run' ? 'ไฟล์ถูกต้อง ยังไม่ได้นำเข้า หากนำเข้าจะมีผลดังนี้' : statusLabel[r.status]}
          </p>
          {r.status === 'done' ? (
            <dl class="summary-list">
              <dt>แถวในไฟล์</dt><dd>{n(r.total_rows)}</dd>
              <dt>เพิ่มใหม่</dt><dd>{n(r.added)}</dd>
              <dt>ปรับปรุง</dt><dd>{n(r.updated)}{r.moved ? ` (ย้ายอำเภอ ${n(r.moved)})` : ''}</dd>
              <dt>กลับมาใช้</dt><dd>{n(r.reopened)}</dd>
              <dt>ปิด (ไม่อยู่ในไฟล์)</dt><dd>{n(r.closed)}</dd>
              <dt>ไม่เปลี่ยน</dt><dd>{n(r.unchanged)}</dd>
            </dl>
          ) : null}
          {problems.length > 0 ? (
            <>
              <h2>ข้อผิดพลาด {n(r.problem_count ?? problems.length)} รายการ</h2>
              <p>แก้ไขทุกรายการในไฟล์แล้วอัปโหลดใหม่ ระบบยังไม่ได้นำเข้าข้อมูลใดเลย</p>
              {(r.problem_count ?? 0) > problems.length ? <p class="hint">แสดง {n(problems.length)} รายการแรก</p> : null}
              <div class="table-scroll">
                <table>
                  <caption class="visually-hidden">ข้อผิดพลาดรายแถว</caption>
                  <thead><tr><th scope="col" class="num">แถว</th><th scope="col">คอลัมน์</th><th scope="col">ข้อผิดพลาด</th></tr></thead>
                  <tbody>
                    {problems.map((p) => <tr><td class="num">{p.row || '—'}</td><td>{p.column ?? '—'}</td><td>{p.message}</td></tr>)}
                  </tbody>
                </table>
              </div>
            </>
          ) : null}
          <p><a href="/admin/register">กลับไปหน้าทะเบียน</a></p>
        </>
      )}
    </>
  );
}
