import { defineConfig, globalIgnores } from 'eslint/config'
import nextVitals from 'eslint-config-next/core-web-vitals'
import nextTs from 'eslint-config-next/typescript'

export default defineConfig([
  ...nextVitals,
  ...nextTs,
  {
    rules: {
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
    },
  },
  {
    // Only lib/content may touch the file system or parse content files (README, "How it fits together").
    files: ['app/**', 'components/**', 'lib/**'],
    // lib/og reads the social cards' font from node_modules, not content; error-documents
    // reads the build's prerendered not-found page, the cache handlers the build's prerender
    // manifest (and the cache's own files), and front-cache rewrites the nginx front's cache files.
    ignores: [
      'lib/content/**',
      'lib/og/fonts.ts',
      'lib/server/next-workarounds/error-documents.ts',
      'lib/server/next-workarounds/cache-handler.ts',
      'lib/server/render-cache/marquee-handler.mts',
      'lib/server/front-cache.ts',
      '**/*.test.ts',
    ],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            { name: 'fs', message: 'Read content through lib/content.' },
            { name: 'node:fs', message: 'Read content through lib/content.' },
            { name: 'node:fs/promises', message: 'Read content through lib/content.' },
            { name: 'gray-matter', message: 'Read content through lib/content.' },
          ],
        },
      ],
    },
  },
  {
    // next.config.js is CommonJS: Next loads it with require().
    files: ['next.config.js'],
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  globalIgnores([
    '.next*/**',
    'out/**',
    'build/**',
    'next-env.d.ts',
    'test-results/**',
    'playwright-report/**',
  ]),
])
