import { formatThaiDate } from '../../../domain/dates/thai-date.ts';
import { startsIn, workshopWhen } from '../../../domain/workshops/workshop-time.ts';
import type { WorkshopListItem } from '../../../services/workshops/load-workshop-page.ts';
import { Notice } from '../../components/forms.tsx';

// /workshops: the workshops of the person's audience (อบรม/คู่มือ), upcoming first, each with when, for whom, the
// registration deadline and — for LAO people — how many of theirs are registered. Past ones stay listed for their
// documents (the manuals are read long after the workshop).

const n = (v: number) => v.toLocaleString('th-TH');
const where = (w: { onlineUrl: string | null; place: string | null }) => (w.onlineUrl && w.place ? `ออนไลน์ และที่${w.place}` : w.onlineUrl ? 'ออนไลน์' : `ที่${w.place ?? ''}`);

export function WorkshopCard(props: { item: WorkshopListItem; now: Date; heading: 'h2' | 'h3' }) {
  const w = props.item;
  const Heading = props.heading;
  const past = w.endsAt.getTime() <= props.now.getTime();
  const soon = past ? null : startsIn(w.startsAt, props.now);
  return (
    <li class="card workshop-card">
      <Heading><a href={`/workshops/${w.id}`}>{w.title}</a></Heading>
      <p>
        {workshopWhen(w.startsAt, w.endsAt)}
        {soon ? <> <span class="tag tag-green">{soon}</span></> : past ? <> <span class="tag tag-grey">จบแล้ว</span></> : null}
      </p>
      <p class="muted small">{where(w)} · สำหรับ {w.audienceWords}</p>
      {past ? null : (
        <p class="small">
          {w.registrationOpen ? <>ลงทะเบียนได้ถึง {formatThaiDate(w.registrationClosesAt, { withTime: true })}</> : <>ปิดรับลงทะเบียนแล้ว</>}
          {w.registered !== null ? <> · <strong class="nowrap">ลงทะเบียนแล้ว {n(w.registered)} คน</strong></> : null}
        </p>
      )}
    </li>
  );
}

export function WorkshopListView(props: { items: WorkshopListItem[]; now: Date; manage: boolean; notice?: string | undefined }) {
  const upcoming = props.items.filter((w) => w.endsAt.getTime() > props.now.getTime());
  const past = props.items.filter((w) => w.endsAt.getTime() <= props.now.getTime());
  return (
    <>
      <h1>การอบรมและคู่มือ</h1>
      {props.notice ? <Notice kind="success">{props.notice}</Notice> : null}
      <p>การประชุมเชิงปฏิบัติการและการอบรมที่ผู้ดูแลโครงการจัดสำหรับหน่วยงานของท่าน พร้อมเอกสารประกอบ เช่น คู่มือการจัดเก็บข้อมูล และคู่มือการใช้งานระบบ เปิดแต่ละรายการเพื่อดูรายละเอียด ลิงก์เข้าร่วม และลงทะเบียนผู้เข้าร่วม</p>
      {props.manage ? <p><a class="button" href="/workshops/new">ประกาศการอบรม</a></p> : null}
      <h2>กำลังจะจัด</h2>
      {upcoming.length ? <ul class="cards workshop-cards">{upcoming.map((w) => <WorkshopCard item={w} now={props.now} heading="h3" />)}</ul> : <p class="muted">ยังไม่มีการอบรมที่กำลังจะจัดสำหรับหน่วยงานของท่าน</p>}
      {past.length ? (
        <>
          <h2>จัดไปแล้ว (ดูเอกสารประกอบได้)</h2>
          <ul class="cards workshop-cards">{past.map((w) => <WorkshopCard item={w} now={props.now} heading="h3" />)}</ul>
        </>
      ) : null}
    </>
  );
}
