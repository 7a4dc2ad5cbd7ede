// One language at a time: with every section open, the visible text of the page holds no
// raw field name (snake_case) and no word of the other language, in either language.
// Citations (a source's title, a regulation's name) stay in their own language and are
// left out, as are names the scenario's data gives (region and source names).
import { assert, openApp, waitFor, waitForText } from './lib.mjs';

// Words that only the other language uses (whole words, case-insensitive).
const INDONESIAN = ['dan', 'yang', 'dari', 'untuk', 'dengan', 'tidak', 'pekerja', 'tahun', 'miliar', 'juta', 'triliun',
  'kustom', 'tampilkan', 'sumber', 'anggaran', 'perkiraan', 'kondisi', 'bulan', 'terlindungi', 'cakupan', 'biaya',
  'iuran', 'manfaat', 'sisa', 'dibayar', 'tersimpan', 'simpan', 'unduh', 'salin', 'tautan', 'belum', 'sejak', 'per tahun'];
const ENGLISH = ['the', 'and', 'of', 'with', 'workers', 'worker', 'billion', 'million', 'trillion', 'custom', 'year',
  'years', 'estimate', 'show', 'cover', 'covered', 'paid', 'budget', 'save', 'download', 'copy', 'link', 'month', 'since'];

/** The page's visible text with every <details> open, citations and data names left out. */
async function visibleText(page) {
  await page.evaluate(() => {
    for (const d of document.querySelectorAll('details')) d.open = true;
  });
  // Opening details renders lazily-built sections (the embed generator): wait for a frame.
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
  return page.evaluate(() => {
    const root = document.querySelector('.app').cloneNode(true);
    const skip = ['.note-source', '.info-refs', '.brief', 'select#preset', '.share-row input', '.link-text', 'code', 'svg'];
    for (const s of skip) for (const el of root.querySelectorAll(s)) el.remove();
    document.body.appendChild(root);
    root.style.position = 'absolute';
    root.style.left = '-100000px';
    const text = root.innerText;
    root.remove();
    return text;
  });
}

// Numbers grouped the other language's way: "40.393" in English, "40,393" in Indonesian
// (a thousands group after a separator, not followed by another digit or separator digit;
// "Rp3,024 miliar" is a decimal before a unit word, not a group).
const UNIT = '(?!\\s*(?:miliar|juta|triliun|billion|million|trillion))';
const GROUPED = {
  id: new RegExp(`\\d,\\d{3}(?![\\d])(?![.,]\\d)${UNIT}`, 'g'),
  en: new RegExp(`\\d\\.\\d{3}(?![\\d])(?![.,]\\d)${UNIT}`, 'g'),
};

function findings(text, words, names, grouping) {
  let cleaned = text;
  for (const n of names) cleaned = cleaned.split(n).join(' ');
  const raw = [...cleaned.matchAll(/\b[a-z]+(?:_[a-z0-9]+)+\b/g)].map((m) => m[0]);
  for (const m of cleaned.matchAll(grouping)) raw.push(`number grouped the other way: …${cleaned.slice(Math.max(0, m.index - 30), m.index + 20)}…`);
  const other = words.filter((w) => new RegExp(`(^|[^\\p{L}])${w}(?=[^\\p{L}]|$)`, 'iu').test(cleaned));
  const context = other.map((w) => {
    const m = new RegExp(`.{0,40}(^|[^\\p{L}])${w}(?=[^\\p{L}]|$).{0,40}`, 'iu').exec(cleaned);
    return `${w}: …${m?.[0]}…`;
  });
  return { raw, context };
}

async function dataNames(page) {
  return page.evaluate(() => {
    const names = [...document.querySelectorAll('.source-name')].map((i) => i.value);
    names.push(document.querySelector('#region-name')?.value ?? '');
    return names.filter(Boolean).sort((a, b) => b.length - a.length);
  });
}

export async function testOneLanguageAtATime({ page }) {
  await openApp(page, '/');
  await waitFor(page, () => document.querySelectorAll('.chart svg').length === 3, undefined, { message: 'three charts' });
  await waitForText(page, 'Cari anggaran', { selector: 'main' });
  const names = await dataNames(page);
  const id = findings(await visibleText(page), ENGLISH, names, GROUPED.id);
  assert.match(await page.title(), /Simulator Perlindungan Pekerja Rentan/);
  await page.click('#toggle-lang');
  await waitForText(page, 'Coverage at the end', { selector: '#card-coverage' });
  // The browser tab's title too.
  assert.match(await page.title(), /Vulnerable Workers' Protection Simulator/);
  const typed = await page.evaluate(() => [...document.querySelectorAll('input[inputmode="decimal"]')].map((i) => i.value).join('\n'));
  const en = findings(`${await visibleText(page)}\n${typed}`, INDONESIAN, names, GROUPED.en);
  const report = [
    ...id.raw.map((r) => `ID raw field name: ${r}`),
    ...id.context.map((c) => `ID has English ${c}`),
    ...en.raw.map((r) => `EN raw field name: ${r}`),
    ...en.context.map((c) => `EN has Indonesian ${c}`),
  ];
  assert.deepEqual(report, [], report.join('\n'));
}
