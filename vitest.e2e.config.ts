import { defineConfig } from 'vitest/config';

/**
 * End-to-end tests in real Chromium with the built extension. Run with `vitest run -c vitest.e2e.config.ts`.
 * One browser at a time: the machine has two cores and each test launches its own Chromium.
 */
export default defineConfig({
  test: {
    include: ['tests/e2e/**/*.e2e.test.ts'],
    globalSetup: ['tests/e2e/global-setup.ts'],
    environment: 'node',
    fileParallelism: false,
    testTimeout: 120_000,
    hookTimeout: 240_000,
  },
});
