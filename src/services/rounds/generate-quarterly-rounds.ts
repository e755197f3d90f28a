import type { Deps, RequestMeta } from '../../deps.ts';
import { findLatestVersion, findProgrammeById } from '../../db/queries/frameworks.ts';
import { findRoundForPeriod } from '../../db/queries/rounds.ts';
import type { Actor } from '../../domain/access/actor.ts';
import { DomainError } from '../../domain/errors.ts';
import { firstReportedQuarter, quarterLabel, quarterlyRoundDates, type Quarter } from '../../domain/rounds/fiscal-quarter.ts';
import { createRound } from './create-round.ts';

// Use case: the rounds of a quarterly programme for one fiscal year, made by rule (from Q2 unless asked otherwise,
// due on the 25th of the month after each quarter), as drafts with the programme's latest framework version.
// Quarters that already have a round are left as they are.

export async function generateQuarterlyRounds(
  deps: Pick<Deps, 'db'>,
  actor: Actor | null,
  input: { programmeId: number; fiscalYear: number; fromQuarter?: Quarter; excludedProvinceCodes?: string[]; demo?: boolean },
  meta: RequestMeta,
): Promise<{ created: number[]; skipped: number[] }> {
  const programme = await findProgrammeById(deps.db, input.programmeId);
  if (!programme) throw new DomainError('not_found', 'programme_not_found');
  if (programme.frequency !== 'quarterly') throw new DomainError('invalid', 'programme_not_quarterly');
  const version = await findLatestVersion(deps.db, programme.id);
  if (!version) throw new DomainError('invalid', 'framework_not_found');
  const created: number[] = [];
  const skipped: number[] = [];
  for (let q = input.fromQuarter ?? firstReportedQuarter; q <= 4; q++) {
    const quarter = q as Quarter;
    if (await findRoundForPeriod(deps.db, programme.id, input.fiscalYear, quarter)) {
      skipped.push(quarter);
      continue;
    }
    const { roundId } = await createRound(deps, actor, {
      programmeId: programme.id, frameworkVersionId: version.id, title: `${programme.title} ${quarterLabel(quarter)}/${input.fiscalYear}`,
      fiscalYear: input.fiscalYear, quarter, ...quarterlyRoundDates(input.fiscalYear, quarter), laoTypes: null, provinceCodes: null,
      excludedProvinceCodes: input.excludedProvinceCodes ?? [], demo: input.demo,
    }, meta);
    created.push(roundId);
  }
  return { created, skipped };
}
