// Cold loads of the storefront in headless chromium: run by bench/storefront.sh from src/main/webui.
import { createRequire } from 'node:module';
const require = createRequire(`${process.cwd()}/package.json`);
const { chromium } = require('@playwright/test');

const base = process.env.BASE_URL;
const loads = Number(process.env.LOADS ?? 20);
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking',
    '--disable-component-update', '--disable-sync', '--no-first-run'],
});
const firstCard = [];
const dcl = [];
const bytes = [];
for (let i = 0; i < loads; i++) {
  const context = await browser.newContext(); // empty cache and cookies: a first visit
  const page = await context.newPage();
  const t0 = Date.now();
  await page.goto(`${base}/`);
  await page.locator('.card').first().waitFor();
  firstCard.push(Date.now() - t0);
  const timing = await page.evaluate(() => {
    const nav = performance.getEntriesByType('navigation')[0];
    const resources = performance.getEntriesByType('resource');
    return {
      dcl: nav.domContentLoadedEventEnd,
      bytes: nav.transferSize + resources.reduce((sum, r) => sum + r.transferSize, 0),
    };
  });
  dcl.push(timing.dcl);
  bytes.push(timing.bytes);
  await context.close();
}
await browser.close();
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const p90 = (xs) => [...xs].sort((a, b) => a - b)[Math.ceil(xs.length * 0.9) - 1];
console.log(`cold loads: ${loads}`);
console.log(`first product card visible: median ${median(firstCard)} ms, p90 ${p90(firstCard)} ms`);
console.log(`DOMContentLoaded: median ${Math.round(median(dcl))} ms`);
console.log(`transferred (document, scripts, styles, API): median ${(median(bytes) / 1024).toFixed(1)} KiB`);
