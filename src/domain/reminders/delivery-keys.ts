import { createHash } from 'node:crypto';

// Names that stay the same however many times one delivery is attempted, so a message resent after a crash (sent,
// but the worker died before marking it) can be recognised as the same message: the e-mail's Message-ID (mail
// systems and clients fold duplicates by it; the development mail folder names its file by it), and the LINE
// retry key (X-Line-Retry-Key: the LINE platform accepts one request per key and answers 409 to a repeat).

export function reminderMessageId(deliveryId: number, host: string): string {
  return `<reminder-${deliveryId}@${host.replace(/[^A-Za-z0-9.-]/g, '') || 'matrathan.local'}>`;
}

/** A UUID-shaped hexadecimal key derived from the delivery id (LINE asks for a UUID in hexadecimal). */
export function lineRetryKey(deliveryId: number): string {
  const h = createHash('sha256').update(`matrathan-reminder-delivery:${deliveryId}`).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-a${h.slice(17, 20)}-${h.slice(20, 32)}`;
}
