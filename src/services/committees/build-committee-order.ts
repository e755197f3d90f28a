import type { Deps } from '../../deps.ts';
import type { CommitteeOrderDoc } from '../../documents/committee-order.ts';
import type { Actor } from '../../domain/access/actor.ts';
import { committeePositionLabels, dutyLines, memberLine, orderPreamble } from '../../domain/committees/committee.ts';
import { bangkokInstant } from '../../domain/dates/bangkok-time.ts';
import { loadDocumentEmblem } from '../documents/emblem.ts';
import { loadCommittee, type CommitteeView } from './load-committee.ts';

// The appointment order from the committee as stored: members in their order with their positions, the duties as
// edited, the number, date and signatory as last saved. Nothing on it is typed at printing time but the choice of
// Thai digits.

export function committeeOrderDoc(view: CommitteeView, opts: { thaiDigits: boolean; emblem: CommitteeOrderDoc['emblem'] }): CommitteeOrderDoc {
  const province = view.province.nameTh;
  const c = view.committee;
  return {
    issuer: `คำสั่งจังหวัด${province}`,
    orderNo: c?.orderNo ?? '',
    subject: `แต่งตั้ง${view.title}`,
    preamble: orderPreamble(province),
    members: view.members.map((m) => ({ line: memberLine(m), position: committeePositionLabels[m.position] })),
    dutiesIntro: 'ให้คณะกรรมการ มีอำนาจหน้าที่ ดังนี้',
    duties: dutyLines(view.duties),
    closing: 'ทั้งนี้ ตั้งแต่บัดนี้เป็นต้นไป',
    date: c?.orderDate ? bangkokInstant(c.orderDate, '09:00') : null,
    signatory: { name: c?.signatoryName || ' '.repeat(40), position: c?.signatoryPosition || `ผู้ว่าราชการจังหวัด${province}` },
    emblem: opts.emblem,
    thaiDigits: opts.thaiDigits,
  };
}

export async function buildCommitteeOrder(deps: Pick<Deps, 'db' | 'clock' | 'storage' | 'logger'>, actor: Actor, input: { provinceCode: string; thaiDigits: boolean }): Promise<{ view: CommitteeView; doc: CommitteeOrderDoc }> {
  const view = await loadCommittee(deps, actor, { provinceCode: input.provinceCode });
  return { view, doc: committeeOrderDoc(view, { thaiDigits: input.thaiDigits, emblem: await loadDocumentEmblem(deps) }) };
}
