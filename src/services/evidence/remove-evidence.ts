import type { Deps, RequestMeta } from '../../deps.ts';
import { findEvidence, findSubmissionState, markEvidenceRemoved, touchSubmission } from '../../db/queries/evidence.ts';
import type { Actor } from '../../domain/access/actor.ts';
import { evidenceErrorMessage } from '../../domain/evidence/evidence-errors.ts';
import { DomainError } from '../../domain/errors.ts';
import { canEditSubmission } from '../../domain/submission/submission-policy.ts';
import { divisionScope } from '../../domain/outstanding/division-scope.ts';
import { loadFrameworkVersion } from '../framework/load-framework-version.ts';
import { isEditableState } from '../../domain/submission/submission-state.ts';
import { recordAudit } from '../audit/record-audit.ts';
import { decideEntryNow } from '../rounds/decide-entry.ts';
import { evidenceLimitsOf, loadEvidenceContext } from './evidence-context.ts';
import type { EvidenceOutcome } from './upload-evidence.ts';

// Use case: take a file back while the submission is still the respondent's to change. The row stays (removed_at)
// and so do the bytes: the audit trail can always show what was attached and when it was taken away.

export async function removeEvidence(deps: Pick<Deps, 'db' | 'clock' | 'config'>, actor: Actor, input: { roundId: number; orgUnitCode: string; evidenceId: number }, meta: RequestMeta): Promise<EvidenceOutcome<{ indicatorCode: string | null; fieldKey: string | null }>> {
  const limits = evidenceLimitsOf(deps.config);
  const ctx = await loadEvidenceContext(deps, actor, input);
  if (!canEditSubmission(actor, ctx.unit)) throw new DomainError('forbidden', 'evidence');
  const submission = await findSubmissionState(deps.db, ctx.round.id, ctx.unit.id);
  const evidence = Number.isSafeInteger(input.evidenceId) && input.evidenceId > 0 ? await findEvidence(deps.db, input.evidenceId) : undefined;
  if (!submission || !evidence || evidence.submissionId !== submission.id || evidence.removedAt) throw new DomainError('not_found', 'evidence_not_found');
  // A division takes back only the files of its own indicators.
  const scope = divisionScope(actor, ctx.unit, (await loadFrameworkVersion(deps.db, { id: ctx.round.frameworkVersionId })).doc);
  if (scope && !(evidence.indicatorCode !== null ? scope.indicators.has(evidence.indicatorCode) : evidence.fieldKey !== null && scope.fields.has(evidence.fieldKey))) throw new DomainError('forbidden', 'evidence');

  const entry = await decideEntryNow(deps, { roundId: ctx.round.id, orgUnitId: ctx.unit.id });
  if (!entry.allowed) return { ok: false, code: entry.reason, message: entry.message };
  return deps.db.transaction().execute(async (trx) => {
    const locked = await findSubmissionState(trx, ctx.round.id, ctx.unit.id, { forUpdate: true });
    if (!locked || !isEditableState(locked.state)) return { ok: false, code: 'not_editable', message: evidenceErrorMessage('not_editable', limits) } as const;
    const now = deps.clock.now();
    if (!(await markEvidenceRemoved(trx, evidence.id, now))) throw new DomainError('not_found', 'evidence_not_found');
    await touchSubmission(trx, locked.id, now);
    await recordAudit(trx, meta, {
      action: 'evidence.remove', entityType: 'evidence', entityId: String(evidence.id),
      oldValue: { submissionId: evidence.submissionId, indicatorCode: evidence.indicatorCode, fieldKey: evidence.fieldKey, fileName: evidence.fileName, sizeBytes: evidence.sizeBytes, sha256: evidence.sha256 },
      newValue: { removedAt: now.toISOString() },
    });
    return { ok: true, indicatorCode: evidence.indicatorCode, fieldKey: evidence.fieldKey } as const;
  });
}
