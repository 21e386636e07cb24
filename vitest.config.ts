import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    // Timeouts only catch hangs. A machine busy with other work can make a renderer test
    // several times slower, so they are generous; speed is measured by `npm run bench`.
    testTimeout: 600_000,
    hookTimeout: 600_000,
    // Two cores: renderer tests are CPU-bound, more workers only add contention.
    pool: 'forks',
    maxWorkers: 2,
  },
});
