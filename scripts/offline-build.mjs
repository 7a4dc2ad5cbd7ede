// Trunk post-build hook (see Trunk.toml): writes the service worker into the build with the
// list of files to precache and a version that changes whenever any of them changes.
//
//   TRUNK_STAGING_DIR=dist node scripts/offline-build.mjs
//
// web/sw.js is copied by index.html (<link data-trunk rel="copy-file">); this replaces its
// `/* PAYUNG_BUILD */ {…}` placeholder. A build without the hook keeps the placeholder,
// whose empty file list precaches nothing.
import { createHash } from 'node:crypto';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';

const dir = process.env.TRUNK_STAGING_DIR;
if (!dir) {
  console.error('offline-build: TRUNK_STAGING_DIR is not set (run as a Trunk hook)');
  process.exit(2);
}

// Every file below `dir`, as a path relative to it with forward slashes, sorted.
async function files(root, sub = '') {
  const out = [];
  for (const entry of await readdir(path.join(root, sub), { withFileTypes: true })) {
    const rel = sub ? `${sub}/${entry.name}` : entry.name;
    if (entry.isDirectory()) out.push(...(await files(root, rel)));
    else out.push(rel);
  }
  return out.sort();
}

const SW = 'sw.js';
// The explainer page is an example of embedding, not part of the app.
const skip = new Set([SW, 'explainer.html']);
const list = (await files(dir)).filter((f) => !skip.has(f));
const hash = createHash('sha256');
for (const f of list) {
  hash.update(f);
  hash.update('\0');
  hash.update(await readFile(path.join(dir, f)));
}
const version = hash.digest('hex').slice(0, 16);
// './' is what a visit to the app's address asks for; index.html answers it.
const build = { version, files: ['./', ...list] };

const swPath = path.join(dir, SW);
const template = await readFile(swPath, 'utf8');
const placeholder = /\/\* PAYUNG_BUILD \*\/ \{[^}]*\}/;
if (!placeholder.test(template)) {
  console.error(`offline-build: no /* PAYUNG_BUILD */ placeholder in ${swPath}`);
  process.exit(1);
}
await writeFile(swPath, template.replace(placeholder, JSON.stringify(build)));
console.log(`offline-build: ${SW} version ${version}, ${build.files.length} files`);
