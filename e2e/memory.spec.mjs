// Slider moves leave nothing behind in the page (issue 11: no growth after many moves).
// Every Rust closure handed to the browser (wasm-bindgen's, named `real` in a heap snapshot)
// that is forgotten instead of dropped stays in the page for good; one forgotten per move
// grew the JS heap by about 190 KB every 1,000 moves. Counted in heap snapshots, after a
// garbage collection, before and after 200 more moves.
import { assert, openApp, waitForText, waitForEngineThreads } from './lib.mjs';

/** Live wasm-bindgen closures (JS functions named `real`) after a garbage collection. */
async function liveClosures(cdp) {
  await cdp.send('HeapProfiler.collectGarbage');
  const chunks = [];
  const take = (e) => chunks.push(e.chunk);
  cdp.on('HeapProfiler.addHeapSnapshotChunk', take);
  await cdp.send('HeapProfiler.takeHeapSnapshot', { reportProgress: false });
  cdp.off('HeapProfiler.addHeapSnapshotChunk', take);
  const snap = JSON.parse(chunks.join(''));
  const fields = snap.snapshot.meta.node_fields;
  const types = snap.snapshot.meta.node_types[0];
  const [type, name] = [fields.indexOf('type'), fields.indexOf('name')];
  let count = 0;
  for (let i = 0; i < snap.nodes.length; i += fields.length) {
    if (types[snap.nodes[i + type]] === 'closure' && snap.strings[snap.nodes[i + name]] === 'real') count++;
  }
  return count;
}

/** Moves the APBD slider `n` times, each time until the coverage card shows its answer. */
function moves(page, n) {
  return page.evaluate(async (n) => {
    const slider = document.querySelector('#f-source-0-yearly');
    const card = document.querySelector('#card-coverage');
    const max = Number(slider.max);
    const frame = () => new Promise((resolve) => requestAnimationFrame(resolve));
    let answered = 0;
    for (let i = 0; i < n; i++) {
      const before = card.innerText;
      slider.value = String(Math.round(max * (0.15 + 0.7 * ((i * 53) % 100) / 100)));
      slider.dispatchEvent(new Event('input', { bubbles: true }));
      for (let frames = 0; card.innerText === before && frames < 120; frames++) await frame();
      if (card.innerText !== before) answered++;
    }
    return answered;
  }, n);
}

export async function test({ page }) {
  await openApp(page, '/');
  await waitForText(page, 'Kota Ambon', { selector: '.region-title' });
  await waitForEngineThreads(page);
  const cdp = await page.context().newCDPSession(page);
  await moves(page, 20);
  const before = await liveClosures(cdp);
  const answered = await moves(page, 200);
  assert.ok(answered >= 100, `the moves were answered (${answered} of 200)`);
  const after = await liveClosures(cdp);
  assert.ok(after - before < 20, `live closures ${before} → ${after} over 200 moves: one kept per move?`);
}

// On a slow laptop (the CPU slowed 6×) the app's answer to a move may come after the next
// move: the slider's range must stay under the thumb all the same (it widened, 10 → 20 → 50
// miliar, when such an answer was taken for a value from elsewhere; the moves below, made in
// the first range, then mostly hit 100% and stopped changing the answer).
export async function testTheSlidersRangeStaysPutOnASlowLaptop({ page }) {
  await openApp(page, '/');
  await waitForText(page, 'Kota Ambon', { selector: '.region-title' });
  await waitForEngineThreads(page);
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 6 });
  const ranges = await page.evaluate(async (n) => {
    const slider = document.querySelector('#f-source-0-yearly');
    const card = document.querySelector('#card-coverage');
    const frame = () => new Promise((resolve) => requestAnimationFrame(resolve));
    const max = Number(slider.max);
    const seen = new Set([slider.max]);
    for (let i = 0; i < n; i++) {
      const before = card.innerText;
      slider.value = String(Math.round(max * (0.15 + 0.7 * ((i * 53) % 100) / 100)));
      slider.dispatchEvent(new Event('input', { bubbles: true }));
      for (let frames = 0; card.innerText === before && frames < 120; frames++) await frame();
      seen.add(slider.max);
    }
    return [...seen];
  }, 60);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 });
  assert.deepEqual(ranges, [ranges[0]], `the slider's top moved during the moves: ${ranges.join(' → ')}`);
}
