// One attendee as an LAO types them in: name, position, phone, e-mail (optional). Thai messages name the field and
// say what to do. Thai digits are read as digits; the phone is kept in one shape so the export sorts and dials.

export type AttendeeInput = { name: string; position: string; phone: string; email: string | null };
export type AttendeeField = keyof AttendeeInput;
/** On failure the keys of the fields that were fine are still given, so a duplicate is reported with the rest. */
export type ParsedAttendee =
  | { ok: true; value: AttendeeInput; nameKey: string; emailKey: string | null }
  | { ok: false; errors: Partial<Record<AttendeeField, string>>; nameKey: string | null; emailKey: string | null };

const arabicDigits = (s: string) => s.replace(/[๐-๙]/g, (d) => String(d.charCodeAt(0) - 0x0e50));
const clean = (s: string | undefined) => (s ?? '').normalize('NFC').replace(/[\u0000-\u001f\u007f\u200b-\u200f\u202a-\u202e\u2066-\u2069]/g, '').replace(/\s+/g, ' ').trim();

// Titles people put before a name or leave out: the same person either way when checking for a duplicate.
const titles = /^(ว่าที่\s*ร(้อย)?\.?\s*ต(รี)?\.?(หญิง)?|นางสาว|น\.ส\.|นาง|นาย|ดร\.|mr\.?|mrs\.?|ms\.?|miss)\s*/iu;

/** The name as compared for duplicates: no title, no spaces, lower case. */
export function attendeeNameKey(name: string): string {
  let key = clean(name).toLowerCase();
  for (let i = 0; i < 2; i++) key = key.replace(titles, '');
  return key.replace(/[\s.]/g, '');
}

/** A Thai phone number: 9 digits (landline) or 10 (mobile) starting with 0, or +66; "ต่อ 103" kept. */
export function parsePhone(raw: string): { ok: true; value: string } | { ok: false } {
  const text = arabicDigits(clean(raw));
  const m = /^(.*?)(?:\s*(?:ต่อ|ext\.?|x|#)\s*(\d{1,5}))?$/iu.exec(text);
  const main = (m?.[1] ?? '').replace(/[\s\-().]/g, '');
  const local = main.startsWith('+66') ? `0${main.slice(3)}` : main;
  // Mobiles are 10 digits (06, 08, 09); landlines 9 (02–07 and the area's digits).
  if (!/^0[689]\d{8}$/.test(local) && !/^0[2-7]\d{7}$/.test(local)) return { ok: false };
  const grouped = local.length === 10 ? `${local.slice(0, 3)}-${local.slice(3, 6)}-${local.slice(6)}` : `${local.slice(0, 2)}-${local.slice(2, 5)}-${local.slice(5)}`;
  return { ok: true, value: m?.[2] ? `${grouped} ต่อ ${m[2]}` : grouped };
}

const emailPattern = /^[^\s@<>(),;:"\\[\]]+@[^\s@<>(),;:"\\[\]]+\.[^\s@<>(),;:"\\[\]]{2,}$/u;

export function parseAttendee(raw: Partial<Record<AttendeeField, string | undefined>>): ParsedAttendee {
  const errors: Partial<Record<AttendeeField, string>> = {};
  const name = clean(raw.name);
  const position = clean(raw.position);
  const phoneText = clean(raw.phone);
  const email = clean(raw.email).toLowerCase();
  if (!name) errors.name = 'กรอกชื่อ-นามสกุลของผู้เข้าร่วม';
  else if ([...name].length > 150) errors.name = 'ชื่อ-นามสกุลยาวได้ไม่เกิน 150 ตัวอักษร';
  else if (!/\p{L}/u.test(name) || /\d|[๐-๙]/.test(name)) errors.name = 'ชื่อ-นามสกุลต้องเป็นตัวอักษร ไม่มีตัวเลข เช่น นางสาวสมใจ ใจดี';
  else if (attendeeNameKey(name).length < 2) errors.name = 'กรอกทั้งชื่อและนามสกุล ไม่ใช่เฉพาะคำนำหน้า';
  if (!position) errors.position = 'กรอกตำแหน่งของผู้เข้าร่วม เช่น นักวิเคราะห์นโยบายและแผน';
  else if ([...position].length > 150) errors.position = 'ตำแหน่งยาวได้ไม่เกิน 150 ตัวอักษร';
  let phone = '';
  if (!phoneText) errors.phone = 'กรอกหมายเลขโทรศัพท์ที่ติดต่อได้';
  else {
    const p = parsePhone(phoneText);
    if (p.ok) phone = p.value;
    else errors.phone = 'หมายเลขโทรศัพท์ต้องมี 9 หรือ 10 หลัก ขึ้นต้นด้วย 0 เช่น 081 234 5678 หรือ 0 5672 9781 ต่อ 103';
  }
  if (email && ([...email].length > 254 || !emailPattern.test(email))) errors.email = 'อีเมลไม่ถูกต้อง ตรวจอีกครั้ง เช่น somjai@example.go.th (เว้นว่างได้ถ้าไม่มี)';
  if (Object.keys(errors).length) return { ok: false, errors, nameKey: errors.name ? null : attendeeNameKey(name), emailKey: errors.email || !email ? null : email };
  return { ok: true, value: { name, position, phone, email: email || null }, nameKey: attendeeNameKey(name), emailKey: email || null };
}
