import { committeeOrderDocx } from './docx/committee-order.ts';
import { committeeOrderHtml } from './html/committee-order.tsx';
import type { CommitteeOrderDoc } from './committee-order-model.ts';
import { htmlToPdf } from './pdf.ts';

// The committee's appointment order rendered: HTML (the page and the print), PDF (that HTML printed), DOCX.

export type { CommitteeOrderDoc } from './committee-order-model.ts';
export const renderCommitteeOrderHtml = committeeOrderHtml;
export const renderCommitteeOrderPdf = async (doc: CommitteeOrderDoc): Promise<Buffer> => htmlToPdf(await committeeOrderHtml(doc));
export const renderCommitteeOrderDocx = committeeOrderDocx;
