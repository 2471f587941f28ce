/**
 * The same Redline app as dist/server.js, but every request acts as one account
 * without a session, token or CSRF check: the baseline that tells what
 * authentication costs a save. Started by the benchmark only, on 127.0.0.1.
 */
import { createApp } from '../app';
import { openMigratedDatabase } from '../startup';
import { createServices } from '../services';

const databasePath = process.env.REDLINE_DB;
const username = process.env.BENCH_ACT_AS;
if (!databasePath || !username) throw new Error('REDLINE_DB and BENCH_ACT_AS are required');

const { db } = openMigratedDatabase(databasePath);
const services = createServices(db);
const app = createApp({ services, maxUploadBytes: 10 * 1024 * 1024, actAsWithoutAuthentication: services.accounts.activeActor(username) });
const server = app.listen(0, '127.0.0.1', () => {
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  console.log(`unauthenticated Redline at http://127.0.0.1:${port}`);
});
process.on('SIGTERM', () => {
  db.close();
  process.exit(0);
});
