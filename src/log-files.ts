import fs from 'node:fs';
import path from 'node:path';
import { Writable } from 'node:stream';
import pino from 'pino';
import { bangkokDate } from './domain/dates/bangkok-time.ts';

// Log files, one per Bangkok day (matrathan-YYYY-MM-DD.log) under LOG_DIR, written besides stdout. Kept for
// LOG_RETENTION_DAYS (90 by default: Thailand's Computer Crime Act asks service providers to keep traffic data at
// least 90 days), then deleted by the daily ops.prune-logs job.

export const logFilePattern = /^matrathan-(\d{4}-\d{2}-\d{2})\.log$/;


/** A stream that appends each line to the file of the day it is written on, switching files at Bangkok midnight. */
export function dailyLogFile(dir: string, now: () => Date = () => new Date()): Writable {
  fs.mkdirSync(dir, { recursive: true, mode: 0o750 });
  let day = '';
  let fd: number | null = null;
  const open = () => {
    const today = bangkokDate(now());
    if (today === day && fd !== null) return fd;
    if (fd !== null) fs.closeSync(fd);
    day = today;
    fd = fs.openSync(path.join(dir, `matrathan-${today}.log`), 'a', 0o640);
    return fd;
  };
  return new Writable({
    write(chunk: Buffer, _encoding, done) {
      try {
        fs.writeSync(open(), chunk);
        done();
      } catch (e) {
        done(e as Error);
      }
    },
    final(done) {
      if (fd !== null) fs.closeSync(fd);
      fd = null;
      done();
    },
  });
}

/** Where logs go: stdout always; the day's file too when LOG_DIR is set. */
export function logDestination(logDir: string | undefined): pino.DestinationStream | undefined {
  if (!logDir) return undefined;
  return pino.multistream([{ stream: process.stdout }, { stream: dailyLogFile(logDir) }]);
}
