// ESLint 9 flat config: Next's own rules (React, React hooks, Next, accessibility, import) and its
// TypeScript rules, with formatting left to Prettier (`eslint-config-prettier` goes last so no rule fights it).
import nextCoreWebVitals from 'eslint-config-next/core-web-vitals';
import nextTypeScript from 'eslint-config-next/typescript';
import prettier from 'eslint-config-prettier/flat';
import { defineConfig, globalIgnores } from 'eslint/config';

export default defineConfig([
  // Generated code, build output, data and reports: not ours to lint. ESLint does not read .gitignore.
  globalIgnores([
    'node_modules/',
    '.next/',
    'out/',
    'build/',
    '.data/',
    'lib/generated/',
    'playwright-report/',
    'test-results/',
    'scratch/',
    'next-env.d.ts',
  ]),
  ...nextCoreWebVitals,
  ...nextTypeScript,
  {
    // import/no-cycle follows every import to the module it reaches; packages never import our code back, so it
    // need not read them (and one of PGlite's bundles is too deep for its parser).
    settings: { 'import/ignore': ['node_modules'] },
    rules: {
      // Unused code is a finding to fix, not a warning to scroll past (`--max-warnings=0` fails either way);
      // a leading underscore marks a parameter a signature needs but the body does not.
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrorsIgnorePattern: '^_', ignoreRestSiblings: true },
      ],
      // A module that imports, through others, the module importing it sees half-made exports at start-up, in an
      // order that changes with who is imported first. Type-only imports are left out: they vanish when compiled.
      'import/no-cycle': ['error', { ignoreExternal: true }],
    },
  },
  prettier,
]);
