import fs from 'node:fs';
import path from 'node:path';
import nodemailer from 'nodemailer';

// Outgoing mail. SMTP when configured; otherwise every message is written under DATA_DIR/mail as an .eml file
// with a JSON summary, listed on the development page /dev/mail.
export type MailMessage = { to: string; subject: string; text: string; html?: string };
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
    const id = `${sentAt.replace(/[:.]/g, '-')}-${Math.random().toString(36).slice(2, 8)}`;
    fs.writeFileSync(path.join(this.dir, `${id}.eml`), info.message as Buffer);
    fs.writeFileSync(path.join(this.dir, `${id}.json`), JSON.stringify({ id, sentAt, ...m }));
  }

  list(limit = 50): SentMail[] {
    if (!fs.existsSync(this.dir)) return [];
    return fs
      .readdirSync(this.dir)
      .filter((f) => f.endsWith('.json'))
      .sort()
      .reverse()
      .slice(0, limit)
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
