import crypto from 'node:crypto';
import type { Deps, RequestMeta } from '../../deps.ts';
import { findOrCreateSubmission } from '../../db/queries/submissions.ts';
import { findSubmissionState, insertEvidence, sumLiveEvidenceBytes, touchSubmission } from '../../db/queries/evidence.ts';
import type { Actor } from '../../domain/access/actor.ts';
import { detectFileType } from '../../domain/evidence/detect-file-type.ts';
import { evidenceErrorMessage, type EvidenceErrorCode } from '../../domain/evidence/evidence-errors.ts';
import { checkEvidenceSize, cleanFileName } from '../../domain/evidence/evidence-limits.ts';
import { DomainError } from '../../domain/errors.ts';
import { visibleFields, visibleIndicators } from '../../domain/framework/framework-view.ts';
import type { LaoType } from '../../domain/org/lao-type.ts';
import { canEditSubmission } from '../../domain/submission/submission-policy.ts';
import { divisionScope } from '../../domain/outstanding/division-scope.ts';
import { isEditableState } from '../../domain/submission/submission-state.ts';
import { recordAudit } from '../audit/record-audit.ts';
import { loadFrameworkVersion } from '../framework/load-framework-version.ts';
import { checkZipExpansion } from '../register/check-zip-expansion.ts';
import { decideEntryNow } from '../rounds/decide-entry.ts';
import { evidenceLimitsOf, loadEvidenceContext } from './evidence-context.ts';
import { isStorageFull, newStorageKey } from './storage.ts';

// Use case: attach one evidence file to an indicator or a field of a respondent's submission. Refusals a person
// can fix come back as a code and a Thai message; not being allowed at all is a DomainError (403/404).
// The bytes are stored first and the row written after, in one transaction with its audit row; if that
// transaction fails or refuses, the stored object is deleted again, so no row ever points at nothing. A full store
// (ENOSPC) is a refusal with its own message, the half-written bytes removed by the storage.

export type UploadEvidenceInput = { roundId: number; orgUnitCode: string; indicatorCode?: string | undefined; fieldKey?: string | undefined; fileName: string; bytes: Buffer | null };
export type EvidenceOutcome<T> = ({ ok: true } & T) | { ok: false; code: EvidenceErrorCode; message: string };

type Refusal = { ok: false; code: EvidenceErrorCode; message: string };

export async function uploadEvidence(deps: Pick<Deps, 'db' | 'clock' | 'config' | 'storage' | 'logger'>, actor: Actor, input: UploadEvidenceInput, meta: RequestMeta): Promise<EvidenceOutcome<{ evidenceId: number }>> {
  const limits = evidenceLimitsOf(deps.config);
  const refuse = (code: EvidenceErrorCode, message = evidenceErrorMessage(code, limits)): Refusal => ({ ok: false, code, message });
  const ctx = await loadEvidenceContext(deps, actor, input);
  if (!canEditSubmission(actor, ctx.unit)) throw new DomainError('forbidden', 'evidence');

  const entry = await decideEntryNow(deps, { roundId: ctx.round.id, orgUnitId: ctx.unit.id });
  if (!entry.allowed) return refuse(entry.reason, entry.message);
  const existing = await findSubmissionState(deps.db, ctx.round.id, ctx.unit.id);
  if (existing && !isEditableState(existing.state)) return refuse('not_editable');

  const indicatorCode = input.indicatorCode?.trim() || null;
  const fieldKey = input.fieldKey?.trim() || null;
  if ((indicatorCode === null) === (fieldKey === null)) return refuse('no_target');
  const { doc } = await loadFrameworkVersion(deps.db, { id: ctx.round.frameworkVersionId });
  const audience = doc.programme.respondents === 'lao' ? (ctx.laoType as LaoType | null) : null;
  const known = indicatorCode !== null
    ? visibleIndicators(doc, audience).some(({ indicator }) => indicator.code === indicatorCode)
    : visibleFields(doc, audience).some(({ field }) => field.key === fieldKey);
  if (!known) return refuse('unknown_target');
  // A division attaches evidence to its own indicators only.
  const scope = divisionScope(actor, ctx.unit, doc);
  if (scope && !(indicatorCode !== null ? scope.indicators.has(indicatorCode) : scope.fields.has(fieldKey!))) throw new DomainError('forbidden', 'evidence');

  if (!input.bytes) return refuse('no_file');
  const bytes = input.bytes;
  const size = checkEvidenceSize(bytes.length, 0, limits);
  if (!size.ok) return refuse(size.reason, size.message);
  const type = detectFileType(bytes, input.fileName, { checkZip: checkZipExpansion, maxUnpackedBytes: limits.maxUnpackedBytes, maxZipEntries: limits.maxZipEntries });
  if (!type.ok) return refuse(type.reason, type.message);

  const fileName = cleanFileName(input.fileName, type.extension);
  const sha256 = crypto.createHash('sha256').update(bytes).digest('hex');
  const storageKey = newStorageKey();
  try {
    await deps.storage.put(storageKey, bytes, type.contentType);
  } catch (e) {
    if (!isStorageFull(e)) throw e;
    // The person can do nothing about it but try later; the operator must hear of it at once.
    deps.logger.error({ err: { message: (e as Error).message }, bytes: bytes.length }, 'evidence storage is full: an upload was refused');
    return refuse('storage_full');
  }
  let outcome: EvidenceOutcome<{ evidenceId: number }> | undefined;
  try {
    outcome = await deps.db.transaction().execute(async (trx): Promise<EvidenceOutcome<{ evidenceId: number }>> => {
      const now = deps.clock.now();
      const submission = await findOrCreateSubmission(trx, ctx.round.id, ctx.unit.id, now);
      // Checked again under the lock: a submit or another upload may have happened since the first look.
      if (!isEditableState(submission.state)) return refuse('not_editable');
      const total = checkEvidenceSize(bytes.length, await sumLiveEvidenceBytes(trx, submission.id), limits);
      if (!total.ok) return refuse(total.reason, total.message);
      if (submission.created) {
        await recordAudit(trx, meta, { action: 'submission.start', entityType: 'submission', entityId: String(submission.id), newValue: { roundId: ctx.round.id, orgUnitId: ctx.unit.id, state: 'in_progress' } });
      }
      const row = { submissionId: submission.id, indicatorCode, fieldKey, fileName, contentType: type.contentType, sizeBytes: bytes.length, sha256, storageKey };
      const evidenceId = await insertEvidence(trx, { ...row, uploadedBy: actor.userId, at: now });
      await touchSubmission(trx, submission.id, now);
      await recordAudit(trx, meta, { action: 'evidence.upload', entityType: 'evidence', entityId: String(evidenceId), newValue: { ...row, roundId: ctx.round.id, orgUnitId: ctx.unit.id } });
      return { ok: true, evidenceId };
    });
    return outcome;
  } finally {
    if (!outcome?.ok) {
      await deps.storage.delete(storageKey).catch((e: Error) => deps.logger.warn({ err: { message: e.message }, storageKey }, 'could not delete an unused evidence object'));
    }
  }
}
