import { deflateSync, crc32 } from 'node:zlib';
import type { LetterDoc, MemoDoc, OutstandingOfficeDoc, QuarterlyReportDoc, ResultsTableDoc } from '../../src/documents/index.ts';

// Documents as the seeds have them (shared/seeds/003: a municipality's memo to its executive and its letter to the
// province; 000: the quarterly monitoring form; 004: the outstanding-office report).

export const educationSentence = 'ผลการดำเนินงานด้านการศึกษา ซึ่งได้รับการประเมินว่าต้องพัฒนา';

/** A stand-in emblem: a PNG 120 × 132 pixels (a dark disc on white), so its width is drawn in proportion. */
export function fakeEmblem(width = 120, height = 132): { png: Buffer } {
  const raw = Buffer.alloc((width * 3 + 1) * height);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const inside = (x - width / 2) ** 2 + (y - height / 2) ** 2 < (width / 2.2) ** 2;
      raw.fill(inside ? 0x30 : 0xff, y * (width * 3 + 1) + 1 + x * 3, y * (width * 3 + 1) + 4 + x * 3);
    }
  }
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
    const out = Buffer.alloc(12 + data.length);
    out.writeUInt32BE(data.length, 0);
    body.copy(out, 4);
    out.writeUInt32BE(crc32(body) >>> 0, 8 + data.length);
    return out;
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr.set([8, 2, 0, 0, 0], 8);
  const signature = Buffer.from('89504e470d0a1a0a', 'hex');
  return { png: Buffer.concat([signature, chunk('IHDR', ihdr), chunk('IDAT', deflateSync(raw)), chunk('IEND', Buffer.alloc(0))]) };
}

export function memoSample(overrides: Partial<MemoDoc> = {}): MemoDoc {
  return {
    agency: 'สำนักปลัดเทศบาล เทศบาลตำบลโป่งน้ำร้อน โทร. 0 3938 7038',
    referenceNo: 'จบ 53001/2568',
    date: new Date('2025-08-25T03:00:00Z'),
    subject: 'รายงานผลการประเมินการจัดบริการสาธารณะ ประจำปี พ.ศ. 2568',
    addressee: 'ปลัดเทศบาล/นายกเทศมนตรี',
    paragraphs: [
      'ตามที่ สำนักงานปลัดสำนักนายกรัฐมนตรี โดยสำนักงานคณะกรรมการการกระจายอำนาจให้แก่องค์กรปกครองส่วนท้องถิ่น (ส.ก.ถ.) ได้ขอความร่วมมือเทศบาลดำเนินการตามขั้นตอนและวิธีการประเมินตนเอง และดำเนินการบันทึกข้อมูลตามแบบรวบรวมข้อมูลการจัดบริการสาธารณะขององค์กรปกครองส่วนท้องถิ่น เพื่อใช้เป็นข้อมูลในการพัฒนาคุณภาพการจัดบริการสาธารณะขององค์กรปกครองส่วนท้องถิ่น ต่อไป นั้น',
      'สำนักปลัด ได้ทำการรวบรวมข้อมูลและดำเนินการบันทึกข้อมูลลงในระบบประมวลผลเรียบร้อยแล้ว ทั้ง 3 ด้าน รวม 24 ตัวชี้วัด รายละเอียดตามรายงานที่แนบมาพร้อมนี้ (https://odloc.go.th/r/2568)',
      `${educationSentence} มีจำนวน 2 ตัวชี้วัด`,
    ],
    resultsSummary: [
      { area: 'ด้านการศึกษา', met: 6, needsDevelopment: 2, noService: 0, notDone: 0, missing: 0 },
      { area: 'ด้านการส่งเสริมเศรษฐกิจชุมชน อาชีพ และการท่องเที่ยว', met: 5, needsDevelopment: 5, noService: 1, notDone: 0, missing: 0 },
      { area: 'ด้านการบริหารจัดการทรัพยากรธรรมชาติและสิ่งแวดล้อม', met: 2, needsDevelopment: 3, noService: 0, notDone: 0, missing: 0 },
    ],
    toDevelop: [
      'การเพิ่มจำนวนโครงการหรือกิจกรรม ที่เทศบาลดำเนินการเอง หรือให้การสนับสนุนในการส่งเสริมทักษะการเรียนรู้สำหรับประชาชนทั่วไปในการใช้ชีวิตประจำวัน สิทธิหน้าที่ของพลเมืองต่างๆ หรือความรู้ทางกฎหมาย',
      'ความพึงพอใจที่เพิ่มมากขึ้นในการจัดการศึกษาของเทศบาล',
      'ร้อยละของจำนวนงบประมาณของเทศบาลในปีงบประมาณ พ.ศ. 2567 ที่เทศบาลได้จัดทำโครงการและบรรจุไว้ในเทศบัญญัติงบประมาณรายจ่ายประจำปี',
      'เพิ่มจำนวนพื้นที่สีเขียวสาธารณะ ในพื้นที่เทศบาลทั้งหมด',
    ],
    proposal: [
      'จึงเรียนมาเพื่อโปรดทราบและเห็นควรสรุปผลการประเมิน/แจ้งผลการดำเนินการพัฒนางานในอนาคตให้งานที่เกี่ยวข้องทราบ รวมทั้งรายงานที่ประชุมสภาทราบ และประชาสัมพันธ์ให้ประชาชนได้รับทราบทางเว็บไซต์ของหน่วยงาน',
    ],
    signatory: [{ name: 'นางนราพร  มิตรวิเชียร', position: 'หัวหน้าสำนักปลัด' }],
    qrUrl: 'https://matrathan.example.go.th/d/2568/5220601',
    emblem: fakeEmblem(),
    thaiDigits: false,
    ...overrides,
  };
}

