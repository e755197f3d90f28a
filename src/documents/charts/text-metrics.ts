import { createRequire } from 'node:module';
import path from 'node:path';
import * as fontkit from 'fontkit';

// Text measured the way the browser and Chromium's PDF will draw it: with Sarabun's own glyph advances (fontkit
// shapes the run, so Thai marks that sit above or below a consonant add no width). ECharts asks through
// setPlatformAPI({ measureText }) to place axis labels; labels are cut and wrapped here, at word boundaries from
// ICU's Thai dictionary, never between a consonant and its marks.

const require = createRequire(import.meta.url);
const fontDir = path.dirname(require.resolve('@expo-google-fonts/sarabun/package.json'));
const files = { 400: '400Regular/Sarabun_400Regular.ttf', 700: '700Bold/Sarabun_700Bold.ttf' } as const;

const fonts = new Map<number, fontkit.Font>();
function font(weight: 400 | 700): fontkit.Font {
  let f = fonts.get(weight);
  if (!f) fonts.set(weight, (f = fontkit.openSync(path.join(fontDir, files[weight])) as fontkit.Font));
  return f;
}

// Labels repeat (axis ticks, province names): widths are kept per weight, for a unit font size.
const widths = new Map<string, number>();
const maxCached = 20_000;

/** Width in pixels of `text` in Sarabun at `sizePx`. */
export function textWidth(text: string, sizePx: number, weight: 400 | 700 = 400): number {
  const key = `${weight}\u0000${text}`;
  let unit = widths.get(key);
  if (unit === undefined) {
    const f = font(weight);
    unit = f.layout(text).advanceWidth / f.unitsPerEm;
    if (widths.size >= maxCached) widths.clear();
    widths.set(key, unit);
  }
  return unit * sizePx;
}

/** The size and weight in a CSS font shorthand as zrender writes it ("bold 12px Sarabun"). */
export function parseFont(css: string | undefined): { sizePx: number; weight: 400 | 700 } {
  const size = /(\d+(?:\.\d+)?)px/.exec(css ?? '');
  const bold = /\b(bold|bolder|[6-9]00)\b/.test(css ?? '');
  return { sizePx: size ? Number(size[1]) : 12, weight: bold ? 700 : 400 };
}

/** measureText for echarts.setPlatformAPI. */
export function measureText(text: string, css?: string): { width: number } {
  const { sizePx, weight } = parseFont(css);
  return { width: textWidth(text ?? '', sizePx, weight) };
}

const words = new Intl.Segmenter('th', { granularity: 'word' });
const graphemes = new Intl.Segmenter('th', { granularity: 'grapheme' });

/** The text cut to fit `maxPx`, at a word boundary where one is near, ending in "…". */
export function fitText(text: string, maxPx: number, sizePx: number, weight: 400 | 700 = 400): string {
  if (textWidth(text, sizePx, weight) <= maxPx) return text;
  const ellipsis = '…';
  const room = maxPx - textWidth(ellipsis, sizePx, weight);
  let out = '';
  for (const { segment } of words.segment(text)) {
    if (textWidth(out + segment, sizePx, weight) > room) {
      // A long first word is cut between grapheme clusters, so no mark is left without its consonant.
      if (!out.trim()) for (const g of graphemes.segment(segment)) {
        if (textWidth(out + g.segment, sizePx, weight) > room) break;
        out += g.segment;
      }
      break;
    }
    out += segment;
  }
  return out.trimEnd() + ellipsis;
}

/** The text broken into at most `maxLines` lines of `maxPx`, at word boundaries (the last line cut with "…"). */
export function wrapText(text: string, maxPx: number, sizePx: number, maxLines: number, weight: 400 | 700 = 400): string[] {
  const segments = [...words.segment(text)].map((s) => s.segment);
  const lines: string[] = [];
  let line = '';
  for (let i = 0; i < segments.length; i++) {
    const next = line + segments[i]!;
    if (!line.trim() || textWidth(next.trimEnd(), sizePx, weight) <= maxPx) {
      line = next;
      continue;
    }
    if (lines.length === maxLines - 1) return [...lines, fitText((line + segments.slice(i).join('')).trim(), maxPx, sizePx, weight)];
    lines.push(fitText(line.trim(), maxPx, sizePx, weight));
    line = segments[i]!;
  }
  if (line.trim()) lines.push(fitText(line.trim(), maxPx, sizePx, weight));
  return lines;
}
