import { z } from 'zod';
import { reportStatusLabels, type ReportStatus } from '../../../domain/monitoring/report-status.ts';

// What the monitoring pages accept: a comment, and the filter of DLA's list of a quarter's reports.

export const commentSchema = z.object({
  itemCode: z.string().trim().max(40, 'มาตรฐานไม่ถูกต้อง').default(''),
  body: z.string().max(20_000, 'ความเห็นยาวเกินไป').default(''),
});

const statuses = Object.keys(reportStatusLabels) as ReportStatus[];
export const quarterQuery = z.object({ status: z.enum(statuses).optional().catch(undefined) });
