import type { Deps } from '../../deps.ts';
import type { Db } from '../../db/pool.ts';
import { listChaseTargets } from '../../db/queries/chase-list.ts';
import { findExtensionRoundId, listTemplates } from '../../db/queries/reminders.ts';
import { findRound, listExtensions } from '../../db/queries/rounds.ts';
import { findOrgUnitById } from '../../db/queries/org-units.ts';
import { extensionMark } from '../../domain/reminders/schedule.ts';
import { addJob } from '../../jobs/queue.ts';
import { chaseQuery } from './chase-query.ts';
import { remindRespondents } from './schedule-reminders.ts';
import { usableChannels } from './create-send.ts';

// When an extension is granted, the respondents it covers that still hold their data get the "extension granted"
// reminder with their new deadline, by e-mail (and LINE where configured). In the product they were already told,
// in the grant's own transaction (rounds/extension-facts.ts), so that channel is not used twice. The job is queued
// in the grant's transaction; a mark per respondent and extension makes it safe to run again.

export const remindExtensionJob = 'remind-extension';

export async function queueExtensionReminder(db: Db, extensionId: number): Promise<void> {
  await addJob(db, remindExtensionJob, { v: 1, extensionId }, { jobKey: `${remindExtensionJob}:${extensionId}` });
}

export async function remindExtension(deps: Deps, extensionId: number): Promise<number> {
  const roundId = await findExtensionRoundId(deps.db, extensionId);
  if (roundId === undefined) return 0;
  const [extension] = await listExtensions(deps.db, roundId, { id: extensionId });
  const round = await findRound(deps.db, roundId);
  if (!extension || extension.status !== 'granted' || !round || round.state !== 'open') return 0;
  const template = (await listTemplates(deps.db)).find((t) => t.code === 'extension_granted');
  const channels = usableChannels(deps, ['email', 'line']);
  if (!template || channels.length === 0) return 0;
  const unit = extension.orgUnitId ? await findOrgUnitById(deps.db, extension.orgUnitId) : undefined;
  const scope = extension.scope === 'all' ? {} : extension.scope === 'province' ? { provinceCode: unit?.provinceCode ?? '-' } : {};
  const query = await chaseQuery(deps, null, round, scope, extension.scope === 'respondent' ? { unitIds: [extension.orgUnitId ?? -1] } : {});
  const mark = extensionMark(extension.id);
  const targets = (await listChaseTargets(deps.db, query)).map((target) => ({ target, mark }));
  if (targets.length === 0) return 0;
  return remindRespondents(deps, round, 'extension', template, targets, channels);
}
