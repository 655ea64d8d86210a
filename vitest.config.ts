import path from 'node:path'
import { defineConfig } from 'vitest/config'

export default defineConfig({
  resolve: { alias: { '@': path.resolve(__dirname) } },
  test: {
    include: ['{lib,components,scripts,app}/**/*.test.{ts,tsx}'],
    environment: 'node',
  },
})
