import type { Deps, RequestMeta } from '../../deps.ts';
import { updateCommittee, type CommitteeChanges, type CommitteeRow } from '../../db/queries/committees.ts';
import type { Actor } from '../../domain/access/actor.ts';
import { defaultDuties } from '../../domain/committees/committee.ts';
import { canManageCommittee } from '../../domain/committees/committee-policy.ts';
import { DomainError } from '../../domain/errors.ts';
import { recordAudit } from '../audit/record-audit.ts';
import { loadProvince } from './load-committee.ts';
import { lockCommittee } from './lock-committee.ts';

// Use case: the provincial office (or an owner) changes the committee's title and duties, or the particulars of
// its appointment order (number, date, who signs). No lost update: the form carries the version it was read at; if
// someone saved since, nothing is written and the page shows what is stored now. Audited with old and new values.

export type CommitteeEdit =
  | { part: 'details'; title: string; duties: string }
  | { part: 'order'; orderNo: string; orderDate: string | null; signatoryName: string; signatoryPosition: string };

export type SaveCommitteeResult = { ok: true; version: number } | { ok: false; reason: 'conflict'; current: CommitteeRow };

const sameText = (a: string, b: string) => a.replace(/\s+/g, ' ').trim() === b.replace(/\s+/g, ' ').trim();

export async function saveCommittee(
  deps: Pick<Deps, 'db' | 'clock'>,
  actor: Actor,
  input: { provinceCode: string; version: number; edit: CommitteeEdit },
  meta: RequestMeta,
): Promise<SaveCommitteeResult> {
  const province = await loadProvince(deps.db, input.provinceCode);
  if (!canManageCommittee(actor, province)) throw new DomainError('forbidden', 'forbidden');
  const now = deps.clock.now();
  return deps.db.transaction().execute(async (trx): Promise<SaveCommitteeResult> => {
    const row = await lockCommittee(trx, province, actor.userId, now, meta);
    // A committee made just now by this save is at version 1, which a page that showed the model order (version 0) may write.
    if (input.version !== row.version && !(input.version === 0 && row.version === 1)) return { ok: false, reason: 'conflict', current: row };
    const e = input.edit;
    const changes: CommitteeChanges = e.part === 'details'
      ? { title: e.title, duties: e.duties, dutiesExample: row.dutiesExample && sameText(e.duties, defaultDuties) }
      : { orderNo: e.orderNo, orderDate: e.orderDate, signatoryName: e.signatoryName, signatoryPosition: e.signatoryPosition };
    const before = Object.fromEntries(Object.keys(changes).map((k) => [k, row[k as keyof CommitteeRow]]));
    const version = await updateCommittee(trx, row.id, changes, now);
    await recordAudit(trx, meta, { action: `committee.${e.part}`, entityType: 'committee', entityId: String(row.id), oldValue: before, newValue: changes });
    return { ok: true, version };
  });
}
