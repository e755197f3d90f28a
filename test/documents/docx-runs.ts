import assert from 'node:assert/strict';
import { unzip } from './read-back.ts';

// Reading a .docx's runs back: every run holding Thai must carry the complex-script font, size and language
// (w:rFonts/@w:cs, w:szCs, w:lang/@w:bidi), or Word shows Thai in a fallback font at the default size.

const thai = /[\u0E00-\u0E7F]/;
export type Run = { text: string; props: string };

export function documentXml(docx: Buffer): string {
  const xml = unzip(docx).get('word/document.xml');
  assert.ok(xml, 'word/document.xml is in the package');
  return xml.toString('utf8');
}

export const attr = (props: string, element: string, name: string) => new RegExp(`<${element}\\b[^>]*\\s${name}="([^"]*)"`).exec(props)?.[1];

export function runs(xml: string): Run[] {
  return [...xml.matchAll(/<w:r>([\s\S]*?)<\/w:r>/g)].map((m) => ({
    text: [...m[1]!.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((t) => t[1]).join(''),
    props: /<w:rPr>([\s\S]*?)<\/w:rPr>/.exec(m[1]!)?.[1] ?? '',
  }));
}

/** Every Thai run: Sarabun in all four slots, w:szCs = w:sz, th-TH as language and complex-script language. */
export function assertThaiRuns(xml: string): Run[] {
  const thaiRuns = runs(xml).filter((r) => thai.test(r.text));
  assert.ok(thaiRuns.length > 0, 'the document has Thai runs');
  for (const r of thaiRuns) {
    for (const a of ['w:ascii', 'w:hAnsi', 'w:eastAsia', 'w:cs']) assert.equal(attr(r.props, 'w:rFonts', a), 'Sarabun', `${a} of "${r.text}"`);
    assert.ok(attr(r.props, 'w:szCs', 'w:val'), `w:szCs on "${r.text}"`);
    assert.equal(attr(r.props, 'w:szCs', 'w:val'), attr(r.props, 'w:sz', 'w:val'), `w:sz = w:szCs on "${r.text}"`);
    assert.equal(attr(r.props, 'w:lang', 'w:bidi'), 'th-TH', `complex-script language of "${r.text}"`);
    assert.equal(attr(r.props, 'w:lang', 'w:val'), 'th-TH', `language of "${r.text}"`);
    if (/<w:b\/>/.test(r.props)) assert.match(r.props, /<w:bCs\/>/, `w:bCs with w:b on "${r.text}"`);
  }
  return thaiRuns;
}

/** The Thai text of the document as its runs hold it, one run a line. */
export const runText = (xml: string) => runs(xml).map((r) => r.text).join('\n');
