// @ts-check
import eslint from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  {
    ignores: [
      'dist/**',
      'coverage/**',
      'node_modules/**',
      'apps/web/dist/**',
      'apps/web/src/modules/api/openapiTypes.ts',
    ],
  },
  {
    files: ['{apps,libs,machines,migrations,test,bench}/**/*.{ts,tsx,mts}'],
    extends: [eslint.configs.recommended, ...tseslint.configs.recommendedTypeChecked],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/no-explicit-any': 'error',
      // `const { a: _a, ...rest } = x` is how the code drops a field.
      '@typescript-eslint/no-unused-vars': ['error', { ignoreRestSiblings: true }],
      // TypeORM's raw query() rows and supertest's res.body are `any` by design (~1,370 findings, 95% in tests);
      // no-explicit-any keeps `any` out of our own declarations.
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
      // async methods that implement a Promise-returning contract without awaiting: async keeps a throw a rejection.
      '@typescript-eslint/require-await': 'off',
      // Exception codes (AppException.code: string) and HTTP statuses are compared with enum members on purpose.
      '@typescript-eslint/no-unsafe-enum-comparison': 'off',
      // Messages interpolate validator constraints typed `unknown`; no-base-to-string still catches objects.
      '@typescript-eslint/restrict-template-expressions': 'off',
    },
  },
);
