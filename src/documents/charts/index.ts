// Charts and the province map as SVG drawn on the server (ECharts, text measured with Sarabun), for pages and
// printed reports alike. Nothing here reads the database: each chart takes its figures.
export { pairedBarChart, rateBarChart, type PairedBar, type RateBar } from './bar-charts.ts';
export { histogramChart, type HistogramBin } from './histogram.ts';
export { mapBands, mapCredit, mapProvinces, provinceMap, type ProvinceValue } from './province-map.ts';
export { countText, percentText } from './render-svg.ts';
export { pictureReportHtml, renderPictureReportPdf, type PictureReportDoc, type ReportSection, type ReportTable } from './picture-report.tsx';
