import type { Db } from '../../db/pool.ts';
import { replaceResults } from '../../db/queries/results.ts';
import type { FrameworkDocument } from '../../domain/framework/framework-schema.ts';
import type { Audience } from '../../domain/framework/framework-view.ts';
import { scoreSubmission } from '../../domain/results/score-indicator.ts';
import type { Answers } from '../../domain/submission/check-section.ts';

// Results follow the answers with no batch delay: every save rewrites its submission's results in its own
// transaction; seeding and imports do the same in bulk.

export async function refreshResults(db: Db, items: { submissionId: number; frameworkVersionId: number; doc: FrameworkDocument; audience: Audience; answers: Answers }[], at: Date, opts: { fresh?: boolean } = {}): Promise<void> {
  await replaceResults(db, items.map((i) => ({ submissionId: i.submissionId, frameworkVersionId: i.frameworkVersionId, results: scoreSubmission(i.doc, i.audience, i.answers).results })), at, opts);
}
