// Renders the app icons for the web app manifest from static/favicon.svg with
// Debian's Chromium (the one Playwright drives), so no image tool is needed.
// The PNGs are committed (a few KB); rerun this only when the favicon changes:
//
//   node scripts/icons.mjs
//
// icon-192/512 are the favicon as drawn; icon-maskable-512 fills the whole
// square with the background and keeps the mark inside the central 60%, the
// safe zone a platform's mask (circle, squircle) never cuts.
import { chromium } from '@playwright/test';
import { readFileSync } from 'node:fs';

const svg = readFileSync('static/favicon.svg', 'utf8');
const background = /fill="(#[0-9a-f]{6})"/i.exec(svg)[1];
const mark = `data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}`;

const icons = [
  { file: 'static/icons/icon-192.png', size: 192, inset: 0, fill: 'transparent' },
  { file: 'static/icons/icon-512.png', size: 512, inset: 0, fill: 'transparent' },
  { file: 'static/icons/icon-maskable-512.png', size: 512, inset: 0.2, fill: background },
];

const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox'] });
const page = await browser.newPage();
for (const { file, size, inset, fill } of icons) {
  const pad = Math.round(size * inset);
  await page.setViewportSize({ width: size, height: size });
  await page.setContent(
    `<body style="margin:0;background:${fill}">` +
      `<img src="${mark}" style="display:block;margin:${pad}px;width:${size - 2 * pad}px;height:${size - 2 * pad}px">`,
  );
  await page.screenshot({ path: file, omitBackground: fill === 'transparent' });
  console.log(`wrote ${file}`);
}
await browser.close();
