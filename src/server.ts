import http from 'node:http';
import { loadConfig } from './config';
import { createApp } from './app';
import { importSample, openMigratedDatabase } from './startup';
import { SetupGate } from './auth/setupGate';
import { createServices } from './services';
import { listenFailure, networkFacts, servingMessages } from './serving';

/** The only module with side effects: read config, open and migrate the DB, listen, stop cleanly. */
function main(): void {
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
  const services = createServices(db, { sessionPolicy: config.sessionPolicy });
  if (wasNew && config.importSample) {
    const id = importSample(services);
    console.log(`Imported the sample article as article ${id}.`);
  }

  services.accounts.deleteExpiredSessions();
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

main();
