// Where a respondent's public results live (also printed as a QR code on the official documents).
export const publicResultsPath = (roundId: number, orgUnitCode: string) => `/public/results/${roundId}/${encodeURIComponent(orgUnitCode)}`;
