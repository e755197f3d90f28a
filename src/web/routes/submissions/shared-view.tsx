import { formatThaiDate } from '../../../domain/dates/thai-date.ts';
import { partStateLabels, submissionStateLabels, type PartStateName, type SubmissionStateName } from '../../../domain/submission/submission-state.ts';

// Small pieces the task list, overview, check-answers and review pages share.

export function Breadcrumbs(props: { items: { href: string; label: string }[] }) {
  return (
    <nav class="breadcrumbs" aria-label="ตำแหน่งของหน้านี้">
      <ol>{props.items.map((i) => <li><a href={i.href}>{i.label}</a></li>)}</ol>
    </nav>
  );
}

const stateTagClass: Record<SubmissionStateName, string> = {
  not_started: 'tag tag-grey', in_progress: 'tag', awaiting_approval: 'tag tag-warning', submitted: 'tag tag-green', returned: 'tag tag-red', accepted: 'tag tag-green',
};
const partTagClass: Record<PartStateName, string> = { not_started: 'tag tag-grey', in_progress: 'tag', ready: 'tag tag-green', returned: 'tag tag-red' };

export const StateTag = (props: { state: SubmissionStateName }) => <strong class={stateTagClass[props.state]}>{submissionStateLabels[props.state]}</strong>;
export const PartTag = (props: { state: PartStateName }) => <strong class={partTagClass[props.state]}>{partStateLabels[props.state]}</strong>;

const day = 24 * 60 * 60 * 1000;

/** "เหลืออีก 5 วัน" before the deadline, "เลยกำหนด 2 วัน" after it (late stays in view, marked). */
export function daysText(deadline: Date, now: Date): { text: string; late: boolean } {
  const ms = deadline.getTime() - now.getTime();
  if (ms >= 0) {
    const days = Math.floor(ms / day);
    return { text: days === 0 ? 'ครบกำหนดวันนี้' : `เหลืออีก ${days.toLocaleString('th-TH')} วัน`, late: false };
  }
  const days = Math.ceil(-ms / day);
  return { text: `เลยกำหนด ${days.toLocaleString('th-TH')} วัน`, late: true };
}

export function DueText(props: { deadline: Date; now: Date; extended?: boolean; closed?: boolean }) {
  const d = daysText(props.deadline, props.now);
  return (
    <>
      <span class="date">{formatThaiDate(props.deadline, { withTime: true })}</span>{' '}
      <strong class={d.late ? 'tag tag-red' : 'tag'}>{d.text}</strong>
      {props.closed ? <> <strong class="tag tag-grey">ปิดรับแล้ว</strong></> : null}
      {props.extended ? <> <span class="tag tag-green">ขยายเวลาแล้ว</span></> : null}
    </>
  );
}
