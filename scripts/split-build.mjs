// Trunk post-build step, before the preview and the offline list. In a split release build
// (scripts/wasm-env.sh) the app's main wasm imports its chunks' loader, __wasm_split.js:
// this puts the loader beside the app, linked to the hashed main module and preloaded with
// it, and the chunk that scripts/bin/wasm-bindgen cut out, optimised as Trunk optimises the
// main wasm.
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
// The main module imports the loader: preload it beside the main module, so that the
// browser does not learn of it only once the main module has arrived.
const index = path.join(out, 'index.html');
const html = readFileSync(index, 'utf8');
const glue = new RegExp(`<link rel="modulepreload" href="([^"]*)${main.replace('.', '\\.')}"([^>]*)>`);
const found = html.match(glue);
if (!found) throw new Error(`split-build: no modulepreload of ${main} in index.html`);
writeFileSync(index, html.replace(found[0],
  `${found[0]}\n    <link rel="modulepreload" href="${found[1]}__wasm_split.js"${found[2]}>`));
const chunks = readdirSync(stage).filter((f) => f.endsWith('.wasm') && f !== 'main.wasm');
for (const chunk of chunks) {
  execFileSync('wasm-opt', ['-Oz', path.join(stage, chunk), '-o', path.join(out, chunk)], { stdio: 'inherit' });
}
console.log(`split-build: ${chunks.length} chunk(s): ${chunks.join(', ')}`);
