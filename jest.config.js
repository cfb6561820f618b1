// @swc/jest instead of ts-jest: ts-jest leaves import.meta in TypeORM 1.x's CommonJS output.
const swc = [
  '@swc/jest',
  {
    jsc: {
      parser: { syntax: 'typescript', decorators: true },
      transform: { legacyDecorator: true, decoratorMetadata: true },
      target: 'es2022',
      keepClassNames: true,
    },
    module: { type: 'commonjs' },
  },
];

module.exports = {
  rootDir: '.',
  testEnvironment: 'node',
  testMatch: ['<rootDir>/{apps,libs,machines,test}/**/*.spec.ts'],
  // PGlite's CommonJS build does a dynamic import(): it must go through the transform too.
  transform: { '^.+\\.(t|j|mj|cj)s$': swc },
  transformIgnorePatterns: ['/node_modules/(?!@electric-sql)'],
  moduleFileExtensions: ['ts', 'js', 'mjs', 'cjs', 'json'],
  moduleNameMapper: {
    '^@dh/machines/(.*)$': '<rootDir>/machines/$1',
    '^@dh/([a-z-]+)$': '<rootDir>/libs/$1/src',
  },
  globalSetup: '<rootDir>/test/setup/global-setup.ts',
  globalTeardown: '<rootDir>/test/setup/global-teardown.ts',
  maxWorkers: 2,
  // Generous: a timeout here only catches a hang, and a busy 2-core machine runs the heaviest files several times slower.
  testTimeout: 180000,
};
