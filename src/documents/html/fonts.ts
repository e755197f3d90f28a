import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

// Sarabun (the OFL release of TH Sarabun New) for the printed documents, from @fontsource/sarabun: the Thai and
// Latin subsets in regular and bold, each embedded as a data: URL so that Chromium needs no file or network access
// and the PDF embeds the very font the DOCX names.

const require = createRequire(import.meta.url);
const dir = path.dirname(require.resolve('@fontsource/sarabun/package.json'));
const subsets = ['thai', 'latin', 'latin-ext'];
const weights = [400, 700];

let cached: string | undefined;

export function sarabunFontFaces(): string {
  if (cached) return cached;
  const faces: string[] = [];
  for (const weight of weights) {
    const css = readFileSync(path.join(dir, `${weight}.css`), 'utf8');
    for (const subset of subsets) {
      const block = new RegExp(`/\\* sarabun-${subset}-${weight}-normal \\*/\\s*@font-face\\s*{([^}]*)}`).exec(css);
      const range = block && /unicode-range:\s*([^;]+);/.exec(block[1]!);
      if (!range) throw new Error(`@fontsource/sarabun: no ${subset} ${weight} face`);
      const woff2 = readFileSync(path.join(dir, 'files', `sarabun-${subset}-${weight}-normal.woff2`)).toString('base64');
      faces.push(
        `@font-face{font-family:'Sarabun';font-style:normal;font-weight:${weight};font-display:block;` +
          `src:url(data:font/woff2;base64,${woff2}) format('woff2');unicode-range:${range[1]};}`,
      );
    }
  }
  cached = faces.join('\n');
  return cached;
}
