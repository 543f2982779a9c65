import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    exclude: ['test/fixtures/**', 'node_modules/**'],
    // Astro builds, Chromium and real child processes are slow on a 2-core machine.
    testTimeout: 120_000,
    hookTimeout: 300_000,
    // Tests that build the site or write marketing/ share files; run files one at a time.
    fileParallelism: false,
  },
});
