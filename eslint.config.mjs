import js from '@eslint/js'
import prettier from 'eslint-config-prettier'
import vue from 'eslint-plugin-vue'
import globals from 'globals'
import tseslint from 'typescript-eslint'

export default tseslint.config(
  {
    ignores: [
      'out/**',
      'dist/**',
      'node_modules/**',
      'test-results/**',
      'playwright-report/**',
      '**/*.tmp.*',
      'worker/engine/wasm/build/**',
      // AssemblyScript: TypeScript-like syntax with its own types (f32, v128), checked by asc.
      'worker/engine/wasm/assembly/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  ...vue.configs['flat/recommended'],
  {
    files: ['**/*.vue'],
    languageOptions: { parserOptions: { parser: tseslint.parser, extraFileExtensions: ['.vue'] } },
  },
  {
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-console': ['error', { allow: ['warn', 'error'] }],
      'vue/multi-word-component-names': 'off',
    },
  },
  // The one-way doors between the rooms: the renderer reaches the main side only through the
  // API contract, the contract depends on nothing that implements it, and the numerical code
  // knows nothing of Electron or the services.
  {
    files: ['renderer/**/*.ts', 'renderer/**/*.vue'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/electron/*', '!**/electron/api', '**/worker/*'],
              message: 'The renderer imports only from electron/api (the typed contract).',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['electron/api/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/services/*', '**/main/*', '**/server/*', '**/cli/*', '**/preload/*'],
              message: 'The API contract depends on nothing that implements it.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['worker/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['**/electron/*'], message: 'The numerical code imports nothing from electron/.' },
          ],
        },
      ],
    },
  },
  {
    // Scripts and tests talk to a terminal.
    files: ['scripts/**', 'test/**', 'bin/**'],
    rules: { 'no-console': 'off', '@typescript-eslint/no-require-imports': 'off' },
  },
  prettier,
)
