import { monitoringSummaryDocx } from './docx/monitoring-summary.ts';
import { monitoringSummaryHtml } from './html/monitoring-summary.tsx';
import type { MonitoringSummaryDoc } from './monitoring-summary-model.ts';
import { htmlToPdf } from './pdf.ts';

// DLA's national summary of a quarter rendered: HTML, PDF (that HTML printed), DOCX.

export type { MonitoringSummaryDoc } from './monitoring-summary-model.ts';
export const renderMonitoringSummaryHtml = monitoringSummaryHtml;
export const renderMonitoringSummaryPdf = async (doc: MonitoringSummaryDoc): Promise<Buffer> => htmlToPdf(await monitoringSummaryHtml(doc));
export const renderMonitoringSummaryDocx = monitoringSummaryDocx;
