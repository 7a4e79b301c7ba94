// Screenshots the built preview in light and dark theme at a table-row and a full-page width,
// and runs axe on each (dev only). Usage: node bench/slicemap-preview/shoot.mjs [outDir]
import { AxeBuilder } from '@axe-core/playwright';
import { createServer } from 'node:http';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize } from 'node:path';
import { chromium } from 'playwright-core';

const dir = process.argv[2] ?? '/tmp/slicemap-preview';
const types = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css' };
// Served over http: axe reads stylesheets with XHR, which file:// pages may not do.
const server = createServer(async (request, response) => {
  const path = normalize(decodeURIComponent(new URL(request.url, 'http://x').pathname));
  try {
    const body = await readFile(path.startsWith(dir) ? path : join(dir, path));
    response.writeHead(200, { 'content-type': types[extname(path)] ?? 'application/octet-stream' });
    response.end(body);
  } catch {
    response.writeHead(404).end();
  }
});
await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
const origin = `http://127.0.0.1:${server.address().port}`;
const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: [
    '--headless',
    '--no-sandbox',
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run',
  ],
});
let failures = 0;
try {
  for (const theme of ['light', 'dark']) {
    for (const width of [360, 1200]) {
      const context = await browser.newContext({ viewport: { width, height: 900 } });
      const page = await context.newPage();
      page.on('pageerror', (error) => console.log(`page error: ${error.message}`));
      page.on('console', (message) => {
        if (message.type() === 'error') console.log(`console error: ${message.text()}`);
      });
      await page.goto(`${origin}/index.html?theme=${theme}`);
      await page.waitForSelector('.gpu-partitioning-slice-map');
      const file = `${dir}/slicemap-${theme}-${width}.png`;
      await page.screenshot({ path: file, fullPage: true });
      // Each map on its own too, so details can be read at full size.
      const cards = await page
        .locator('.gpu-partitioning-slice-map, .gpu-partitioning-slice-map-legend')
        .all();
      for (const [index, card] of cards.entries()) {
        await card.screenshot({ path: `${dir}/slicemap-${theme}-${width}-${index}.png` });
      }
      const { violations } = await new AxeBuilder({ page }).analyze();
      for (const violation of violations) {
        if (violation.impact === 'serious' || violation.impact === 'critical') failures += 1;
        console.log(
          `${theme} ${width}px axe ${violation.impact} ${violation.id}: ${violation.help}`,
        );
        for (const node of violation.nodes.slice(0, 4)) {
          console.log(
            `   ${node.target.join(' ')} :: ${node.failureSummary?.split('\n')[1] ?? ''}`,
          );
        }
      }
      console.log(`${file} (${violations.length} axe violations)`);
      await context.close();
    }
  }
} finally {
  await browser.close();
  server.close();
}
process.exitCode = failures ? 1 : 0;
