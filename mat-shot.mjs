// Scratch (not committed).
import { readFileSync } from 'node:fs';
import { chromium } from 'playwright-core';
import { WEBGPU_ARGS, chromiumEnv, findChromium } from './scripts/chromium.mjs';
const [url, example, out, waitMs = '60000', apply = ''] = process.argv.slice(2);
const exe = findChromium();
const browser = await chromium.launch({ executablePath: exe, args: WEBGPU_ARGS, env: chromiumEnv(exe) });
const page = await browser.newPage({ viewport: { width: 1280, height: 720 } });
page.on('console', (m) => { if (m.type() === 'error' || m.type() === 'warning') console.log('console:', m.text().slice(0, 300)); });
await page.goto(url);
await page.waitForFunction(() => window.studio?.ready, null, { timeout: 120000 });
await page.evaluate(() => window.studio.ready);
const spec = JSON.parse(readFileSync(`public/examples/${example}.json`, 'utf8'));
await page.evaluate((s) => window.studio.generate(s), spec);
if (apply) {
  const plan = JSON.parse(apply);
  const r = await page.evaluate((plan) => {
    const s = window.studio;
    const objs = s.objects();
    const out = [];
    for (const [match, preset, opts] of plan) {
      const o = objs.find((o) => o.id.startsWith(match));
      if (!o) { out.push('missing ' + match); continue; }
      const id = s.materials.list().find((m) => m.id === preset || m.id.includes(preset))?.id;
      if (!id) { out.push('no preset ' + preset); continue; }
      s.materials.apply([o.id], id, opts ?? {});
      out.push(o.id + ' <- ' + id);
    }
    return out;
  }, plan);
  console.log(r.join('\n'));
}
if (process.env.CAM) { const c = JSON.parse(process.env.CAM); await page.evaluate((c) => window.studio.debug.setCamera?.(c), c); }
if (process.env.FOCUS) { await page.evaluate((id) => window.studio.select([id]), process.env.FOCUS); await page.mouse.move(640, 400); await page.keyboard.press('f'); await page.evaluate(() => window.studio.select([])); }
await page.waitForTimeout(+waitMs);
if (process.env.OPEN) { await page.mouse.click(640, 400); await page.keyboard.press('m'); await page.waitForTimeout(15000); }
await page.screenshot({ path: out });
console.log(JSON.stringify(await page.evaluate(() => window.studio.materials.cacheStats())));
await browser.close();
