// The respondent list and its spreadsheet show three dates per respondent, thousands in the spreadsheet.
// dates/thai-date.ts's formatThaiDate builds a new Intl formatter per call (about 0.1 ms); this keeps one and
// writes the same text as formatThaiDate(at, { short: true, withTime: true }): 22 พ.ย. 2569 10.00 น.
const bangkokClock = new Intl.DateTimeFormat('en-GB', { timeZone: 'Asia/Bangkok', year: 'numeric', month: 'numeric', day: 'numeric', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
const monthsShort = ['ม.ค.', 'ก.พ.', 'มี.ค.', 'เม.ย.', 'พ.ค.', 'มิ.ย.', 'ก.ค.', 'ส.ค.', 'ก.ย.', 'ต.ค.', 'พ.ย.', 'ธ.ค.'];
export function shortDateTime(at: Date): string {
  const part: Record<string, string> = {};
  for (const p of bangkokClock.formatToParts(at)) part[p.type] = p.value;
  return `${Number(part.day)} ${monthsShort[Number(part.month) - 1]} ${Number(part.year) + 543} ${part.hour}.${part.minute} น.`;
}
