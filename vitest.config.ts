import { defineConfig } from 'vitest/config';

// Two tiers. `make test` runs every file but the slow end-to-end ones (`*.slow.test.ts`:
// whole suites in Chromium, exhaustive sweeps), which a quick tier samples instead;
// `make test-full` (WEBFOUNDRY_FULL_TESTS=1) runs both.
const full = process.env.WEBFOUNDRY_FULL_TESTS === '1';

// JSX settings (hono/jsx) come from tsconfig.json.
export default defineConfig({
  test: {
    include: ['test/**/*.test.ts', 'test/**/*.test.tsx'],
    exclude: full ? ['**/node_modules/**'] : ['**/node_modules/**', 'test/**/*.slow.test.ts'],
    // Browser tests share two cores with Chromium; a few files at a time keeps them stable.
    maxWorkers: 2,
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
