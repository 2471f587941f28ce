import { defineConfig } from 'vitest/config';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export default defineConfig({
  test: {
    root: path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..'),
    include: ['tests/**/*.test.ts'],
    // Browser journeys start Chromium and a server each; give them room on a 2-core machine.
    testTimeout: 20_000,
    hookTimeout: 60_000,
  },
});
