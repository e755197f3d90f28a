import type { LaoType } from '../org/lao-type.ts';
import type { RegisterRow } from './register-row.ts';

// A generated national register for demos and benchmarks, built from DOPA's provinces, districts and
// subdistricts. It is NOT the real register (no licensed public list exists): every unit is marked generated.
// The mix follows DLA's 2020 counts: อบจ. 76, เทศบาลนคร 30, เทศบาลเมือง 190, เทศบาลตำบล 2,242, อบต. 5,312,
// special 2 (กรุงเทพมหานคร, เมืองพัทยา). Deterministic: a fixed seed drives every choice.

export type ProvinceSource = { provinceCode: number; provinceNameTh: string; provinceNameEn: string };
export type DistrictSource = { provinceCode: number; districtCode: number; districtNameTh: string; districtNameEn: string };
export type SubdistrictSource = { districtCode: number; subdistrictCode: number; subdistrictNameTh: string; subdistrictNameEn: string };

export type GeneratedLao = Omit<RegisterRow, 'row' | 'nameEn'> & { nameEn: string };

export const generatedRegisterTargets = { pao: 76, city: 30, town: 190, subdistrict: 2242, sao: 5312, special: 2 } as const;

// The 30 เทศบาลนคร as of 2020, each placed in its district (and subdistrict, where it is not the district seat).
const cities: { district: number; subdistrict?: number; nameTh: string; nameEn: string }[] = [
  { district: 1101, nameTh: 'สมุทรปราการ', nameEn: 'Samut Prakan' }, { district: 1201, nameTh: 'นนทบุรี', nameEn: 'Nonthaburi' },
  { district: 1206, nameTh: 'ปากเกร็ด', nameEn: 'Pak Kret' }, { district: 1303, subdistrict: 130303, nameTh: 'รังสิต', nameEn: 'Rangsit' },
  { district: 1401, nameTh: 'พระนครศรีอยุธยา', nameEn: 'Phra Nakhon Si Ayutthaya' }, { district: 2007, subdistrict: 200702, nameTh: 'เจ้าพระยาสุรศักดิ์', nameEn: 'Chao Phraya Surasak' },
  { district: 2007, subdistrict: 200703, nameTh: 'แหลมฉบัง', nameEn: 'Laem Chabang' }, { district: 2101, nameTh: 'ระยอง', nameEn: 'Rayong' },
  { district: 3001, nameTh: 'นครราชสีมา', nameEn: 'Nakhon Ratchasima' }, { district: 3401, nameTh: 'อุบลราชธานี', nameEn: 'Ubon Ratchathani' },
  { district: 4001, nameTh: 'ขอนแก่น', nameEn: 'Khon Kaen' }, { district: 4101, nameTh: 'อุดรธานี', nameEn: 'Udon Thani' },
  { district: 4701, nameTh: 'สกลนคร', nameEn: 'Sakon Nakhon' }, { district: 5001, nameTh: 'เชียงใหม่', nameEn: 'Chiang Mai' },
  { district: 5201, nameTh: 'ลำปาง', nameEn: 'Lampang' }, { district: 5701, nameTh: 'เชียงราย', nameEn: 'Chiang Rai' },
  { district: 6001, nameTh: 'นครสวรรค์', nameEn: 'Nakhon Sawan' }, { district: 6306, nameTh: 'แม่สอด', nameEn: 'Mae Sot' },
  { district: 6501, nameTh: 'พิษณุโลก', nameEn: 'Phitsanulok' }, { district: 7301, nameTh: 'นครปฐม', nameEn: 'Nakhon Pathom' },
  { district: 7401, nameTh: 'สมุทรสาคร', nameEn: 'Samut Sakhon' }, { district: 7402, subdistrict: 740202, nameTh: 'อ้อมน้อย', nameEn: 'Om Noi' },
  { district: 8001, nameTh: 'นครศรีธรรมราช', nameEn: 'Nakhon Si Thammarat' }, { district: 8301, nameTh: 'ภูเก็ต', nameEn: 'Phuket' },
  { district: 8401, nameTh: 'สุราษฎร์ธานี', nameEn: 'Surat Thani' }, { district: 8404, nameTh: 'เกาะสมุย', nameEn: 'Ko Samui' },
  { district: 9001, nameTh: 'สงขลา', nameEn: 'Songkhla' }, { district: 9011, nameTh: 'หาดใหญ่', nameEn: 'Hat Yai' },
  { district: 9201, nameTh: 'ตรัง', nameEn: 'Trang' }, { district: 9501, nameTh: 'ยะลา', nameEn: 'Yala' },
];

