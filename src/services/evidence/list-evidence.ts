import type { Deps } from '../../deps.ts';
import { findSubmissionState, listLiveEvidence } from '../../db/queries/evidence.ts';
import type { Actor } from '../../domain/access/actor.ts';
import type { EvidenceLimits } from '../../domain/evidence/evidence-limits.ts';
import { canEditSubmission } from '../../domain/submission/submission-policy.ts';
import { isEditableState } from '../../domain/submission/submission-state.ts';
import { decideEntryNow } from '../rounds/decide-entry.ts';
import { evidenceLimitsOf, loadEvidenceContext } from './evidence-context.ts';

// Use case: the evidence of one respondent's submission, for anyone who may see the submission, and whether
// the asker may add or remove files right now (their own unit, the entry window open, not yet submitted).

export type EvidenceItem = {
  id: number; indicatorCode: string | null; fieldKey: string | null; fileName: string; contentType: string; sizeBytes: number; uploadedAt: Date; uploaderName: string | null;
};
export type EvidenceList = { items: EvidenceItem[]; canEdit: boolean; usedBytes: number; limits: EvidenceLimits };

export async function listEvidence(deps: Pick<Deps, 'db' | 'clock' | 'config'>, actor: Actor, input: { roundId: number; orgUnitCode: string }): Promise<EvidenceList> {
  const ctx = await loadEvidenceContext(deps, actor, input);
  const submission = await findSubmissionState(deps.db, ctx.round.id, ctx.unit.id);
  const rows = submission ? await listLiveEvidence(deps.db, submission.id) : [];
  const items = rows.map(({ id, indicatorCode, fieldKey, fileName, contentType, sizeBytes, uploadedAt, uploaderName }) => ({ id, indicatorCode, fieldKey, fileName, contentType, sizeBytes, uploadedAt, uploaderName }));
  let canEdit = canEditSubmission(actor, ctx.unit) && (!submission || isEditableState(submission.state));
  if (canEdit) canEdit = (await decideEntryNow(deps, { roundId: ctx.round.id, orgUnitId: ctx.unit.id })).allowed;
  return { items, canEdit, usedBytes: items.reduce((sum, i) => sum + i.sizeBytes, 0), limits: evidenceLimitsOf(deps.config) };
}

/** The items of one indicator or one field, for its EvidenceBlock. */
export function evidenceFor(items: EvidenceItem[], target: { indicatorCode?: string | undefined; fieldKey?: string | undefined }): EvidenceItem[] {
  return items.filter((i) => (target.indicatorCode ? i.indicatorCode === target.indicatorCode : i.fieldKey === target.fieldKey && i.indicatorCode === null));
}
