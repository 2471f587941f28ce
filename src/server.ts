import http from 'node:http';
import { loadConfig } from './config';
import { createApp } from './app';
import { fillMissingFigures, importSample, openMigratedDatabase } from './startup';
import { setBusyTimeout } from './db/database';
import { SetupGate } from './auth/setupGate';
import { createServices } from './services';
import { listenFailure, networkFacts, servingMessages } from './serving';

/** The only module with side effects: read config, open and migrate the DB, listen, stop cleanly. */
async function main(): Promise<void> {
  let config;
  let opened;
  try {
    config = loadConfig();
    opened = openMigratedDatabase(config.databasePath);
  } catch (error) {
    console.error(`Redline cannot start: ${(error as Error).message}`);
    process.exit(1);
  }
  const { db, wasNew } = opened;
  const services = createServices(db, { sessionPolicy: config.sessionPolicy, limits: config.limits });
  // Before serving, start-up may wait for a lock another process holds (busy_timeout), and read a lot.
  const counted = fillMissingFigures(services);
  if (counted.length > 0) console.log(`Counted the stored figures of ${counted.length} article(s).`);
  const removed = await services.articles.removeStaleImports();
  if (removed.length > 0) console.log(`Removed ${removed.length} unfinished import(s) left by a crash.`);
  if (wasNew && config.importSample) {
    const id = await importSample(services);
    console.log(`Imported the sample article as article ${id}.`);
  }

  services.accounts.deleteExpiredSessions();
  // Serving never sleeps on a lock (that would freeze every user): the write queue retries with timers.
  setBusyTimeout(db, 0);
  // A CLI import beside the server, killed mid-way, leaves a hidden article: removed once it is stale.
  const sweep = setInterval(() => {
    services.articles.removeStaleImports().catch((error: unknown) => console.error('Removing unfinished imports failed:', error));
  }, 60_000);
  sweep.unref();
  // A batch this server was writing when it stopped did not finish: say so (what landed stays, undoable).
  const interrupted = services.batches.markInterrupted();
  if (interrupted > 0) console.log(`Marked ${interrupted} unfinished batch${interrupted === 1 ? '' : 'es'} as interrupted.`);
  // No account yet: whoever holds this link creates the first admin. No default passwords.
  const setup = services.accounts.hasUsers() ? new SetupGate() : SetupGate.issue();
  const app = createApp({ services, maxUploadBytes: config.maxUploadBytes, setup, trustProxy: config.trustProxy });
  const server = http.createServer(app);
  // Nothing is announced until the port is really ours: a busy port must not look like a running server.
  server.once('listening', () => {
    const address = server.address();
    const { lines, warnings } = servingMessages({
      databasePath: config.databasePath,
      host: config.host,
      port: typeof address === 'object' && address ? address.port : config.port,
      behindProxy: config.trustProxy !== false,
      setupToken: setup.pendingToken,
      network: networkFacts(),
    });
    for (const line of lines) console.log(line);
    for (const warning of warnings) console.warn(warning);
    // Findings made with older QA rules (or by a glossary re-check cut short) are brought up to date in the background, in chunks.
    services.findings.recheckOutdated().then(
      ({ articles, segments }) => {
        if (articles > 0) console.log(`Re-checked the QA findings of ${segments} sentences in ${articles} articles.`);
      },
      (error: unknown) => console.error(`The background QA re-check stopped: ${(error as Error).message}`),
    );
  });
  server.once('error', (error: NodeJS.ErrnoException) => {
    console.error(listenFailure(error, config.host, config.port));
    db.close();
    process.exit(1);
  });
  server.listen(config.port, config.host);

  const stop = (signal: string) => {
    console.log(`${signal} received: finishing open requests, then closing the database.`);
    server.close(() => {
      db.close();
      process.exit(0);
    });
    // Keep-alive connections can hold close() open; do not hang forever.
    setTimeout(() => {
      db.close();
      process.exit(0);
    }, 5_000).unref();
  };
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));
}

main().catch((error: unknown) => {
  console.error(`Redline cannot start: ${(error as Error).message}`);
  process.exit(1);
});
