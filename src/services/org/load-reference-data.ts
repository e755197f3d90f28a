import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { sql } from 'kysely';
import type { Db } from '../../db/pool.ts';
import { fillPaths } from '../../db/queries/org-units.ts';
import { provinceOfficeDivisions } from '../../domain/org/divisions.ts';
import { districtOfficeCode, divisionCode, provinceOfficeCode } from '../../domain/org/org-unit.ts';

// Loads the fixed part of the org tree: Thailand, the programme agencies, 77 provinces and 928 districts
// (DOPA codes, from reference-data/thailand), each province's local office with its divisions, and each
// district's local office. Idempotent: names are refreshed, nothing is duplicated.

export const referenceDataDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../reference-data/thailand');

type ProvinceRow = { provinceCode: number; provinceNameTh: string; provinceNameEn: string };
type DistrictRow = { provinceCode: number; districtCode: number; districtNameTh: string; districtNameEn: string };

export function readProvinces(): ProvinceRow[] {
  return JSON.parse(fs.readFileSync(path.join(referenceDataDir, 'provinces.json'), 'utf8'));
}
export function readDistricts(): DistrictRow[] {
  return JSON.parse(fs.readFileSync(path.join(referenceDataDir, 'districts.json'), 'utf8'));
}

type Row = { kind: string; code: string; parent: { kind: string; code: string } | null; name_th: string; name_en: string | null; province_code: string | null; district_code: string | null };

export async function loadReferenceData(db: Db): Promise<{ provinces: number; districts: number }> {
  const provinces = readProvinces();
  const districts = readDistricts();
  const rows: Row[][] = [];
  rows.push([{ kind: 'country', code: 'TH', parent: null, name_th: 'ประเทศไทย', name_en: 'Thailand', province_code: null, district_code: null }]);
  const country = { kind: 'country', code: 'TH' };
  const level1: Row[] = [
    { kind: 'agency', code: 'ODLOC', parent: country, name_th: 'สำนักงานคณะกรรมการการกระจายอำนาจให้แก่องค์กรปกครองส่วนท้องถิ่น', name_en: 'Office of the Decentralization to Local Government Organization Committee', province_code: null, district_code: null },
    { kind: 'agency', code: 'DLA', parent: country, name_th: 'กรมส่งเสริมการปกครองท้องถิ่น', name_en: 'Department of Local Administration', province_code: null, district_code: null },
  ];
  const level2: Row[] = [];
  const level3: Row[] = [];
  for (const p of provinces) {
    const pc = String(p.provinceCode).padStart(2, '0');
    level1.push({ kind: 'province', code: pc, parent: country, name_th: p.provinceNameTh, name_en: p.provinceNameEn, province_code: pc, district_code: null });
    level2.push({ kind: 'province_office', code: provinceOfficeCode(pc), parent: { kind: 'province', code: pc }, name_th: `สำนักงานส่งเสริมการปกครองท้องถิ่นจังหวัด${p.provinceNameTh}`, name_en: `${p.provinceNameEn} Provincial Local Administration Office`, province_code: pc, district_code: null });
    for (const d of provinceOfficeDivisions) {
      level3.push({ kind: 'division', code: divisionCode(pc, d.key), parent: { kind: 'province_office', code: provinceOfficeCode(pc) }, name_th: d.nameTh, name_en: null, province_code: pc, district_code: null });
    }
  }
  for (const d of districts) {
    const pc = String(d.provinceCode).padStart(2, '0');
    const dc = String(d.districtCode).padStart(4, '0');
    level2.push({ kind: 'district', code: dc, parent: { kind: 'province', code: pc }, name_th: d.districtNameTh, name_en: d.districtNameEn, province_code: pc, district_code: dc });
    const prefix = pc === '10' ? '' : 'อำเภอ';
    level3.push({ kind: 'district_office', code: districtOfficeCode(dc), parent: { kind: 'district', code: dc }, name_th: `สำนักงานส่งเสริมการปกครองท้องถิ่น${prefix}${d.districtNameTh}`, name_en: null, province_code: pc, district_code: dc });
  }
  rows.push(level1, level2, level3);

  await db.transaction().execute(async (trx) => {
    for (const level of rows) {
      await upsertLevel(trx, level);
    }
    await fillPaths(trx);
  });
  return { provinces: provinces.length, districts: districts.length };
}

async function upsertLevel(db: Db, level: Row[]): Promise<void> {
  const payload = JSON.stringify(level.map((r) => ({ ...r, parent_kind: r.parent?.kind ?? null, parent_code: r.parent?.code ?? null })));
  await sql`
    insert into org_units (kind, code, parent_id, path, name_th, name_en, province_code, district_code)
    select r.kind, r.code, p.id, '', r.name_th, r.name_en, r.province_code, r.district_code
    from jsonb_to_recordset(${payload}::jsonb) as r(kind text, code text, parent_kind text, parent_code text, name_th text, name_en text, province_code text, district_code text)
    left join org_units p on p.kind = r.parent_kind and p.code = r.parent_code
    on conflict (kind, code) do update set name_th = excluded.name_th, name_en = excluded.name_en, updated_at = now()
      where org_units.name_th is distinct from excluded.name_th or org_units.name_en is distinct from excluded.name_en`.execute(db);
}
