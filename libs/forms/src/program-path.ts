import { accessSync, constants, statSync } from 'node:fs';
import { delimiter, isAbsolute, join } from 'node:path';

const isExecutableFile = (file: string): boolean => {
  try {
    accessSync(file, constants.X_OK);
    return statSync(file).isFile();
  } catch {
    return false;
  }
};

// Where a program is, or null when it is not installed: a path is taken as it is, a bare name is looked up on
// PATH as a shell would (the first executable file of that name), without starting the program.
export const programPath = (program: string, searchPath = process.env.PATH ?? ''): string | null => {
  const dirs = searchPath.split(delimiter).filter(isAbsolute);
  const candidates = program.includes('/') ? [program] : dirs.map((dir) => join(dir, program));
  return candidates.find(isExecutableFile) ?? null;
};
