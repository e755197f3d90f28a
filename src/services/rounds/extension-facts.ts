import type { Db } from '../../db/pool.ts';
import { findOrgUnitById } from '../../db/queries/org-units.ts';
import { listExtensions, notifyRespondents, type ExtensionRow } from '../../db/queries/rounds.ts';
import { formatThaiDate } from '../../domain/dates/thai-date.ts';
import type { ExtensionFact } from '../../domain/rounds/entry-window.ts';

// What the extension use cases share: the facts the deadline rule reads, and telling the people affected.

export function toExtensionFact(e: Pick<ExtensionRow, 'id' | 'scope' | 'orgUnitId' | 'unitProvinceCode' | 'newDueAt' | 'status'>): ExtensionFact {
  return { id: e.id, scope: e.scope, orgUnitId: e.orgUnitId, provinceCode: e.unitProvinceCode, newDueAt: e.newDueAt, status: e.status };
}

export async function loadExtensionFacts(db: Db, roundId: number): Promise<ExtensionFact[]> {
  return (await listExtensions(db, roundId)).map(toExtensionFact);
}

export async function tellAffected(db: Db, e: { roundId: number; roundTitle: string; scope: ExtensionRow['scope']; orgUnitId: number | null; newDueAt: Date; granted: boolean; requestedBy: string | null; note?: string | null }): Promise<number> {
  const unit = e.orgUnitId ? await findOrgUnitById(db, e.orgUnitId) : undefined;
  const who = e.scope === 'all' ? 'ทุกหน่วยงาน' : unit?.nameTh ?? '';
  const title = e.granted ? `ขยายเวลาส่งข้อมูล: ${e.roundTitle}` : `ไม่อนุมัติคำขอขยายเวลา: ${e.roundTitle}`;
  const body = e.granted
    ? `ขยายกำหนดส่งสำหรับ${who}ถึงวันที่ ${formatThaiDate(e.newDueAt, { withTime: true })}${e.note ? ` (${e.note})` : ''}`
    : `คำขอขยายเวลาของ${who}ไม่ได้รับอนุมัติ${e.note ? `: ${e.note}` : ''}`;
  return notifyRespondents(db, {
    roundId: e.roundId, scope: e.granted ? e.scope : 'respondent', orgUnitId: e.granted ? e.orgUnitId : -1, provinceCode: unit?.provinceCode ?? null,
    alsoUserId: e.requestedBy, kind: e.granted ? 'extension_granted' : 'extension_refused', title, body, link: `/rounds/${e.roundId}`,
  });
}
