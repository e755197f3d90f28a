import type { Logger } from '../logger.ts';
import type { Actor } from '../domain/access/actor.ts';

export type AppVariables = {
  requestId: string;
  logger: Logger;
  secureHeadersNonce?: string;
  csrfToken: string;
  actor: Actor | null;
  sessionExpiresAt: Date | null;
  /** The signed-in person's unread notifications, counted once per page request (header). */
  unreadNotifications?: number;
  ui: { sessionIdleMinutes: number; devTools: boolean };
};

export type AppEnv = { Variables: AppVariables };
