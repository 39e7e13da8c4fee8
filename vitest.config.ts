import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 20_000,
    hookTimeout: 20_000,
    // Each file gets its own process: tests open SQLite files and loopback servers.
    pool: 'forks',
    // Not UTC on purpose: anything that reads dates in the machine's zone shows up as a failure.
    env: { TZ: 'Asia/Taipei' },
  },
});
