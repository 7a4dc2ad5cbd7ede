// Trunk post-build step, before the preview and the offline list. In a split release build
// (scripts/wasm-env.sh) the app's main wasm imports its chunks' loader, __wasm_split.js:
// this puts the loader beside the app, linked to the hashed main module, and each chunk
// that scripts/bin/wasm-bindgen cut out, optimised as Trunk optimises the main wasm.
// In any other build there is nothing to do.
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import path from 'node:path';

const out = process.env.TRUNK_STAGING_DIR ?? process.argv[2];
const main = readdirSync(out).find((f) => /^payung-web-[0-9a-f]+\.js$/.test(f));
if (!main) throw new Error(`split-build: no payung-web-*.js in ${out}`);
if (!readFileSync(path.join(out, main), 'utf8').includes('__wasm_split.js')) {
  console.log('split-build: not a split build');
  process.exit(0);
}
const stage = readFileSync('target/.payung-split-stage', 'utf8').trim();
const loader = path.join(stage, '__wasm_split.js');
if (!existsSync(loader)) throw new Error(`split-build: no ${loader}`);
writeFileSync(path.join(out, '__wasm_split.js'),
  readFileSync(loader, 'utf8').replace('"./main.js"', `"./${main}"`));
const chunks = readdirSync(stage).filter((f) => f.endsWith('.wasm') && f !== 'main.wasm');
for (const chunk of chunks) {
  execFileSync('wasm-opt', ['-Oz', path.join(stage, chunk), '-o', path.join(out, chunk)], { stdio: 'inherit' });
}
console.log(`split-build: ${chunks.length} chunk(s): ${chunks.join(', ')}`);
