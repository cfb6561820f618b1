// After `vite build`: what a school connection downloads, gzipped, for the login page (the entry and what it imports)
// and for each page loaded later (its chunk and the chunks it imports that the entry does not already hold).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

const dist = join(import.meta.dirname, '..', 'dist');
const manifest = JSON.parse(readFileSync(join(dist, '.vite', 'manifest.json'), 'utf8'));
const gz = (file) => gzipSync(readFileSync(join(dist, file))).length;
const closure = (key, seen = new Set()) => {
  if (seen.has(key)) return seen;
  seen.add(key);
  for (const next of manifest[key].imports ?? []) closure(next, seen);
  return seen;
};
const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;
const sizeOf = (keys) => [...keys].reduce((sum, k) => sum + gz(manifest[k].file), 0);

const [entry] = Object.keys(manifest).filter((k) => manifest[k].isEntry);
const first = closure(entry);
const pages = Object.keys(manifest)
  .filter((k) => manifest[k].isDynamicEntry)
  .map((k) => ({ name: manifest[k].name, bytes: sizeOf([...closure(k)].filter((c) => !first.has(c))) }))
  .sort((a, b) => b.bytes - a.bytes);

console.log(`JavaScript, gzipped: login route ${kb(sizeOf(first))} (target 350 KB)`);
for (const p of pages) console.log(`  + ${p.name}: ${kb(p.bytes)} more`);
