import { defineConfig } from 'vitest/config';

const withPostgres = Boolean(process.env.DATABASE_URL);

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['src/**/*.test.ts', 'src/**/*.test.tsx', 'tests/e2e/support/*.test.ts'],
          exclude: ['src/**/*.int.test.ts'],
          setupFiles: ['tests/support/no-outside-network.ts'],
        },
      },
      {
        test: {
          name: 'int-pglite',
          include: ['src/**/*.int.test.ts'],
          globalSetup: ['tests/support/global-setup.ts'],
          setupFiles: ['tests/support/no-outside-network.ts'],
          env: { TEST_DB: 'pglite' },
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
      {
        test: {
          name: 'int-postgres',
          include: withPostgres ? ['src/**/*.int.test.ts'] : [],
          globalSetup: ['tests/support/global-setup.ts'],
          setupFiles: ['tests/support/no-outside-network.ts'],
          env: { TEST_DB: 'postgres' },
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.e2e.test.ts'],
          globalSetup: ['tests/e2e/support/global-setup.ts'],
          testTimeout: 120_000,
          hookTimeout: 120_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
