import { z } from 'zod';
import { laoTypes } from '../../../domain/org/lao-type.ts';
import type { PictureQuery } from './view.tsx';

// The picture's filter, from the query string. A value that is not one of the choices (an old link, a typed URL)
// means "no filter" rather than an error page: the page shows what it can and the form shows what was applied.
const query = z.object({
  type: z.enum(laoTypes).nullable().catch(null).default(null),
  province: z.string().regex(/^\d{2}$/).nullable().catch(null).default(null),
  measure: z.enum(['completion', 'pass']).catch('completion').default('completion'),
});

export function parsePictureQuery(raw: Record<string, string>): PictureQuery {
  return query.parse({ type: raw.type || null, province: raw.province || null, measure: raw.measure || 'completion' });
}
