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

// The web app's components: TSX with React's automatic runtime, in jsdom; stylesheets are nothing to a test.
const swcWeb = [
  '@swc/jest',
  {
    jsc: {
      parser: { syntax: 'typescript', tsx: true },
      transform: { react: { runtime: 'automatic' } },
      target: 'es2022',
    },
    module: { type: 'commonjs' },
  },
];

module.exports = {
  maxWorkers: 2,
  // Generous: a timeout here only catches a hang, and a busy 2-core machine runs the heaviest files several times slower.
  testTimeout: 180000,
  projects: [
    {
      displayName: 'api',
      rootDir: '.',
      testEnvironment: 'node',
      testMatch: ['<rootDir>/{apps,libs,machines,test}/**/*.spec.ts'],
      testPathIgnorePatterns: ['/node_modules/', '<rootDir>/apps/web/'],
      transform: { '^.+\\.(t|j|mj|cj)s$': swc },
      moduleFileExtensions: ['ts', 'js', 'mjs', 'cjs', 'json'],
      moduleNameMapper: {
        '^@dh/machines/(.*)$': '<rootDir>/machines/$1',
        '^@dh/([a-z-]+)$': '<rootDir>/libs/$1/src',
      },
      globalSetup: '<rootDir>/test/setup/global-setup.ts',
      globalTeardown: '<rootDir>/test/setup/global-teardown.ts',
    },
    {
      displayName: 'web',
      rootDir: '.',
      testEnvironment: 'jsdom',
      testMatch: ['<rootDir>/apps/web/src/**/*.spec.{ts,tsx}'],
      transform: { '^.+\\.(t|j)sx?$': swcWeb, '^.+\\.m?js$': swcWeb },
      transformIgnorePatterns: ['/node_modules/(?!(openapi-fetch)/)'],
      moduleFileExtensions: ['tsx', 'ts', 'js', 'mjs', 'json'],
      moduleNameMapper: {
        '\\.css$': '<rootDir>/apps/web/test/style-stub.js',
        '^@dh/machines/(.*)$': '<rootDir>/machines/$1',
        '^@dh/labels$': '<rootDir>/libs/labels/src',
      },
      setupFilesAfterEnv: ['<rootDir>/apps/web/test/setup.ts'],
    },
  ],
};
