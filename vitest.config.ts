import path from 'node:path'
import { defineConfig } from 'vitest/config'

export default defineConfig({
  resolve: { alias: { '@': path.resolve(__dirname) } },
  test: {
    include: ['{lib,components,scripts,app}/**/*.test.{ts,tsx}'],
    environment: 'node',
    // Some tests write libraries of thousands of files or run a Node process; on a 2-core CI
    // machine under load they take seconds, so 5 s (the default) fails them by chance.
    testTimeout: 30_000,
    // Tests load hundreds of throwaway libraries: no cache of theirs in the build folder.
    env: { CONTENT_CACHE_DIR: 'off' },
  },
})
