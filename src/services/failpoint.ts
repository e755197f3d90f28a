import type { Config } from '../config.ts';

// A named point where a test may make the process die at once (kill -9), to prove that a use case is all or nothing.
// Off unless FAILPOINTS names it; a plain production start never sets it.
export function failpoint(config: Pick<Config, 'failpoints'>, name: string): void {
  if (config.failpoints.includes(name)) process.kill(process.pid, 'SIGKILL');
}
