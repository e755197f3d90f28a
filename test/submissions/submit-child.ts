import { loadConfig } from '../../src/config.ts';
import { createDeps } from '../../src/deps.ts';
import { createPool } from '../../src/db/pool.ts';
import { FixedClock } from '../../src/clock.ts';
import { createLogger } from '../../src/logger.ts';
import { MemoryMailer } from '../../src/mail/mailer.ts';
import { loadActor } from '../../src/services/access/load-actor.ts';
import { submitSubmission } from '../../src/services/submissions/submit-submission.ts';

// A separate process that submits once, with FAILPOINTS from its environment: the parent test kills it (kill -9)
// at a failpoint and then looks at what the database kept.
const env = process.env;
const pool = createPool(env.CHILD_DATABASE_URL!, 2);
const config = loadConfig({ NODE_ENV: 'test', PUBLIC_URL: 'http://localhost:3000', DATA_DIR: '/tmp/matrathan-test-data', FAILPOINTS: env.CHILD_FAILPOINTS ?? '' });
const deps = createDeps({ config, pool, clock: new FixedClock(new Date(env.CHILD_NOW!)), logger: createLogger('silent'), mailer: new MemoryMailer(), authSecret: 'test-secret-0123456789-abcdefghijklmnopqrstuvwxyz' });
const actor = (await loadActor(deps.db, env.CHILD_USER_ID!))!;
const result = await submitSubmission(deps, actor, { roundId: Number(env.CHILD_ROUND_ID), orgUnitCode: env.CHILD_ORG_UNIT_CODE!, idempotencyKey: env.CHILD_KEY }, { actorUserId: actor.userId, ip: null, requestId: 'child' });
process.stdout.write(JSON.stringify(result));
await pool.end();
process.exit(0);
