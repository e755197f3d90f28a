import type { RequestMeta } from '../../deps.ts';
import type { Db } from '../../db/pool.ts';
import { findCommittee, insertCommittee, type CommitteeRow } from '../../db/queries/committees.ts';
import { defaultCommitteeTitle, defaultDuties } from '../../domain/committees/committee.ts';
import type { OrgUnit } from '../../domain/org/org-unit.ts';
import { recordAudit } from '../audit/record-audit.ts';

// Every change to a committee takes its row lock first, so two people editing the same committee are taken one at
// a time. A province's committee comes into being with its first change, from DLA's model order (audited).

export async function lockCommittee(trx: Db, province: Pick<OrgUnit, 'id' | 'nameTh'>, userId: string, at: Date, meta: RequestMeta): Promise<CommitteeRow> {
  const found = await findCommittee(trx, province.id, { forUpdate: true });
  if (found) return found;
  const { row, created } = await insertCommittee(trx, { provinceUnitId: province.id, title: defaultCommitteeTitle(province.nameTh), duties: defaultDuties, dutiesExample: true, createdBy: userId, at });
  if (created) await recordAudit(trx, meta, { action: 'committee.create', entityType: 'committee', entityId: String(row.id), newValue: { province: province.id, title: row.title } });
  return row;
}
