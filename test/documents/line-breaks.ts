import assert from 'node:assert/strict';
import type { PdfPage } from './read-back.ts';

// Thai has no spaces between words: a line may only break where ICU's dictionary (as Node has it) finds a word
// boundary, as Chromium does when it lays the document out.

const squeeze = (s: string) => s.replace(/\s+/g, '');

/** Every place a paragraph was broken across lines is a word boundary (ICU's Thai dictionary, as Node has it). */
export function assertBreaksBetweenWords(pages: PdfPage[], paragraph: string): void {
  const lines = pages.flatMap((p) => p.lines.map(squeeze));
  const target = squeeze(paragraph);
  const joined = lines.join('');
  const start = joined.indexOf(target);
  assert.ok(start >= 0, `the paragraph is in the PDF: ${paragraph.slice(0, 40)}…`);
  // word boundaries of the paragraph as written (its spaces are boundaries too), counted without the spaces
  const boundaries = new Set<number>();
  for (const s of new Intl.Segmenter('th', { granularity: 'word' }).segment(paragraph)) boundaries.add(squeeze(paragraph.slice(0, s.index)).length);
  let offset = 0;
  let breaks = 0;
  for (const line of lines) {
    offset += line.length;
    const at = offset - start;
    if (at > 0 && at < target.length) {
      breaks++;
      assert.ok(boundaries.has(at), `line broken inside a word: …${target.slice(Math.max(0, at - 12), at)}|${target.slice(at, at + 12)}…`);
    }
  }
  assert.ok(breaks > 0, 'the paragraph spans lines');
}
