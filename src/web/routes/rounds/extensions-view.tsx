import type { ExtensionRow } from '../../../db/queries/rounds.ts';
import { CsrfField } from '../../components/forms.tsx';
import { DateTimeField, formParts, InputField, RadiosField, SelectField, TextAreaField, type FormState } from './fields.tsx';
import type { OwnDeadline, RoundPage, UnitChoice } from './page-model.ts';
import { at, atShort } from './view.tsx';

// Extensions on the round page: the respondent's own deadline and its request form, the table of every extension,
// the decider's pending requests, and the owner's direct grant.

const statusTag: Record<ExtensionRow['status'], [string, string]> = { requested: ['tag tag-warning', 'รอพิจารณา'], granted: ['tag tag-green', 'อนุมัติ'], refused: ['tag tag-red', 'ไม่อนุมัติ'] };

export function scopeWords(e: Pick<ExtensionRow, 'scope' | 'unitName'>): string {
  if (e.scope === 'all') return 'ทุกหน่วย';
  if (e.scope === 'province') return e.unitName ? (e.unitName === 'กรุงเทพมหานคร' ? e.unitName : `จังหวัด${e.unitName}`) : 'จังหวัด';
  return e.unitName ?? 'หน่วยงาน';
}

function RequestForm(props: { csrf: string; roundId: number; scope: 'respondent' | 'province'; unit: UnitChoice; state?: FormState | undefined; title: string }) {
  const formId = `request-${props.scope}-${props.unit.id}`;
  const f = formParts(props.state, formId);
  return (
    <form method="post" action={`/rounds/${props.roundId}/extensions/request`} novalidate class="form-narrow panel">
      <h3>{props.title}</h3>
      <CsrfField token={props.csrf} />
      <input type="hidden" name="scope" value={props.scope} />
      <input type="hidden" name="orgUnitId" value={String(props.unit.id)} />
      <DateTimeField name="requestDue" id={f.id('requestDue')} legend="ขอขยายถึง" kind="deadline" date={f.value('requestDueDate')} time={f.value('requestDueTime')} error={f.error('requestDue')} />
      <TextAreaField name="reason" id={f.id('reason')} label="เหตุผล" hint="อย่างน้อย 10 ตัวอักษร ผู้พิจารณาจะเห็นข้อความนี้" value={f.value('reason')} error={f.error('reason')} />
      <button type="submit" class="button">ส่งคำขอขยายเวลา</button>
    </form>
  );
}

function OwnDeadlineBox(props: { own: OwnDeadline; csrf: string; roundId: number; open: boolean; state?: FormState | undefined }) {
  const { unit, decision, pending } = props.own;
  const extended = decision.allowed ? decision.extension : null;
  const tone = decision.allowed ? (decision.late ? 'notice-warning' : 'notice-success') : 'notice-warning';
  return (
    <div class="own-deadline">
      <div class={`notice ${tone}`} role="status">
        <p><strong>กำหนดส่งของ{unit.name}: {at(decision.deadline)}</strong>{extended ? ' (ขยายเวลาแล้ว)' : ''}</p>
        {decision.allowed
          ? <p>{decision.late ? `เลยกำหนดส่งแล้ว ยังส่งได้ในฐานะส่งล่าช้าถึง ${at(decision.acceptUntil)}` : `ส่งข้อมูลได้ตามกำหนด${decision.acceptUntil > decision.deadline ? ` และรับข้อมูลล่าช้าได้ถึง ${at(decision.acceptUntil)}` : ''}`}</p>
          : <p>{decision.message}</p>}
      </div>
      {pending ? <p>คำขอขยายเวลาถึง {at(pending.newDueAt)} ส่งเมื่อ {at(pending.requestedAt)} <span class="tag tag-warning">รอพิจารณา</span></p> : null}
      {props.open && !pending ? <RequestForm csrf={props.csrf} roundId={props.roundId} scope="respondent" unit={unit} state={props.state} title="ขอขยายเวลาส่งข้อมูล" /> : null}
    </div>
  );
}

export function OwnDeadlines(props: { page: RoundPage; csrf: string; state?: FormState | undefined }) {
  const { page } = props;
  const open = page.round.state === 'open';
  if (page.own.length === 0 && (page.requestProvinces.length === 0 || !open)) return null;
  return (
    <section aria-labelledby="own-deadline">
      <h2 id="own-deadline">กำหนดส่งของหน่วยท่าน</h2>
      {page.own.map((own) => <OwnDeadlineBox own={own} csrf={props.csrf} roundId={page.round.id} open={open} state={props.state} />)}
      {open ? page.requestProvinces.map((p) => {
        const pending = page.extensions.find((e) => e.status === 'requested' && e.scope === 'province' && e.orgUnitId === p.id);
        return pending
          ? <p>คำขอขยายเวลาทั้งจังหวัด{p.name} ถึง {at(pending.newDueAt)} <span class="tag tag-warning">รอพิจารณา</span></p>
          : <RequestForm csrf={props.csrf} roundId={page.round.id} scope="province" unit={p} state={props.state} title={`ขอขยายเวลาให้ทุกหน่วยในจังหวัด${p.name}`} />;
      }) : null}
    </section>
  );
}

