// Process entry: runs the CLI with the real process streams and sets the exit code.
import cluster from 'node:cluster';
import { main } from './main.js';

process.exitCode = await main(process.argv.slice(2));
// An HTTP_WORKERS worker's channel to its primary would keep it alive after it has stopped.
if (cluster.isWorker) cluster.worker?.disconnect();
