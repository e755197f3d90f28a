import { z } from 'zod';

// The ranking page's query: which copy to download. A value that is not one of the choices (an old link, a typed
// URL) shows the page, as the picture's filter does, rather than an error.
const query = z.object({
  format: z.enum(['html', 'pdf', 'docx']).catch('html').default('html'),
  digits: z.enum(['arabic', 'thai']).catch('arabic').default('arabic'),
});

export type RankingQuery = z.infer<typeof query>;

export function parseRankingQuery(raw: Record<string, string>): RankingQuery {
  return query.parse({ format: raw.format || 'html', digits: raw.digits || 'arabic' });
}
