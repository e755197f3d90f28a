import { formatThaiDate, toThaiDigits } from '../domain/dates/thai-date.ts';

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
      return digits(n.toLocaleString('en-US', { maximumFractionDigits: decimals }));
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
  /** the first line of a paragraph starts 2.5 cm in */
  indentCm: 2.5,
  /** a letter's address block starts this far from the left margin */
  letterColumnCm: 7.5,
  /** the date starts at the middle of the page */
  letterDateCm: 7.2,
  /** the signature block (closing, name, position) starts here and is centred in the rest of the line */
  signatureCm: 6.5,
  a4: { widthCm: 21, heightCm: 29.7 },
} as const;

export const cmToTwip = (cm: number): number => Math.round((cm / 2.54) * 1440);

/** Width and height in pixels from a PNG's IHDR chunk (the emblem keeps its proportions at the official height). */
export function pngSize(png: Buffer): { width: number; height: number } {
  const signature = '89504e470d0a1a0a';
  if (png.length < 24 || png.subarray(0, 8).toString('hex') !== signature || png.subarray(12, 16).toString('latin1') !== 'IHDR') {
    throw new Error('the emblem is not a PNG image');
  }
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
}

/** Width in cm of an emblem drawn `heightCm` high (a square place when there is no emblem). */
export function emblemWidthCm(png: Buffer | undefined, heightCm: number): number {
  if (!png) return heightCm;
  const { width, height } = pngSize(png);
  return (heightCm * width) / height;
}
