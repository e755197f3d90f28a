import type { DocumentBatchRow } from '../../../db/queries/document-batches.ts';
import { formatThaiDate } from '../../../domain/dates/thai-date.ts';
import { CsrfField, ErrorSummary } from '../../components/forms.tsx';

// The results reports of every completed respondent of a round, rendered in the background: start a batch, watch
// it progress (the page refreshes itself while it runs, without JavaScript), download the files.

export type ProvinceOption = { code: string; name: string };

const n = (x: number) => x.toLocaleString('th-TH');

export function batchProgress(b: DocumentBatchRow, now: Date): { percent: number; perMinute: number | null; minutesLeft: number | null } {
  const handled = b.done + b.failed;
  const percent = b.total ? Math.floor((handled / b.total) * 100) : 100;
  const elapsedMinutes = ((b.finishedAt ?? b.lastDoneAt ?? now).getTime() - b.requestedAt.getTime()) / 60_000;
  const perMinute = handled > 0 && elapsedMinutes > 0 ? handled / elapsedMinutes : null;
  const minutesLeft = !b.finishedAt && perMinute ? Math.ceil((b.total - handled) / perMinute) : null;
  return { percent, perMinute, minutesLeft };
}

function BatchSummary(p: { batch: DocumentBatchRow; now: Date }) {
  const b = p.batch;
  const g = batchProgress(b, p.now);
  return (
    <dl class="summary-list">
      <dt>สั่งเมื่อ</dt><dd>{formatThaiDate(b.requestedAt, { withTime: true })}{b.requestedByName ? ` โดย ${b.requestedByName}` : ''}</dd>
      <dt>ความคืบหน้า</dt>
      <dd>
        <progress max={b.total} value={b.done + b.failed} aria-label="ความคืบหน้าการสร้างเอกสาร">{g.percent}%</progress>
        <p>สร้างแล้ว {n(b.done)} จาก {n(b.total)} ฉบับ ({g.percent}%){b.failed ? <> · <strong>ไม่สำเร็จ {n(b.failed)} ฉบับ</strong></> : null}</p>
      </dd>
      <dt>สถานะ</dt>
      <dd>
        {b.finishedAt ? <span class="tag tag-green">เสร็จแล้ว {formatThaiDate(b.finishedAt, { withTime: true })}</span> : <span class="tag">กำลังสร้าง</span>}
        {g.perMinute ? <p class="hint">ประมาณ {n(Math.round(g.perMinute))} ฉบับต่อนาที{g.minutesLeft !== null ? ` · เหลืออีกราว ${n(g.minutesLeft)} นาที` : ''}</p> : null}
      </dd>
      <dt>ขนาดรวม</dt><dd>{(b.bytes / 1024 / 1024).toLocaleString('th-TH', { maximumFractionDigits: 1 })} MB</dd>
    </dl>
  );
}

