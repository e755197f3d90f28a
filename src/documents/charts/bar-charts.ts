import { chartColours, percentText, renderChart, type ChartText } from './render-svg.ts';
import { fitText, textWidth, wrapText } from './text-metrics.ts';

// Horizontal bars of rates (0–100 %): pass rates per indicator, area, LAO type or province; the same bars paired
// with last year's where indicators map between versions. Labels are fitted with Sarabun's metrics, and the full
// label goes into each bar's title and the data table beside the chart.

export type RateBar = {
  label: string;
  /** 0–100, or null when nothing could be counted */
  value: number | null;
  /** what the rate is out of, said in the bar's title ("จาก 1,234 แห่ง") */
  detail?: string;
};

export type BarChartOptions = ChartText & {
  width?: number;
  fontPx?: number;
  /** label lines per bar (indicator titles are long: two lines) */
  labelLines?: 1 | 2;
  /** a vertical reference line, e.g. the national rate */
  reference?: { value: number; label: string } | null;
};

/** A white edge round the figures, so a reference line crossing them does not strike them through. */
const halo = { textBorderColor: '#ffffff', textBorderWidth: 3 };

const valueAxis = (fontPx: number) => ({
  type: 'value' as const, min: 0, max: 100, interval: 20,
  axisLabel: { formatter: '{value}%', fontSize: fontPx - 1, color: chartColours.muted },
  splitLine: { lineStyle: { color: chartColours.grid } },
});

function labelsFor(labels: string[], width: number, fontPx: number, lines: 1 | 2): { text: string[]; labelPx: number } {
  const labelPx = Math.round(width * 0.42);
  const text = labels.map((l) => (lines === 2 ? wrapText(l, labelPx, fontPx, 2).join('\n') : fitText(l, labelPx, fontPx)));
  const widest = Math.max(0, ...text.flatMap((t) => t.split('\n')).map((t) => textWidth(t, fontPx)));
  return { text, labelPx: Math.ceil(Math.min(labelPx, widest)) };
}

/** Rates as horizontal bars, top to bottom in the order given. */
export function rateBarChart(bars: RateBar[], o: BarChartOptions): string {
  const width = o.width ?? 420;
  const fontPx = o.fontPx ?? 14;
  const lines = o.labelLines ?? 1;
  const rowPx = lines === 2 ? 38 : 22;
  const top = o.reference ? 30 : 12;
  const height = top + bars.length * rowPx + 30;
  const { text, labelPx } = labelsFor(bars.map((b) => b.label), width, fontPx, lines);
  const valueLabelPx = textWidth('100%', fontPx) + 8;
  return renderChart({
    grid: { left: labelPx + 10, right: valueLabelPx + 4, top, bottom: 26 },
    xAxis: valueAxis(fontPx),
    yAxis: {
      type: 'category', inverse: true, data: text,
      axisTick: { show: false }, axisLine: { lineStyle: { color: chartColours.muted } },
      axisLabel: { fontSize: fontPx, color: chartColours.text, lineHeight: fontPx + 3, interval: 0 },
    },
    series: [{
      type: 'bar', barMaxWidth: lines === 2 ? 22 : 14, itemStyle: { color: chartColours.bar },
      data: bars.map((b) => b.value ?? 0),
      label: { show: true, position: 'right', fontSize: fontPx - 1, color: chartColours.text, ...halo, formatter: (p: { dataIndex: number }) => percentText(bars[p.dataIndex]!.value) },
      ...(o.reference ? {
        markLine: {
          symbol: 'none', silent: true, lineStyle: { color: chartColours.text, type: 'dashed', width: 1 },
          label: { formatter: o.reference.label, position: 'start', fontSize: fontPx - 2, color: chartColours.text },
          data: [{ xAxis: o.reference.value }],
        },
      } : {}),
    }],
  }, { width, height }, o, (_s, i) => {
    const b = bars[i];
    return b ? `${b.label}: ${percentText(b.value)}${b.detail ? ` (${b.detail})` : ''}` : undefined;
  });
}

export type PairedBar = { label: string; previous: number | null; current: number | null };

/** Last year's rate and this year's, side by side per row. */
export function pairedBarChart(rows: PairedBar[], o: BarChartOptions & { previousName: string; currentName: string }): string {
  const width = o.width ?? 420;
  const fontPx = o.fontPx ?? 14;
  const lines = o.labelLines ?? 1;
  const rowPx = lines === 2 ? 44 : 34;
  const height = 40 + rows.length * rowPx + 30;
  const { text, labelPx } = labelsFor(rows.map((r) => r.label), width, fontPx, lines);
  const valueLabelPx = textWidth('100%', fontPx) + 8;
  const series = (name: string, pick: (r: PairedBar) => number | null, colour: string) => ({
    type: 'bar' as const, name, barMaxWidth: 12, barGap: '10%', itemStyle: { color: colour },
    data: rows.map((r) => pick(r) ?? 0),
    label: { show: true, position: 'right', fontSize: fontPx - 2, color: chartColours.text, ...halo, formatter: (p: { dataIndex: number }) => percentText(pick(rows[p.dataIndex]!)) },
  });
  return renderChart({
    legend: { top: 4, left: labelPx + 10, itemWidth: 14, itemHeight: 10, textStyle: { fontSize: fontPx - 1, color: chartColours.text } },
    grid: { left: labelPx + 10, right: valueLabelPx + 4, top: 36, bottom: 26 },
    xAxis: valueAxis(fontPx),
    yAxis: {
      type: 'category', inverse: true, data: text,
      axisTick: { show: false }, axisLine: { lineStyle: { color: chartColours.muted } },
      axisLabel: { fontSize: fontPx, color: chartColours.text, lineHeight: fontPx + 3, interval: 0 },
    },
    series: [series(o.previousName, (r) => r.previous, chartColours.previous), series(o.currentName, (r) => r.current, chartColours.bar)],
  }, { width, height }, o, (s, i) => {
    const r = rows[i];
    if (!r) return undefined;
    return `${r.label} — ${s === 0 ? o.previousName : o.currentName}: ${percentText(s === 0 ? r.previous : r.current)}`;
  });
}