const bangkok = 10;
const pattayaDistrict = 2004;
const seed = 2020;

/** mulberry32: a tiny seeded generator, so the register is the same on every machine and every run. */
function seededRandom(s: number): () => number {
  let a = s >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Weighted sampling without replacement (Efraimidis–Spirakis): larger weight, likelier pick. */
function sample<T>(items: readonly T[], count: number, random: () => number, weight: (t: T) => number = () => 1): T[] {
  if (count < 0 || count > items.length) throw new Error(`cannot draw ${count} of ${items.length}: the reference data no longer fits the targets`);
  return items
    .map((item) => ({ item, key: Math.pow(random(), 1 / Math.max(weight(item), 1e-9)) }))
    .sort((a, b) => b.key - a.key)
    .slice(0, count)
    .map((x) => x.item);
}

export function generateRegister(source: { provinces: readonly ProvinceSource[]; districts: readonly DistrictSource[]; subdistricts: readonly SubdistrictSource[] }): GeneratedLao[] {
  const random = seededRandom(seed);
  const provinces = [...source.provinces].filter((p) => p.provinceCode !== bangkok).sort((a, b) => a.provinceCode - b.provinceCode);
  const districts = [...source.districts].filter((d) => d.provinceCode !== bangkok).sort((a, b) => a.districtCode - b.districtCode);
  const provinceOf = new Map(source.provinces.map((p) => [p.provinceCode, p]));
  const districtOf = new Map(source.districts.map((d) => [d.districtCode, d]));
  const subsOf = new Map<number, SubdistrictSource[]>();
  for (const s of [...source.subdistricts].sort((a, b) => a.subdistrictCode - b.subdistrictCode)) {
    if (!districtOf.has(s.districtCode) || districtOf.get(s.districtCode)!.provinceCode === bangkok) continue;
    subsOf.set(s.districtCode, [...(subsOf.get(s.districtCode) ?? []), s]);
  }
  // The district seat (ที่ว่าการอำเภอ) is, in DOPA numbering, the district's first subdistrict.
  const seatOf = (d: DistrictSource) => {
    const seat = subsOf.get(d.districtCode)?.[0];
    if (!seat) throw new Error(`district ${d.districtCode} has no subdistricts`);
    return seat;
  };

  const units: (GeneratedLao & { subdistrict?: number })[] = [];
  // The source has stray double and trailing spaces in a few names; the importer would fold them anyway.
  const tidy = (s: string) => s.replace(/\s+/g, ' ').trim();
  const add = (laoType: LaoType, provinceCode: number, districtCode: number | null, nameTh: string, nameEn: string, subdistrict?: number) =>
    units.push({ code: '', nameTh: tidy(nameTh), nameEn: tidy(nameEn), laoType, provinceCode: String(provinceCode), districtCode: districtCode === null ? null : String(districtCode), validFrom: null, generated: true, subdistrict });

  const bkk = provinceOf.get(bangkok);
  add('special', bangkok, null, bkk?.provinceNameTh ?? 'กรุงเทพมหานคร', 'Bangkok Metropolitan Administration');
  add('special', 20, pattayaDistrict, 'เมืองพัทยา', 'Pattaya City');
  for (const p of provinces) add('pao', p.provinceCode, null, `องค์การบริหารส่วนจังหวัด${p.provinceNameTh}`, `${p.provinceNameEn} Provincial Administrative Organization`);

  const hosts = new Set<number>(); // subdistricts whose centre a เทศบาลนคร or เทศบาลเมือง serves
  const cityDistricts = new Set<number>();
  for (const c of cities) {
    const d = districtOf.get(c.district);
    if (!d) throw new Error(`city district ${c.district} is not in districts.json`);
    const sub = c.subdistrict ?? seatOf(d).subdistrictCode;
    hosts.add(sub);
    cityDistricts.add(c.district);
    add('city', d.provinceCode, d.districtCode, `เทศบาลนคร${c.nameTh}`, `${c.nameEn} City Municipality`, sub);
  }
  // เทศบาลเมือง: every province seat without a เทศบาลนคร, then the seats of other large districts.
  const townDistricts: DistrictSource[] = districts.filter((d) => d.districtCode % 100 === 1 && !hosts.has(seatOf(d).subdistrictCode));
  const otherSeats = districts.filter((d) => d.districtCode % 100 !== 1 && !cityDistricts.has(d.districtCode));
  townDistricts.push(...sample(otherSeats, generatedRegisterTargets.town - townDistricts.length, random, (d) => subsOf.get(d.districtCode)?.length ?? 1));
  for (const d of townDistricts.sort((a, b) => a.districtCode - b.districtCode)) {
    const seat = seatOf(d);
    hosts.add(seat.subdistrictCode);
    const isProvinceSeat = d.districtCode % 100 === 1;
    const p = provinceOf.get(d.provinceCode)!;
    add('town', d.provinceCode, d.districtCode, `เทศบาลเมือง${isProvinceSeat ? p.provinceNameTh : d.districtNameTh}`, `${isProvinceSeat ? p.provinceNameEn : d.districtNameEn} Town Municipality`, seat.subdistrictCode);
  }

  // เทศบาลตำบล at every other district seat, then at subdistricts drawn at random; อบต. everywhere else, and
  // in some subdistricts beside a เทศบาลตำบล that serves only the subdistrict's centre (as in life).
  const rest = districts.flatMap((d) => subsOf.get(d.districtCode) ?? []).filter((s) => !hosts.has(s.subdistrictCode));
  const seats = new Set(districts.map((d) => seatOf(d).subdistrictCode));
  const tt = new Set(rest.filter((s) => seats.has(s.subdistrictCode)).map((s) => s.subdistrictCode));
  const moreTt = sample(rest.filter((s) => !tt.has(s.subdistrictCode)), generatedRegisterTargets.subdistrict - tt.size, random);
  for (const s of moreTt) tt.add(s.subdistrictCode);
  const saoBeside = new Set(sample(rest.filter((s) => tt.has(s.subdistrictCode)), generatedRegisterTargets.sao - (rest.length - tt.size), random).map((s) => s.subdistrictCode));
  for (const s of rest) {
    const d = districtOf.get(s.districtCode)!;
    if (tt.has(s.subdistrictCode)) add('subdistrict', d.provinceCode, d.districtCode, `เทศบาลตำบล${s.subdistrictNameTh}`, `${s.subdistrictNameEn} Subdistrict Municipality`, s.subdistrictCode);
    if (!tt.has(s.subdistrictCode) || saoBeside.has(s.subdistrictCode)) {
      add('sao', d.provinceCode, d.districtCode, `องค์การบริหารส่วนตำบล${s.subdistrictNameTh}`, `${s.subdistrictNameEn} Subdistrict Administrative Organization`, s.subdistrictCode);
    }
  }
  return assignCodes(units);
}

const typeDigit: Record<LaoType, string> = { special: '3', pao: '2', city: '3', town: '4', subdistrict: '5', sao: '6' };
const typeRank: Record<LaoType, number> = { special: 0, pao: 1, city: 2, town: 3, subdistrict: 4, sao: 5 };

/**
 * DLA-style codes: [type digit][province 2][district 2][sequence 2]; district 00 for a unit covering a whole
 * province, and type digit 1 for กรุงเทพมหานคร (DLA has none for it). The sequence runs per prefix, so every
 * code is unique.
 */
function assignCodes(units: (GeneratedLao & { subdistrict?: number })[]): GeneratedLao[] {
  units.sort((a, b) => (a.districtCode ?? '').localeCompare(b.districtCode ?? '') || a.provinceCode.localeCompare(b.provinceCode) ||
    typeRank[a.laoType] - typeRank[b.laoType] || (a.subdistrict ?? 0) - (b.subdistrict ?? 0));
  const next = new Map<string, number>();
  const out: GeneratedLao[] = units.map(({ subdistrict: _, ...u }) => {
    const digit = u.laoType === 'special' && u.provinceCode === String(bangkok) ? '1' : typeDigit[u.laoType];
    const prefix = `${digit}${u.provinceCode}${u.districtCode?.slice(2) ?? '00'}`;
    const seq = (next.get(prefix) ?? 0) + 1;
    next.set(prefix, seq);
    if (seq > 99) throw new Error(`more than 99 LAOs under code prefix ${prefix}`);
    return { ...u, code: `${prefix}${String(seq).padStart(2, '0')}` };
  });
  return out.sort((a, b) => a.provinceCode.localeCompare(b.provinceCode) || (a.districtCode ?? '').localeCompare(b.districtCode ?? '') || a.code.localeCompare(b.code));
}
