// Smoke test: the built app loads, renders its <main>, and does so without console
// errors, CSP violations or requests leaving 127.0.0.1 (all checked by e2e/suite.test.mjs).
import { openApp } from './lib.mjs';

export async function test({ page, screenshot }) {
  await openApp(page, '/');
  await screenshot('smoke');
}
