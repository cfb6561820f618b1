// altcha-lib names its type files only in package.json "exports", which this project's module resolution
// ("node", for CommonJS output) does not read. At run time Node does read them and loads the CommonJS build
// (dist/cjs/v2); these two declarations point the compiler at that build's own types.
declare module 'altcha-lib' {
  export * from 'altcha-lib/dist/cjs/v2/index';
}
declare module 'altcha-lib/algorithms/pbkdf2' {
  export * from 'altcha-lib/dist/cjs/v2/algorithms/pbkdf2';
}
