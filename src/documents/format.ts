import { formatThaiDate, toThaiDigits } from '../domain/dates/thai-date.ts';
import { imageInfo } from './image-size.ts';
import type { Emblem } from './view-models.ts';

// What every renderer writes the same way: figures, dates, the Thai-digits option, the official sizes.

/** Addresses keep their Arabic digits even in a Thai-digits document: "kalasinlocal๒๐๒๒@gmail.com" reaches no one. */
const keepAsIs = /(?:https?:\/\/|www\.)\S+|[\w.+-]+@[\w-]+(?:\.[\w-]+)+/g;

export type Formatter = {
  /** Free text with its digits turned Thai when asked (URLs and e-mail addresses left alone). */
  text(s: string): string;
  /** A figure: thousands separated, at most `decimals` places (trailing zeros dropped); '-' when absent. */
  num(n: number | null | undefined, decimals?: number): string;
  /** 25 สิงหาคม 2568 (พ.ศ.). */
  date(d: Date): string;
};

// toLocaleString builds a number format on every call (~0.1 ms): a report of thousands of cells keeps one per scale.
const numberFormats = new Map<number, Intl.NumberFormat>();
function figures(decimals: number): Intl.NumberFormat {
  let f = numberFormats.get(decimals);
  if (!f) numberFormats.set(decimals, (f = new Intl.NumberFormat('en-US', { maximumFractionDigits: decimals })));
  return f;
}

export function formatter(thaiDigits: boolean): Formatter {
  const digits = (s: string) => (thaiDigits ? toThaiDigits(s) : s);
  return {
    text(s) {
      if (!thaiDigits) return s;
      let out = '';
      let last = 0;
      for (const m of s.matchAll(keepAsIs)) {
        out += toThaiDigits(s.slice(last, m.index)) + m[0];
        last = m.index + m[0].length;
      }
      return out + toThaiDigits(s.slice(last));
    },
    num(n, decimals = 2) {
      if (n === null || n === undefined || !Number.isFinite(n)) return '-';
      return digits(figures(decimals).format(n));
    },
    date(d) {
      return formatThaiDate(d, { thaiDigits });
    },
  };
}

/** The sizes of the regulation's forms, in points and centimetres. */
export const official = {
  font: 'Sarabun',
  bodyPt: 16,
  memoTitlePt: 29,
  memoLabelPt: 20,
  tablePt: 14,
  margin: { topCm: 1.5, bottomCm: 2, leftCm: 3, rightCm: 2 },
  memoEmblemCm: 1.5,
  letterEmblemCm: 3,
  /** Garuda above the title of a report form */
  reportEmblemCm: 1.5,
  /** the first line of a paragraph starts 2.5 cm in */
  indentCm: 2.5,
  /** a letter's address block starts this far from the left margin */
  letterColumnCm: 7.5,
  /** the date starts at the middle of the page */
  letterDateCm: 7.2,
  /** the signature block (closing, name, position) starts here and is centred in the rest of the line */
  signatureCm: 6.5,
  /** a reporter's signature under a report form: this wide, against the right margin */
  reporterCm: 11,
  a4: { widthCm: 21, heightCm: 29.7 },
} as const;

export const cmToTwip = (cm: number): number => Math.round((cm / 2.54) * 1440);

/** Width and height in pixels from a PNG's IHDR chunk (the emblem keeps its proportions at the official height). */
export function pngSize(png: Buffer): { width: number; height: number } {
  const info = imageInfo(png);
  if (!info || info.type !== 'png') throw new Error('the emblem is not a PNG image');
  return { width: info.width, height: info.height };
}

export type EmblemImage = { bytes: Buffer; type: 'png' | 'jpeg'; mime: 'image/png' | 'image/jpeg'; width: number; height: number };

/** The emblem's bytes, type and pixel size (PNG or JPEG), or null when there is none. */
export function emblemImage(emblem: Emblem | undefined): EmblemImage | null {
  if (!emblem) return null;
  const bytes = 'png' in emblem ? emblem.png : emblem.jpeg;
  const info = imageInfo(bytes);
  if (!info) throw new Error('the emblem is neither a PNG nor a JPEG image');
  return { bytes, type: info.type, mime: info.type === 'png' ? 'image/png' : 'image/jpeg', width: info.width, height: info.height };
}

/** Width in cm of an emblem (PNG or JPEG bytes) drawn `heightCm` high (a square place when there is no emblem). */
export function emblemWidthCm(image: Buffer | undefined, heightCm: number): number {
  if (!image) return heightCm;
  const info = imageInfo(image);
  if (!info) throw new Error('the emblem is neither a PNG nor a JPEG image');
  return (heightCm * info.width) / info.height;
}
