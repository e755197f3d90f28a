import fs from 'node:fs';
import path from 'node:path';
import nodemailer from 'nodemailer';

// Outgoing mail. SMTP when configured; otherwise every message is written under DATA_DIR/mail as an .eml file
// with a JSON summary, listed on the development page /dev/mail.
export type MailMessage = {
  to: string; subject: string; text: string; html?: string;
  /** A Message-ID that stays the same when one message is sent again (a reminder retried after a crash): mail
   * systems fold duplicates by it, and the development folder names the file by it, so a repeat overwrites. */
  messageId?: string;
};
export type SentMail = MailMessage & { id: string; sentAt: string };

export interface Mailer {
  send(message: MailMessage): Promise<void>;
}

export function createMailer(opts: { smtpUrl: string | undefined; from: string; dataDir: string }): Mailer {
  if (opts.smtpUrl) {
    const transport = nodemailer.createTransport(opts.smtpUrl);
    return { async send(m) { await transport.sendMail({ from: opts.from, ...m }); } };
  }
  return new FolderMailer(path.join(opts.dataDir, 'mail'), opts.from);
}

export class FolderMailer implements Mailer {
  private readonly transport = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: 'unix' });
  constructor(readonly dir: string, private readonly from: string) {}

  async send(m: MailMessage): Promise<void> {
    fs.mkdirSync(this.dir, { recursive: true });
    const info = await this.transport.sendMail({ from: this.from, ...m });
    const sentAt = new Date().toISOString();
    const id = m.messageId ? `msg-${m.messageId.replace(/[^A-Za-z0-9.-]/g, '_')}` : `${sentAt.replace(/[:.]/g, '-')}-${Math.random().toString(36).slice(2, 8)}`;
    fs.writeFileSync(path.join(this.dir, `${id}.eml`), info.message as Buffer);
    fs.writeFileSync(path.join(this.dir, `${id}.json`), JSON.stringify({ id, sentAt, ...m }));
  }

  list(limit = 50): SentMail[] {
    if (!fs.existsSync(this.dir)) return [];
    // Newest first by the time written: files named by a Message-ID do not sort by time.
    return fs
      .readdirSync(this.dir)
      .filter((f) => f.endsWith('.json'))
      .map((f) => ({ f, at: fs.statSync(path.join(this.dir, f)).mtimeMs }))
      .sort((a, b) => b.at - a.at || (a.f < b.f ? 1 : -1))
      .slice(0, limit)
      .map(({ f }) => f)
      .map((f) => JSON.parse(fs.readFileSync(path.join(this.dir, f), 'utf8')) as SentMail);
  }
}

/** The fake at the boundary, for tests: keeps what was sent in memory. */
export class MemoryMailer implements Mailer {
  readonly sent: MailMessage[] = [];
  async send(m: MailMessage): Promise<void> {
    this.sent.push(m);
  }
}