export function ExtensionTable(props: { extensions: ExtensionRow[] }) {
  if (props.extensions.length === 0) return <p>ยังไม่มีการขยายเวลา</p>;
  return (
    <table class="table-stack extensions-table">
      <caption class="visually-hidden">การขยายเวลาและคำขอขยายเวลาของรอบนี้</caption>
      <thead>
        <tr><th scope="col">ขอบเขต</th><th scope="col">กำหนดส่งใหม่</th><th scope="col">เหตุผล</th><th scope="col">สถานะ</th><th scope="col">ขอโดย</th><th scope="col">พิจารณาโดย</th></tr>
      </thead>
      <tbody>
        {props.extensions.map((e) => (
          <tr>
            <td data-label="ขอบเขต">{scopeWords(e)}</td>
            <td data-label="กำหนดส่งใหม่" class="date">{atShort(e.newDueAt)}</td>
            <td data-label="เหตุผล" class="wrap">{e.reason}</td>
            <td data-label="สถานะ"><span class={statusTag[e.status][0]}>{statusTag[e.status][1]}</span></td>
            <td data-label="ขอโดย">{e.requesterName ?? 'ระบบ'}<div class="muted small date">{atShort(e.requestedAt)}</div></td>
            <td data-label="พิจารณาโดย">
              {e.decidedAt ? <>{e.deciderName ?? 'ระบบ'}<div class="muted small date">{atShort(e.decidedAt)}</div></> : '—'}
              {e.decisionNote ? <div class="small">หมายเหตุ: {e.decisionNote}</div> : null}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function DecisionForms(props: { page: RoundPage; csrf: string; state?: FormState | undefined }) {
  const { page } = props;
  if (page.decidable.length === 0) return null;
  return (
    <section aria-labelledby="decide-title">
      <h3 id="decide-title">คำขอที่รอท่านพิจารณา ({page.decidable.length})</h3>
      {page.decidable.map((e) => {
        const f = formParts(props.state, `decision-${e.id}`);
        return (
          <form method="post" action={`/rounds/${page.round.id}/extensions/${e.id}/decision`} novalidate class="panel form-narrow">
            <CsrfField token={props.csrf} />
            <p><strong>{scopeWords(e)}</strong> ขอขยายถึง <strong>{at(e.newDueAt)}</strong></p>
            <p class="wrap">เหตุผล: {e.reason}</p>
            <p class="muted small">ขอโดย {e.requesterName ?? '—'} เมื่อ {at(e.requestedAt)}</p>
            {f.error('decision') ? <p class="error-message" id={`${f.id('decision')}-error`}>{f.error('decision')}</p> : null}
            <TextAreaField name="note" id={f.id('note')} label="หมายเหตุถึงผู้ขอ" hint="ต้องระบุเมื่อไม่อนุมัติ" value={f.value('note')} error={f.error('note')} rows={2} />
            <details class="field-details" open={Boolean(f.value('decisionDueDate')) || Boolean(f.error('decisionDue'))}>
              <summary>อนุมัติด้วยวันที่อื่น (ไม่บังคับ)</summary>
              <DateTimeField name="decisionDue" id={f.id('decisionDue')} legend="ขยายถึง" kind="deadline" hint="เว้นว่าง = ตามที่ขอ วันที่แบบ วว/ดด/ปปปป ปี พ.ศ." date={f.value('decisionDueDate')} time={f.value('decisionDueTime')} error={f.error('decisionDue')} />
            </details>
            <div class="button-group">
              <button type="submit" name="decision" value="granted" class="button" id={f.id('decision')}>อนุมัติ</button>
              <button type="submit" name="decision" value="refused" class="button button-warning">ไม่อนุมัติ</button>
            </div>
          </form>
        );
      })}
    </section>
  );
}

export function GrantForm(props: { page: RoundPage; csrf: string; state?: FormState | undefined }) {
  const { page } = props;
  if (!page.manage || page.round.state === 'published') return null;
  const f = formParts(props.state, 'grant');
  return (
    <details class="panel-details" open={f.mine}>
      <summary><h3 class="summary-heading">ขยายเวลาโดยเจ้าของโครงการ</h3></summary>
      <form method="post" action={`/rounds/${page.round.id}/extensions/grant`} novalidate class="form-narrow">
        <CsrfField token={props.csrf} />
        <RadiosField name="scope" id={f.id('scope')} legend="ขยายให้" value={f.value('scope') ?? 'all'} error={f.error('scope')} options={[
          { value: 'all', label: 'ทุกหน่วย' },
          { value: 'province', label: 'ทุกหน่วยในจังหวัดที่เลือก' },
          { value: 'respondent', label: 'หน่วยเดียว (ระบุรหัส)' },
        ]} />
        <SelectField name="provinceId" id={f.id('provinceId')} label="จังหวัด (เมื่อขยายให้จังหวัด)" options={page.provinces.map((p) => ({ value: String(p.id), label: p.name }))} placeholder="— เลือกจังหวัด —" value={f.value('provinceId')} error={f.error('provinceId')} />
        <InputField name="laoCode" id={f.id('laoCode')} label="รหัสหน่วยงาน (เมื่อขยายให้หน่วยเดียว)" hint="รหัส อปท. หรือรหัสสำนักงาน" value={f.value('laoCode')} error={f.error('laoCode')} width="short" />
        <DateTimeField name="grantDue" id={f.id('grantDue')} legend="ขยายถึง" kind="deadline" date={f.value('grantDueDate')} time={f.value('grantDueTime')} error={f.error('grantDue')} />
        <TextAreaField name="reason" id={f.id('reason')} label="เหตุผล" hint="ผู้ได้รับการขยายเวลาจะเห็นข้อความนี้ เช่น ตามมติคณะอนุกรรมการ" value={f.value('reason')} error={f.error('reason')} />
        <button type="submit" class="button">ขยายเวลา</button>
      </form>
    </details>
  );
}
