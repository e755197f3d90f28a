// The official documents: one view-model per document, rendered as HTML (for the page and for printing), PDF
// (that HTML printed by Chromium) and DOCX. Pages and jobs call these; nothing here reads the database.
import { letterDocx } from './docx/letter.ts';
import { memoDocx } from './docx/memo.ts';
import { outstandingOfficeDocx } from './docx/outstanding.ts';
import { quarterlyReportDocx } from './docx/quarterly.ts';
import { resultsTableDocx } from './docx/reports.ts';
import { letterHtml } from './html/letter.tsx';
import { memoHtml } from './html/memo.tsx';
import { outstandingOfficeHtml } from './html/outstanding.tsx';
import { quarterlyReportHtml } from './html/quarterly.tsx';
import { resultsTableHtml } from './html/reports.tsx';
import { htmlToPdf } from './pdf.ts';
import type { LetterDoc, MemoDoc, OutstandingOfficeDoc, QuarterlyReportDoc, ResultsTableDoc } from './view-models.ts';

export type * from './view-models.ts';
export { resultsTableColumns } from './view-models.ts';
export { closeDocumentBrowser, configureDocumentBrowser, type DocumentBrowserOptions } from './pdf.ts';

export const docxContentType = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
export const pdfContentType = 'application/pdf';

export const renderMemoHtml = memoHtml;
export const renderMemoPdf = async (doc: MemoDoc): Promise<Buffer> => htmlToPdf(await memoHtml(doc));
export const renderMemoDocx = memoDocx;

export const renderLetterHtml = letterHtml;
export const renderLetterPdf = async (doc: LetterDoc): Promise<Buffer> => htmlToPdf(await letterHtml(doc));
export const renderLetterDocx = letterDocx;

export const renderResultsTableHtml = resultsTableHtml;
export const renderResultsTablePdf = async (doc: ResultsTableDoc): Promise<Buffer> => htmlToPdf(await resultsTableHtml(doc));
export const renderResultsTableDocx = resultsTableDocx;

export const renderQuarterlyReportHtml = quarterlyReportHtml;
export const renderQuarterlyReportPdf = async (doc: QuarterlyReportDoc): Promise<Buffer> => htmlToPdf(await quarterlyReportHtml(doc));
export const renderQuarterlyReportDocx = quarterlyReportDocx;

export const renderOutstandingOfficeHtml = outstandingOfficeHtml;
export const renderOutstandingOfficePdf = async (doc: OutstandingOfficeDoc): Promise<Buffer> => htmlToPdf(await outstandingOfficeHtml(doc));
export const renderOutstandingOfficeDocx = outstandingOfficeDocx;
