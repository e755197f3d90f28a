import fs from 'node:fs';
import path from 'node:path';
import { formatRegisterCsv } from '../../domain/register/format-register-csv.ts';
import { generateRegister, type GeneratedLao, type SubdistrictSource } from '../../domain/register/generate-register.ts';
import { readDistricts, readProvinces, referenceDataDir } from '../org/load-reference-data.ts';

// The generated national register (demo and benchmarks), from the shipped DOPA reference data. Every unit in it
// is marked generated, in the file and in the org tree once imported.

function readSubdistricts(): SubdistrictSource[] {
  return JSON.parse(fs.readFileSync(path.join(referenceDataDir, 'subdistricts.json'), 'utf8'));
}

let cached: GeneratedLao[] | undefined;

export function generateNationalRegister(): GeneratedLao[] {
  cached ??= generateRegister({ provinces: readProvinces(), districts: readDistricts(), subdistricts: readSubdistricts() });
  return cached;
}

/** The generated register as a CSV in the importer's columns (UTF-8 with BOM). */
export function generateRegisterCsv(): string {
  return formatRegisterCsv(generateNationalRegister());
}
