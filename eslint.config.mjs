import { defineConfig, globalIgnores } from 'eslint/config'
import nextVitals from 'eslint-config-next/core-web-vitals'
import nextTs from 'eslint-config-next/typescript'

const nextLink = {
  name: 'next/link',
  message: "Use { Link } from '@/components/ui/link': it prefetches on intent, not on sight.",
}
/** Next's internals: a release may move them; a security release must stay a version bump. */
const nextInternals = {
  group: ['next/dist/*', 'next/dist'],
  message: 'Use only what Next documents (docs/upgrading-next.md).',
}

export default defineConfig([
  ...nextVitals,
  ...nextTs,
  {
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-restricted-imports': ['error', { paths: [nextLink], patterns: [nextInternals] }],
    },
  },
  {
    // The readers' pages and what they render: a bare notFound() answers an empty document.
    files: ['app/(site)/**', 'components/**'],
    ignores: ['components/layout/page-not-found.tsx'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            nextLink,
            {
              name: 'next/navigation',
              importNames: ['notFound'],
              message:
                'Return <PageNotFound /> (components/layout/page-not-found.tsx): a bare notFound() leaves a reader without JavaScript a blank page.',
            },
          ],
          patterns: [nextInternals],
        },
      ],
    },
  },
  {
    files: ['components/ui/link.tsx'],
    rules: { 'no-restricted-imports': ['error', { patterns: [nextInternals] }] },
  },
  globalIgnores([
    '.next/**',
    '.next-standalone/**',
    '.contentlayer/**',
    'node_modules/**',
    'next-env.d.ts',
    'test-results/**',
    'playwright-report/**',
    'bench-results/**',
    'public/pagefind/**',
    '.bench-build/**',
    'data/**',
    '.e2e-data/**',
  ]),
])
