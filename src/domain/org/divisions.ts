// The divisions (กลุ่มงาน/ฝ่าย) of a provincial local office, as named in DLA's 2567 letter (seed 004).
// Reference data: a deployment may rename or add divisions through the org tree.
export const provinceOfficeDivisions = [
  { key: 'GA', nameTh: 'ฝ่ายบริหารทั่วไป' },
  { key: 'DEV', nameTh: 'กลุ่มงานส่งเสริมและพัฒนาท้องถิ่น' },
  { key: 'HR', nameTh: 'กลุ่มงานมาตรฐานการบริหารงานบุคคลส่วนท้องถิ่น' },
  { key: 'LAW', nameTh: 'กลุ่มงานกฎหมาย ระเบียบและเรื่องร้องทุกข์' },
  { key: 'FIN', nameTh: 'กลุ่มงานการเงิน บัญชีและการตรวจสอบ' },
  { key: 'PUB', nameTh: 'กลุ่มงานบริการสาธารณะท้องถิ่นและประสานงานท้องถิ่นอำเภอ' },
  { key: 'HEALTH', nameTh: 'กลุ่มงานบริการสาธารณสุขท้องถิ่นและประสานงานท้องถิ่นอำเภอ' },
] as const;
