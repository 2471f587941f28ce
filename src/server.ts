import { loadConfig } from './config';
import { createApp } from './app';
import { importSample, openMigratedDatabase } from './startup';
import { SetupGate } from './auth/setupGate';
import { createServices } from './services';

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
  const server = app.listen(config.port, config.host, () => {
    const address = server.address();
    const port = typeof address === 'object' && address ? address.port : config.port;
    console.log(`Redline is serving ${config.databasePath} at http://localhost:${port}`);
    if (setup.pendingToken) {
      console.log(
        `No account exists yet. Open this one-time link to create the first admin:\n  http://localhost:${port}/setup?token=${setup.pendingToken}`,
      );
    }
  });
  // Findings made with older QA rules (or by a glossary re-check cut short) are brought up to date in the background, in chunks.
  services.findings.recheckOutdated().then(
    ({ articles, segments }) => {
      if (articles > 0) console.log(`Re-checked the QA findings of ${segments} sentences in ${articles} articles.`);
    },
    (error: unknown) => console.error(`The background QA re-check stopped: ${(error as Error).message}`),
  );
  server.on('error', (error) => {
    console.error(`Redline cannot listen on port ${config.port}: ${error.message}`);
    db.close();
    process.exit(1);
  });

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
