// Where the monitoring pages live: a province's report in a quarter (its committee's work), a quarter across the
// provinces and its national summary (DLA's), a programme's quarters.

export const monitoringReportPath = (roundId: number, provinceCode: string) => `/rounds/${roundId}/monitoring/${encodeURIComponent(provinceCode)}`;
export const standardPath = (roundId: number, provinceCode: string, itemCode: string) => `${monitoringReportPath(roundId, provinceCode)}/standards/${encodeURIComponent(itemCode)}`;
export const monitoringSectionPath = (roundId: number, provinceCode: string, sectionCode: string) => `${monitoringReportPath(roundId, provinceCode)}/sections/${encodeURIComponent(sectionCode)}`;
export const quarterPath = (roundId: number) => `/rounds/${roundId}/monitoring`;
export const summaryPath = (roundId: number) => `/rounds/${roundId}/monitoring/summary`;
export const quartersPath = (programmeCode: string) => `/programmes/${encodeURIComponent(programmeCode)}/quarters`;
