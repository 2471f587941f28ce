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
const user = createServices(db).accounts.repository.userByName(username);
if (!user) throw new Error(`No user ${username}`);
const app = createApp({
  db,
  maxUploadBytes: 10 * 1024 * 1024,
  actAsWithoutAuthentication: { userId: user.id, username: user.username, displayName: user.displayName, role: user.role },
});
const server = app.listen(0, '127.0.0.1', () => {
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  console.log(`unauthenticated Redline at http://127.0.0.1:${port}`);
});
process.on('SIGTERM', () => {
  db.close();
  process.exit(0);
});
