import { loadReferenceData } from '../services/org/load-reference-data.ts';
import { formatCount, type CliCommand } from './command.ts';

export const referenceCommand: CliCommand = {
  name: 'reference',
  summary: 'ข้อมูลอ้างอิง: จังหวัด อำเภอ และสำนักงานส่งเสริมการปกครองท้องถิ่น',
  usage: ['reference load        โหลด (หรือปรับปรุง) จังหวัด อำเภอ และสำนักงานจากข้อมูลกรมการปกครอง'],
  async run(args, ctx) {
    if (args[0] !== 'load' || args.length > 1) {
      ctx.err(`ใช้: npm run cli -- ${this.usage[0]}`);
      return 2;
    }
    const database = await ctx.openDatabase();
    try {
      const loaded = await loadReferenceData(database.db);
      ctx.out(`โหลดข้อมูลอ้างอิงแล้ว: ${formatCount(loaded.provinces)} จังหวัด ${formatCount(loaded.districts)} อำเภอ/เขต`);
      return 0;
    } finally {
      await database.close();
    }
  },
};
