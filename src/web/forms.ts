import type { Context } from 'hono';
import type { ZodError } from 'zod';
import type { FieldErrors } from './components/forms.tsx';
import { th, type MessageKey } from './messages/th.ts';

/** The posted form as plain strings (files and repeated keys reduced to their first string value). */
export async function formBody(c: Context): Promise<Record<string, string>> {
  const type = c.req.header('content-type') ?? '';
  if (!type.startsWith('application/x-www-form-urlencoded') && !type.startsWith('multipart/form-data')) return {};
  const body = await c.req.parseBody({ all: true }).catch(() => ({}) as Record<string, unknown>);
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(body)) {
    const first = Array.isArray(v) ? v.find((x) => typeof x === 'string') : v;
    if (typeof first === 'string') out[k] = first;
  }
  return out;
}

/** Zod issues → one Thai message per field; a schema's message is a message key (or Thai text itself). */
export function fieldErrors(error: ZodError): FieldErrors {
  const out: FieldErrors = {};
  for (const issue of error.issues) {
    const field = String(issue.path[0] ?? 'form');
    if (out[field]) continue;
    out[field] = issue.message in th ? th[issue.message as MessageKey] : issue.message;
  }
  return out;
}