export function letterSample(overrides: Partial<LetterDoc> = {}): LetterDoc {
  return {
    referenceNo: 'จบ 53001/1234',
    agency: 'สำนักงานเทศบาลตำบลโป่งน้ำร้อน',
    address: 'ถนนสายทับไทร-ชายแดน จบ 22140',
    date: new Date('2025-08-29T03:00:00Z'),
    subject: 'การบันทึกข้อมูลในระบบประเมินผลมาตรฐานขั้นต่ำการจัดบริการสาธารณะขององค์กรปกครองส่วนท้องถิ่น ประจำปี พ.ศ. 2568',
    addressee: 'ท้องถิ่นจังหวัดจันทบุรี',
    references: ['หนังสือที่ จบ 0023.3/ว3212 ลงวันที่ 29 กรกฎาคม 2568'],
    enclosures: ['รายงานผลการประเมิน จำนวน 1 ชุด', 'บันทึกข้อความเสนอผู้บริหาร จำนวน 1 ฉบับ'],
    paragraphs: [
      'ตามหนังสือที่อ้างถึง จังหวัดจันทบุรีได้ขอความอนุเคราะห์ให้องค์กรปกครองส่วนท้องถิ่นบันทึกข้อมูลในระบบประเมินผลมาตรฐานขั้นต่ำการจัดบริการสาธารณะขององค์กรปกครองส่วนท้องถิ่น ประจำปี พ.ศ. 2568 ในรูปแบบออนไลน์ นั้น',
      'เทศบาลตำบลโป่งน้ำร้อน ได้ดำเนินการบันทึกข้อมูลตามแบบประเมินผลจำนวน 2 แบบ ได้แก่ แบบเทศบาล 1 และแบบเทศบาล 2-1 ถึง 2-3 ผ่านเว็บไซต์สำนักงาน ก.ก.ถ. ที่ www.odloc.go.th และได้ส่งผลการประเมินทาง E-mail เรียบร้อยแล้ว',
      'จึงเรียนมาเพื่อโปรดทราบ',
    ],
    closing: 'ขอแสดงความนับถือ',
    signatory: { name: 'นายพินิจ  เพชรน่าชม', position: 'นายกเทศมนตรีตำบลโป่งน้ำร้อน' },
    contact: { office: 'สำนักปลัดเทศบาล งานธุรการ', phone: '0 3938 7038' },
    emblem: fakeEmblem(),
    thaiDigits: true,
    ...overrides,
  };
}

