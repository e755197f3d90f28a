import { chartColours, countText, renderChart, type ChartText } from './render-svg.ts';
import { textWidth } from './text-metrics.ts';

// A distribution as columns: how many respondents fall in each band (e.g. the share of their indicators met,
// 0–9 %, 10–19 %, …, 90–100 %).

export type HistogramBin = { label: string; count: number };

export function histogramChart(bins: HistogramBin[], o: ChartText & { width?: number; fontPx?: number; xName: string; yName: string }): string {
  const width = o.width ?? 420;
  const fontPx = o.fontPx ?? 14;
  const height = 280;
  const max = Math.max(1, ...bins.map((b) => b.count));
  const left = Math.ceil(textWidth(countText(max), fontPx - 1)) + 14;
  return renderChart({
    grid: { left, right: 10, top: 40, bottom: 62 },
    xAxis: {
      type: 'category', data: bins.map((b) => b.label), name: o.xName, nameLocation: 'middle', nameGap: 40,
      nameTextStyle: { fontSize: fontPx - 1, color: chartColours.text },
      axisTick: { show: false }, axisLine: { lineStyle: { color: chartColours.muted } },
      axisLabel: { fontSize: fontPx - 2, color: chartColours.muted, interval: 0, rotate: bins.length > 6 ? 35 : 0 },
    },
    yAxis: {
      type: 'value', minInterval: 1, name: o.yName, nameLocation: 'end', nameGap: 14,
      nameTextStyle: { fontSize: fontPx - 1, color: chartColours.text, align: 'left' },
      axisLabel: { fontSize: fontPx - 2, color: chartColours.muted, formatter: (v: number) => countText(v) },
      splitLine: { lineStyle: { color: chartColours.grid } },
    },
    series: [{
      type: 'bar', barCategoryGap: '12%', itemStyle: { color: chartColours.bar }, data: bins.map((b) => b.count),
      label: { show: true, position: 'top', fontSize: fontPx - 3, color: chartColours.text, formatter: (p: { value: number }) => (p.value ? countText(p.value) : '') },
    }],
  }, { width, height }, o, (_s, i) => {
    const b = bins[i];
    return b ? `${b.label}: ${countText(b.count)} ${o.yName}` : undefined;
  });
}
