import { defineConfig, globalIgnores } from 'eslint/config'
import nextVitals from 'eslint-config-next/core-web-vitals'
import nextTs from 'eslint-config-next/typescript'

export default defineConfig([
  ...nextVitals,
  ...nextTs,
  {
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-restricted-imports': [
        'error',
        {
          name: 'next/link',
          message:
            "Use { Link } from '@/components/ui/link': it prefetches on intent, not on sight.",
        },
      ],
    },
  },
  { files: ['components/ui/link.tsx'], rules: { 'no-restricted-imports': 'off' } },
  globalIgnores([
    '.next/**',
    '.next-standalone/**',
    '.next-isr/**',
    '.contentlayer/**',
    'node_modules/**',
    'next-env.d.ts',
    'test-results/**',
    'playwright-report/**',
    'bench-results/**',
    'public/pagefind/**',
    '.scheduled-e2e/**',
    '.bench-build/**',
    'data/**',
    '.e2e-data/**',
  ]),
])
