import { z } from 'zod';
import { remindExtension, remindExtensionJob } from '../services/reminders/remind-extension.ts';
import { defineJob } from './define-job.ts';

// After an extension is granted: the "extension granted" reminder to the respondents it covers.
export const remindExtensionJobDefinition = defineJob(remindExtensionJob, 1, z.object({ v: z.number().int(), extensionId: z.number().int().positive() }), async (deps, payload) => {
  await remindExtension(deps, payload.extensionId);
});
