// Serves a built app compressed (brotli or gzip), as a real host would:
//
//   node scripts/serve-dist.mjs [DIR=dist] [PORT=8080]
//
// `trunk serve` does not compress; use this to see the app as users download it (and for
// Lighthouse, which scripts/test.sh runs against it).
import { serve } from '../e2e/static-server.mjs';

const dir = process.argv[2] ?? 'dist';
const port = Number(process.argv[3] ?? 8080);
const server = await serve(dir, { port });
console.log(`serving ${dir} compressed at ${server.url} (Ctrl-C stops)`);
