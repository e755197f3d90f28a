import cluster from 'node:cluster';
import { loadConfig } from './config.ts';

// Boots the web server: one process (web-process.ts), or with WEB_PROCESSES > 1 a primary (web-cluster.ts) that
// prepares the database and runs that many web processes on the one port.
const config = loadConfig();
if (config.webProcesses > 1 && cluster.isPrimary) await (await import('./web-cluster.ts')).runWebCluster(config);
else await (await import('./web-process.ts')).runWebProcess(config);
