import fs from 'node:fs';
import path from 'node:path';
import { chartColours, echarts, percentText, renderChart, type ChartText } from './render-svg.ts';

// The province map: the 77 province boundaries (reference-data/thailand/provinces.geojson, already simplified to
// ~1,500 points; drawn at one decimal of a pixel the map is ~30 KB of SVG, 8 KB compressed), each province filled
// by its rate in five bands, white where there is nothing to show. Registered with ECharts once per process.
// Whoever shows the map shows `mapCredit` under it (the boundaries' licence asks for it).

const geojsonPath = path.resolve(import.meta.dirname, '../../../reference-data/thailand/provinces.geojson');

export const mapCredit = 'ขอบเขตจังหวัด: Royal Thai Survey Department / OCHA (HDX, COD-AB 2019) ผ่าน piyayut-ch/mapthai (MIT)';

type Feature = { type: 'Feature'; geometry: unknown; properties: { ADM1_PCODE: string; ADM1_TH: string } };
let registered: { codes: string[]; names: Map<string, string> } | undefined;

/** The provinces on the map (DOPA codes, in the file's order) and their Thai names; registers the map once. */
export function mapProvinces(): { codes: string[]; names: Map<string, string> } {
  if (registered) return registered;
  const geo = JSON.parse(fs.readFileSync(geojsonPath, 'utf8')) as { features: Feature[] };
  // Only the code and the name travel into ECharts: the file's other properties are of no use to it.
  const features = geo.features.map((f) => ({ type: 'Feature', geometry: f.geometry, properties: { code: f.properties.ADM1_PCODE.replace(/^TH/, '') } }));
  echarts.registerMap('thailand-provinces', { type: 'FeatureCollection', features } as unknown as Parameters<typeof echarts.registerMap>[1]);
  registered = { codes: features.map((f) => f.properties.code), names: new Map(geo.features.map((f) => [f.properties.ADM1_PCODE.replace(/^TH/, ''), f.properties.ADM1_TH])) };
  return registered;
}

export const mapBands = [
  { min: 0, max: 20, label: '0–19%', colour: '#c6dbef' },
  { min: 20, max: 40, label: '20–39%', colour: '#9ecae1' },
  { min: 40, max: 60, label: '40–59%', colour: '#4292c6' },
  { min: 60, max: 80, label: '60–79%', colour: '#2171b5' },
  { min: 80, max: 100.0001, label: '80–100%', colour: '#08306b' },
] as const;

export type ProvinceValue = { value: number | null; detail?: string };

const noDataColour = '#ffffff';
const borderColour = '#8a9196';

/** A choropleth of Thailand's provinces by a rate (0–100). A province without a figure is white inside its grey
 * border — not a pale blue that could be read as a low rate. */
export function provinceMap(values: Map<string, ProvinceValue>, o: ChartText & { legendTitle: string; width?: number; fontPx?: number }): string {
  const { codes, names } = mapProvinces();
  const width = o.width ?? 380;
  const height = Math.round(width * 1.62);
  const fontPx = o.fontPx ?? 14;
  const noData = -1;
  const data = codes.map((code) => ({ name: code, value: values.get(code)?.value ?? noData }));
  // The legend sits in the sea east of the southern provinces, where the map leaves room.
  const legendTop = Math.round(height * 0.62);
  const legendLeft = Math.round(width * 0.6);
  const swatch = { width: 16, height: 12 };
  const itemGap = 6;
  const noDataTop = legendTop + 22 + mapBands.length * (swatch.height + itemGap);
  return renderChart({
    visualMap: {
      type: 'piecewise', align: 'left', left: legendLeft, top: legendTop + 22, padding: 0, itemWidth: swatch.width, itemHeight: swatch.height, itemGap, orient: 'vertical',
      textStyle: { fontSize: fontPx - 1, color: chartColours.text },
      pieces: mapBands.map((b) => ({ gte: b.min, lt: b.max, label: b.label, color: b.colour })).reverse(),
      outOfRange: { color: noDataColour },
    },
    graphic: [
      { type: 'text', left: legendLeft, top: legendTop, style: { text: o.legendTitle, fontSize: fontPx - 1, fontWeight: 'bold', fill: chartColours.text, fontFamily: 'Sarabun' } },
      { type: 'rect', left: legendLeft, top: noDataTop, shape: { width: swatch.width, height: swatch.height }, style: { fill: noDataColour, stroke: borderColour, lineWidth: 1 } },
      { type: 'text', left: legendLeft + swatch.width + 10, top: noDataTop - 1, style: { text: 'ไม่มีข้อมูล', fontSize: fontPx - 1, fill: chartColours.text, fontFamily: 'Sarabun' } },
    ],
    series: [{
      type: 'map', map: 'thailand-provinces', nameProperty: 'code', roam: false, selectedMode: false,
      left: 8, right: 8, top: 8, bottom: 8, aspectScale: 0.95,
      label: { show: false }, emphasis: { disabled: true },
      itemStyle: { borderColor: borderColour, borderWidth: 0.5, areaColor: noDataColour },
      data,
    }],
  }, { width, height }, o, (_s, i) => {
    const code = codes[i];
    if (!code) return undefined;
    const v = values.get(code);
    return `${names.get(code) ?? code}: ${percentText(v?.value ?? null)}${v?.detail ? ` (${v.detail})` : ''}`;
  });
}
