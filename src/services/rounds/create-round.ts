import type { Deps, RequestMeta } from '../../deps.ts';
import { findFrameworkVersion, findProgrammeById } from '../../db/queries/frameworks.ts';
import { findRoundForPeriod, insertRound } from '../../db/queries/rounds.ts';
import type { Actor } from '../../domain/access/actor.ts';
import { canManageProgrammes } from '../../domain/access/policies.ts';
import { DomainError } from '../../domain/errors.ts';
import { checkRoundDates } from '../../domain/rounds/round-state.ts';
import { recordAudit } from '../audit/record-audit.ts';

// Use case: the programme owner creates a round (draft) for a period with its dates and who is expected.

export type CreateRoundInput = {
  programmeId: number; frameworkVersionId: number; title: string; fiscalYear: number; quarter: number | null;
  opensAt: Date; dueAt: Date; lateUntil: Date; editClosesAt: Date;
  laoTypes: string[] | null; provinceCodes: string[] | null; excludedProvinceCodes: string[]; demo?: boolean;
};

export async function createRound(deps: Pick<Deps, 'db'>, actor: Actor | null, input: CreateRoundInput, meta: RequestMeta): Promise<{ roundId: number }> {
  if (actor && !canManageProgrammes(actor)) throw new DomainError('forbidden', 'forbidden');
  const programme = await findProgrammeById(deps.db, input.programmeId);
  if (!programme) throw new DomainError('not_found', 'programme_not_found');
  const version = await findFrameworkVersion(deps.db, { id: input.frameworkVersionId });
  if (!version || version.programmeId !== programme.id) throw new DomainError('invalid', 'round_version_mismatch', { field: 'frameworkVersionId' });
  if ((programme.frequency === 'quarterly') !== (input.quarter !== null)) throw new DomainError('invalid', 'round_quarter_mismatch', { field: 'quarter' });
  const dateProblems = checkRoundDates(input);
  if (dateProblems.length) throw new DomainError('invalid', 'round_dates', { problems: dateProblems });
  if (await findRoundForPeriod(deps.db, programme.id, input.fiscalYear, input.quarter)) throw new DomainError('conflict', 'round_period_taken', { field: 'fiscalYear' });
  return deps.db.transaction().execute(async (trx) => {
    // LAO types left open mean every type the framework is for (never types it has no forms for, such as กทม.).
    const frameworkTypes = (version.document as { laoTypes?: string[] }).laoTypes ?? null;
    const laoTypes = programme.respondents === 'lao' ? input.laoTypes ?? frameworkTypes : null;
    const roundId = await insertRound(trx, { ...input, laoTypes, createdBy: actor?.userId ?? null });
    await recordAudit(trx, meta, { action: 'round.create', entityType: 'round', entityId: String(roundId), newValue: { ...input } });
    return { roundId };
  });
}
