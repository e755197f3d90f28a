import type { JobHelpers } from 'graphile-worker';
import type { z } from 'zod';
import type { Deps } from '../deps.ts';

// A job definition: a name, the payload version it understands, the payload's shape, and a handler that must be
// safe to run twice (a worker killed mid-job runs it again after the lock expires).

export type JobDefinition = {
  name: string;
  run(deps: Deps, payload: unknown, helpers: JobHelpers): Promise<void>;
};

export function defineJob<S extends z.ZodType<{ v: number }>>(name: string, version: number, schema: S, handler: (deps: Deps, payload: z.infer<S>, helpers: JobHelpers) => Promise<void>): JobDefinition {
  return {
    name,
    async run(deps, raw, helpers) {
      const parsed = schema.safeParse(raw);
      if (!parsed.success) throw new Error(`job ${name}: payload is not version ${version} (${parsed.error.issues.map((i) => i.path.join('.') + ' ' + i.message).join('; ')})`);
      if (parsed.data.v !== version) throw new Error(`job ${name}: payload version ${parsed.data.v}, this release runs version ${version}`);
      await handler(deps, parsed.data, helpers);
    },
  };
}