export function BatchListView(p: { csrf: string; roundId: number; roundTitle: string; roundState: string; batches: DocumentBatchRow[]; provinces: ProvinceOption[]; completed: number; errors: Record<string, string>; provinceCode: string; now: Date }) {
  const running = p.batches.find((b) => !b.finishedAt);
  const ready = p.roundState === 'closed' || p.roundState === 'published';
  return (
    <>
      <nav class="breadcrumbs" aria-label="ตำแหน่ง"><ol><li><a href="/rounds">รอบการประเมิน</a></li><li><a href={`/rounds/${p.roundId}`}>{p.roundTitle}</a></li></ol></nav>
      <h1>สร้างรายงานผลการประเมินของทุกหน่วยงาน</h1>
      <p>สร้างตารางผลการประเมิน (PDF) ของทุกหน่วยงานที่บันทึกข้อมูลครบแล้ว ({n(p.completed)} หน่วยงาน) เป็นงานเบื้องหลัง ระหว่างนี้ใช้งานส่วนอื่นได้ตามปกติ เมื่อประกาศผลแล้ว หน้าผลสาธารณะของแต่ละหน่วยงานจะมีลิงก์ดาวน์โหลดรายงานฉบับนี้</p>
      <ErrorSummary errors={p.errors} />
      {!ready ? <p class="notice notice-warning">สร้างได้เมื่อปิดรอบแล้ว เพื่อให้ตัวเลขในรายงานไม่เปลี่ยนอีก</p>
        : running ? <p class="notice">กำลังสร้างชุดหนึ่งอยู่ <a href={`/rounds/${p.roundId}/document-batches/${running.id}`}>ดูความคืบหน้า</a></p>
        : (
          <form method="post" action={`/rounds/${p.roundId}/document-batches`} novalidate>
            <CsrfField token={p.csrf} />
            <div class={p.errors.provinceCode ? 'field field-error' : 'field'}>
              <label for="provinceCode">หน่วยงานในจังหวัด</label>
              {p.errors.provinceCode ? <p class="error-message" id="provinceCode-error">{p.errors.provinceCode}</p> : null}
              <select id="provinceCode" name="provinceCode">
                <option value="" selected={p.provinceCode === ''}>ทุกจังหวัด</option>
                {p.provinces.map((pr) => <option value={pr.code} selected={p.provinceCode === pr.code}>{pr.name}</option>)}
              </select>
            </div>
            <button type="submit" class="button">เริ่มสร้างรายงาน</button>
          </form>
        )}
      <h2>ชุดที่สร้างไว้</h2>
      {p.batches.length === 0 ? <p class="muted">ยังไม่เคยสร้าง</p> : (
        <div class="table-scroll">
          <table>
            <thead><tr><th scope="col">สั่งเมื่อ</th><th scope="col">จำนวน</th><th scope="col">สถานะ</th></tr></thead>
            <tbody>
              {p.batches.map((b) => (
                <tr>
                  <td><a href={`/rounds/${p.roundId}/document-batches/${b.id}`}>{formatThaiDate(b.requestedAt, { withTime: true, short: true })}</a></td>
                  <td>{n(b.done)} / {n(b.total)}{b.failed ? ` (ไม่สำเร็จ ${n(b.failed)})` : ''}</td>
                  <td>{b.finishedAt ? 'เสร็จแล้ว' : 'กำลังสร้าง'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}

export type BatchItemView = { code: string; name: string; provinceName: string | null; state: string; error: string | null };

export function BatchView(p: { roundId: number; roundTitle: string; batch: DocumentBatchRow; items: BatchItemView[]; page: number; pages: number; now: Date }) {
  const base = `/rounds/${p.roundId}/document-batches/${p.batch.id}`;
  return (
    <>
      <nav class="breadcrumbs" aria-label="ตำแหน่ง"><ol><li><a href={`/rounds/${p.roundId}`}>{p.roundTitle}</a></li><li><a href={`/rounds/${p.roundId}/document-batches`}>รายงานผลทุกหน่วยงาน</a></li></ol></nav>
      <h1>รายงานผลการประเมิน ชุดที่ {p.batch.id}</h1>
      {p.batch.finishedAt ? null : <p class="hint" role="status">หน้านี้ปรับปรุงเองทุก 5 วินาทีจนกว่าจะเสร็จ</p>}
      <BatchSummary batch={p.batch} now={p.now} />
      <h2>เอกสาร</h2>
      <div class="table-scroll">
        <table>
          <thead><tr><th scope="col">หน่วยงาน</th><th scope="col">จังหวัด</th><th scope="col">รายงาน</th></tr></thead>
          <tbody>
            {p.items.map((i) => (
              <tr>
                <td>{i.name} <span class="muted small">({i.code})</span></td>
                <td>{i.provinceName ?? '—'}</td>
                <td>{i.state === 'done' ? <a href={`${base}/files/${encodeURIComponent(i.code)}`}>PDF</a> : i.state === 'failed' ? <span class="tag tag-red" title={i.error ?? ''}>ไม่สำเร็จ</span> : <span class="muted">รอสร้าง</span>}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {p.pages > 1 ? (
        <nav class="pagination" aria-label="หน้า">
          {p.page > 1 ? <a href={`${base}?page=${p.page - 1}`}>« ก่อนหน้า</a> : null}
          <span> หน้า {n(p.page)} จาก {n(p.pages)} </span>
          {p.page < p.pages ? <a href={`${base}?page=${p.page + 1}`}>ถัดไป »</a> : null}
        </nav>
      ) : null}
    </>
  );
}
