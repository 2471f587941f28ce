import { defineConfig } from 'vitest/config';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * Three projects, run together by `npm test` or one at a time (`npm run test:unit`,
 * `test:integration`, `test:e2e`): unit tests import modules, integration tests
 * drive the app over HTTP on a real database (and the built server and CLI), e2e
 * tests drive Chromium.
 */
export default defineConfig({
  test: {
    root: path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..'),
    // Vitest leaves one core free by default, which is one worker on a 2-core machine. The browser
    // and server tests spend most of their time waiting on child processes, so two workers finish sooner.
    maxWorkers: 2,
    projects: [
      { extends: true, test: { name: 'unit', include: ['tests/unit/**/*.test.ts'] } },
      { extends: true, test: { name: 'integration', include: ['tests/integration/**/*.test.ts'], testTimeout: 20_000 } },
      // Browser journeys start Chromium and a server each; give them room on a 2-core machine.
      { extends: true, test: { name: 'e2e', include: ['tests/e2e/**/*.test.ts'], testTimeout: 20_000, hookTimeout: 60_000 } },
    ],
  },
});
