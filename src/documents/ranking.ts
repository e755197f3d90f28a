// The ranking report (seed 004) as HTML, PDF (that HTML printed by Chromium) and DOCX, from one view-model.
import { rankingDocx } from './docx/ranking.ts';
import { rankingHtml } from './html/ranking.tsx';
import { htmlToPdf } from './pdf.ts';
import type { RankingDoc } from './ranking-model.ts';

export type { RankingDoc } from './ranking-model.ts';

export const renderRankingHtml = rankingHtml;
export const renderRankingPdf = async (doc: RankingDoc): Promise<Buffer> => htmlToPdf(await rankingHtml(doc));
export const renderRankingDocx = rankingDocx;