export function resultsTableSample(): ResultsTableDoc {
  const row = (indicator: string, target: string, frame: number, service: number, result: string) => ({
    indicator, target, frame, service, percent: Math.round((service / frame) * 10000) / 100, result,
  });
  return {
    title: 'ผลการประเมินมาตรฐานขั้นต่ำการจัดบริการสาธารณะ ประจำปี พ.ศ. 2568',
    subtitle: 'เทศบาลตำบลโป่งน้ำร้อน อำเภอโป่งน้ำร้อน จังหวัดจันทบุรี',
    areas: [
      {
        area: 'ด้านการศึกษา',
        missions: [
          { mission: 'ภารกิจการจัดการศึกษาปฐมวัย', rows: [row('ร้อยละของเด็กปฐมวัยที่ได้รับการพัฒนาตามเกณฑ์', 'ร้อยละ 80', 120, 110, 'ผ่าน'), row('จำนวนครูต่อเด็ก', '1:20', 20, 12, 'ต้องพัฒนา')] },
        ],
      },
      { area: 'ด้านการบริหารจัดการทรัพยากรธรรมชาติและสิ่งแวดล้อม', missions: [{ rows: [row('ร้อยละของพื้นที่สีเขียวสาธารณะ', 'ร้อยละ 10', 1250, 98.5, 'ต้องพัฒนา')] }] },
    ],
    thaiDigits: true,
  };
}

export function quarterlySample(): QuarterlyReportDoc {
  return {
    province: 'เพชรบูรณ์',
    asOf: new Date('2021-04-25T03:00:00Z'),
    rows: [
      { standard: 'มาตรฐานการบริหารจัดการศูนย์พัฒนาเด็กเล็ก', practice: 'ดำเนินการครบทุกแห่ง 12 แห่ง', problems: 'ครูผู้ดูแลเด็กไม่เพียงพอ', suggestions: 'ขอรับการสนับสนุนอัตรากำลัง' },
      { standard: 'มาตรฐานการจัดการขยะมูลฝอย', practice: 'ดำเนินการบางส่วน', problems: '-', suggestions: '-' },
    ],
    period: 'ไตรมาสที่ 2 ปีงบประมาณ พ.ศ. 2564 (มกราคม – มีนาคม 2564)',
    facts: [{ label: 'จำนวนองค์กรปกครองส่วนท้องถิ่นในจังหวัดทั้งหมด', value: '126 แห่ง' }],
    summary: ['องค์กรปกครองส่วนท้องถิ่นส่วนใหญ่นำมาตรฐานไปใช้ ปัญหาที่พบมากคือบุคลากรไม่เพียงพอ'],
    note: 'ส่งแบบรายงานให้กรมส่งเสริมการปกครองท้องถิ่นทราบเป็นรายไตรมาส ภายในวันที่ 25 ของเดือนเริ่มไตรมาส',
    reporter: { role: 'ผู้รายงาน', name: 'นางสาวลัดดาวรรณ คอกจันทร์', position: 'นักส่งเสริมการปกครองท้องถิ่นชำนาญการ', phone: '0 5632 8381' },
    emblem: fakeEmblem(),
    thaiDigits: true,
  };
}

export function outstandingSample(): OutstandingOfficeDoc {
  return {
    title: 'แบบรายงานผลการประเมินคัดเลือกท้องถิ่นจังหวัดดีเด่น ประจำปีงบประมาณ พ.ศ. 2567',
    province: 'กาฬสินธุ์',
    indicators: [
      { no: 1, title: 'ร้อยละของเรื่องการดำเนินการทางวินัยที่ ก.ท.จ. และ ก.อบต.จังหวัด พิจารณาได้แล้วเสร็จภายในกำหนด 90 วัน', owner: 'กลุ่มงานบริหารงานบุคคล', result: 'ร้อยละ 100', level: 5, weight: 10, score: 10, example: true },
      { no: 8, title: 'ระดับความสำเร็จของการพัฒนานวัตกรรมหรือข้อริเริ่มที่นำมาใช้ในการส่งเสริมสนับสนุนการปฏิบัติงาน', owner: 'ทุกกลุ่มงาน และท้องถิ่นอำเภอ', result: 'ระดับ 4', level: 4, weight: 15, score: 12 },
    ],
    total: 22,
    maxTotal: 25,
    ranking: 3,
    exampleNote: 'ระดับและน้ำหนักที่มีเครื่องหมายนี้เป็นค่าตัวอย่าง — แก้ไขตามประกาศ',
    reporter: { role: 'ผู้รายงาน', name: 'นายสำเนียง หวังเจริญ', position: 'ท้องถิ่นจังหวัดกาฬสินธุ์' },
    thaiDigits: true,
  };
}
