// A rule was broken. The code names it; the web layer turns it into a Thai message and a status.
export type DomainErrorCode =
  | 'not_found'
  | 'forbidden'
  | 'invalid'
  | 'conflict'
  | 'throttled'
  | 'unauthenticated';

export class DomainError extends Error {
  constructor(
    readonly code: DomainErrorCode,
    readonly messageKey: string,
    readonly details: Record<string, unknown> = {},
  ) {
    super(`${code}: ${messageKey}`);
  }
}
