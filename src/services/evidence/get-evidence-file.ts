import crypto from 'node:crypto';
import type { Deps } from '../../deps.ts';
import { findEvidence, findSubmissionState, type EvidenceRow } from '../../db/queries/evidence.ts';
import type { Actor } from '../../domain/access/actor.ts';
import { DomainError } from '../../domain/errors.ts';
import { loadEvidenceContext } from './evidence-context.ts';

// Use case: the bytes of one live evidence file, for anyone who may see the submission. The stored hash is
// checked on the way out, so a file changed behind our back in the store is never served as evidence.

export async function getEvidenceFile(deps: Pick<Deps, 'db' | 'storage'>, actor: Actor, input: { roundId: number; orgUnitCode: string; evidenceId: number }): Promise<{ evidence: EvidenceRow; bytes: Buffer }> {
  const ctx = await loadEvidenceContext(deps, actor, input);
  const submission = await findSubmissionState(deps.db, ctx.round.id, ctx.unit.id);
  const evidence = Number.isSafeInteger(input.evidenceId) && input.evidenceId > 0 ? await findEvidence(deps.db, input.evidenceId) : undefined;
  if (!submission || !evidence || evidence.submissionId !== submission.id || evidence.removedAt) throw new DomainError('not_found', 'evidence_not_found');
  const bytes = await deps.storage.get(evidence.storageKey);
  if (!bytes) throw new Error(`evidence ${evidence.id}: object ${evidence.storageKey} is missing from storage`);
  if (crypto.createHash('sha256').update(bytes).digest('hex') !== evidence.sha256) throw new Error(`evidence ${evidence.id}: stored bytes do not match their hash`);
  return { evidence, bytes };
}
