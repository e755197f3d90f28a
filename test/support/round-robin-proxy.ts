import http from 'node:http';
import type { AddressInfo } from 'node:net';

// A tiny round-robin HTTP proxy for tests only: each request goes to the next app process in turn, as a load
// balancer without sticky sessions would send it. Bodies are streamed both ways; headers pass unchanged (Host
// included, so the app sees the address people use). Not for production: a real load balancer does this there.

export type RoundRobinProxy = { url: string; served: number[]; close(): Promise<void> };

export async function startRoundRobinProxy(targets: string[]): Promise<RoundRobinProxy> {
  const upstreams = targets.map((t) => new URL(t));
  const served = targets.map(() => 0);
  const agent = new http.Agent({ keepAlive: true, maxSockets: 128 });
  let turn = 0;
  const server = http.createServer((req, res) => {
    const i = turn++ % upstreams.length;
    served[i]!++;
    const target = upstreams[i]!;
    const upstream = http.request({ host: target.hostname, port: target.port, method: req.method, path: req.url, headers: req.headers, agent }, (up) => {
      res.writeHead(up.statusCode ?? 502, up.headers);
      up.pipe(res);
    });
    upstream.on('error', () => {
      if (!res.headersSent) res.writeHead(502, { 'content-type': 'text/plain' });
      res.end();
    });
    req.pipe(upstream);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    served,
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      agent.destroy();
    },
  };
}
