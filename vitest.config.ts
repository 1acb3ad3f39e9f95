import { defineConfig } from 'vitest/config';

// JSX settings (hono/jsx) come from tsconfig.json.
export default defineConfig({
  test: {
    include: ['test/**/*.test.ts', 'test/**/*.test.tsx'],
    // Browser tests share two cores with Chromium; a few files at a time keeps them stable.
    maxWorkers: 2,
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
