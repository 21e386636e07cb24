import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // Two cores: renderer tests are CPU-bound, more workers only add contention.
    pool: 'forks',
    maxWorkers: 2,
  },
});
