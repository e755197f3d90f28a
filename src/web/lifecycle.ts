// Whether this process is shutting down: /readyz answers 503 while it drains, so a load balancer stops sending new
// requests while the ones in flight finish.
let draining = false;

export function markDraining(): void {
  draining = true;
}

export function isDraining(): boolean {
  return draining;
}
