import * as echarts from 'echarts/core';
import { BarChart, MapChart } from 'echarts/charts';
import { GraphicComponent, GridComponent, LegendComponent, MarkLineComponent, VisualMapPiecewiseComponent } from 'echarts/components';
import { SVGRenderer } from 'echarts/renderers';
import { measureText } from './text-metrics.ts';

// Every chart is an SVG drawn on the server by ECharts and sent inside the page (or the printed report), so it
// needs no script, no extra request and the page's own Sarabun. Pages are served with a strict CSP (no inline
// styles), so what ECharts writes as style="…" becomes presentation attributes, its hover <style> and bookkeeping
// attributes go, and each chart says what it shows (<title>, <desc>, role="img"); each bar or province carries its
// own <title> (a tooltip without script).

echarts.use([BarChart, MapChart, GridComponent, LegendComponent, MarkLineComponent, VisualMapPiecewiseComponent, GraphicComponent, SVGRenderer]);
echarts.setPlatformAPI({ measureText });

export { echarts };

export const chartFont = 'Sarabun';
export const chartColours = {
  text: '#0b0c0c',
  muted: '#505a5f',
  grid: '#d8dadc',
  bar: '#1d70b8',
  previous: '#8a9196',
} as const;

export type ChartText = {
  /** An id unique in the page, for aria-labelledby. */
  id: string;
  title: string;
  desc: string;
};

/** A title per drawn item (series index, data index), or undefined for none. */
export type ItemTitles = (seriesIndex: number, dataIndex: number) => string | undefined;

const escapeXml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** style="a:b;c:d" → a="b" c="d" (every property zrender writes has an SVG presentation attribute of that name). */
function styleToAttributes(style: string): string {
  return style
    .split(';')
    .map((d) => d.trim())
    .filter(Boolean)
    .map((d) => {
      const i = d.indexOf(':');
      const name = d.slice(0, i).trim();
      const value = d.slice(i + 1).trim().replace(/"/g, "'");
      return `${name}="${value}"`;
    })
    .join(' ');
}

/** The SVG ECharts wrote, made fit for a page with a strict CSP and for screen readers. */
export function cleanSvg(raw: string, size: { width: number; height: number }, text: ChartText, titles?: ItemTitles): string {
  let svg = raw
    .replace(/<style[^>]*>[\s\S]*?<\/style>/g, '')
    .replace(/ style="([^"]*)"/g, (_, s: string) => ` ${styleToAttributes(s)}`)
    .replace(/ class="zr\d+-cls-\d+"/g, '')
    .replace(/ pointer-events="visible"/g, '')
    .replace(/<rect width="\d+" height="\d+" x="0" y="0" fill="none"><\/rect>\n?/, '')
    // text boxes ECharts leaves empty: drawn as nothing
    .replace(/<path d="[^"]*"(?: transform="[^"]*")? fill="none"><\/path>\n?/g, '');
  // Items get their titles from their data index, before the bookkeeping attributes are dropped.
  svg = svg.replace(/<(path|rect)([^>]*?) ecmeta_series_index="(\d+)" ecmeta_data_index="(\d+)"([^>]*)><\/\1>/g, (_, tag: string, before: string, s: string, d: string, after: string) => {
    const title = titles?.(Number(s), Number(d));
    const attrs = (before + after).replace(/ ecmeta_[a-z_]+="[^"]*"/g, '');
    return title ? `<${tag}${attrs}><title>${escapeXml(title)}</title></${tag}>` : `<${tag}${attrs}></${tag}>`;
  });
  svg = svg.replace(/ ecmeta_[a-z_]+="[^"]*"/g, '');
  const open = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${size.width} ${size.height}" width="${size.width}" height="${size.height}" ` +
    `role="img" aria-labelledby="${text.id}-title ${text.id}-desc" font-family="${chartFont}, sans-serif" class="chart">` +
    `<title id="${text.id}-title">${escapeXml(text.title)}</title><desc id="${text.id}-desc">${escapeXml(text.desc)}</desc>`;
  return svg.replace(/^<svg[^>]*>/, open).replace(/>\s*\n\s*</g, '><').trim();
}

/** Renders an ECharts option to a clean SVG of the given size. */
export function renderChart(option: echarts.EChartsCoreOption, size: { width: number; height: number }, text: ChartText, titles?: ItemTitles): string {
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width: size.width, height: size.height });
  try {
    chart.setOption({ animation: false, textStyle: { fontFamily: chartFont, color: chartColours.text }, ...option });
    return cleanSvg(chart.renderToSVGString(), size, text, titles);
  } finally {
    chart.dispose();
  }
}

// One formatter each, made once: toLocaleString makes a new one on every call, which a page of a thousand figures
// pays for in tens of milliseconds.
const counts = new Intl.NumberFormat('th-TH');
const rates = new Intl.NumberFormat('th-TH', { maximumFractionDigits: 1 });

/** 7850 → "7,850". */
export const countText = (n: number): string => counts.format(n);

/** 85.5 → "85.5%" (one decimal at most; Arabic digits as Thai reports print them). */
export function percentText(value: number | null): string {
  return value === null ? 'ไม่มีข้อมูล' : `${rates.format(value)}%`;
}
