import type { Deps, RequestMeta } from '../../deps.ts';
import { insertComment } from '../../db/queries/committees.ts';
import type { Actor } from '../../domain/access/actor.ts';
import { DomainError } from '../../domain/errors.ts';
import { recordAudit } from '../audit/record-audit.ts';
import { loadMonitoringReport } from './load-monitoring-report.ts';

// Use case: a committee member (or the provincial office) leaves a comment on the province's quarterly report, on the
// whole of it or on one standard. A comment changes no answer; it is kept with who said it and when (audited).

export const commentMaxLength = 4000;

export async function addMonitoringComment(
  deps: Pick<Deps, 'db' | 'clock'>,
  actor: Actor,
  input: { roundId: number; provinceCode: string; itemCode: string; body: string },
  meta: RequestMeta,
): Promise<{ ok: true; id: number } | { ok: false; errors: Record<string, string> }> {
  const report = await loadMonitoringReport(deps, actor, input);
  if (!report.perms.comment) throw new DomainError('forbidden', 'forbidden');
  if (input.itemCode && !report.fields.items.some((i) => i.code === input.itemCode)) throw new DomainError('not_found', 'standard_not_found');
  const body = input.body.trim();
  if (!body) return { ok: false, errors: { body: 'พิมพ์ความเห็นก่อนกดบันทึก' } };
  if (body.length > commentMaxLength) return { ok: false, errors: { body: `ความเห็นยาวเกิน ${commentMaxLength.toLocaleString('th-TH')} ตัวอักษร` } };
  return deps.db.transaction().execute(async (trx) => {
    const id = await insertComment(trx, { roundId: report.ctx.round.id, orgUnitId: report.ctx.unit.id, itemCode: input.itemCode, body, authorId: actor.userId, at: deps.clock.now() });
    await recordAudit(trx, meta, { action: 'committee.comment', entityType: 'monitoring_report', entityId: `${report.ctx.round.id}:${report.ctx.unit.code}`, newValue: { id, itemCode: input.itemCode || null, body } });
    return { ok: true as const, id };
  });
}
