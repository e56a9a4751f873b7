// Real-browser test of the web app: headless Debian chromium driven by playwright-core.
//
//   node browser-test.mjs [BASE_URL] [SCREENSHOT_DIR]
//   (or CHAINGAP_URL / CHAINGAP_SHOTS; defaults http://127.0.0.1:8080/ and ./out; CHROMIUM overrides
//    /usr/bin/chromium)
//
// On the demo data: opens the app, picks 重庆市 (500000) and semiconductor in the pickers, clicks a
// 缺链 (missing) link in the chain map, checks the side panel lists target firms for that link, checks
// the URL reproduces the view, then visits 招商地图, 目标企业库 (re-rank by a weight slider) and
// what-if, and the English switch. Screenshots of each view go to SCREENSHOT_DIR. Any failed check
// exits non-zero.
import { chromium } from 'playwright-core';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const base = (process.argv[2] || process.env.CHAINGAP_URL || 'http://127.0.0.1:8080/').replace(/\/?$/, '/');
const shots = path.resolve(process.argv[3] || process.env.CHAINGAP_SHOTS || 'out');
fs.mkdirSync(shots, { recursive: true });
const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'chaingap-chromium-'));

let failures = 0;
function check(cond, what) {
  if (cond) console.log('ok   ' + what);
  else { failures++; console.log('FAIL ' + what); }
  return cond;
}

// A fresh profile directory each run (playwright passes it as --user-data-dir).
const browser = await chromium.launchPersistentContext(profile, {
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  headless: true,
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
    '--disable-component-update', '--disable-sync'],
  viewport: { width: 1440, height: 900 },
  locale: 'zh-CN',
});
const pageErrors = [];
try {
  const page = await browser.newPage();
  page.on('pageerror', (e) => pageErrors.push(String(e)));
  page.on('console', (m) => { if (m.type() === 'error') pageErrors.push(m.text()); });
  page.setDefaultTimeout(20000);

  // 1. open with no state, pick region and chain as a user would
  await page.goto(base, { waitUntil: 'load' });
  await page.waitForSelector('#region-select option[value="500000"]', { state: 'attached' });
  await page.selectOption('#region-select', '500000');
  await page.selectOption('#chain-select', 'semiconductor');
  await page.waitForFunction(() => /重庆/.test(document.querySelector('#view-chain h2')?.textContent || ''));
  const head = await page.textContent('#view-chain h2');
  check(/重庆市/.test(head) && /半导体/.test(head), `chain map heading names 重庆市 and 半导体: "${head.trim()}"`);
  const missingCount = Number((head.match(/缺链\s*(\d+)/) || [])[1]);
  check(missingCount > 0, `summary reports missing links (缺链 ${missingCount})`);
  await page.waitForSelector('[data-testid="chain-chart"] canvas');

  // 2. find a missing link's row through the rendered chart and click it
  const target = await page.evaluate(() => {
    const host = document.querySelector('[data-testid="chain-chart"]');
    const chart = window.echarts && window.echarts.getInstanceByDom(host);
    if (!chart) return null;
    const opt = chart.getOption();
    const graph = opt.series.find((s) => s.type === 'graph');
    const missingColour = '#d7301f';
    const n = graph.data.find((d) => d.id.startsWith('o:') && d.itemStyle && d.itemStyle.color === missingColour);
    if (!n) return null;
    const [x, y] = chart.convertToPixel({ seriesIndex: opt.series.indexOf(graph) }, n.value);
    const r = host.getBoundingClientRect();
    return { node: n.nodeId, x: r.left + x, y: r.top + y };
  });
  check(target !== null, 'chain map has a link drawn in the 缺链 colour');
  if (target) {
    await page.mouse.click(target.x, target.y);
    await page.waitForSelector('#side-panel:not([hidden]) [data-testid="panel-targets"]');
    await page.waitForFunction(() => !/加载中/.test(document.querySelector('[data-testid="panel-targets"]').textContent));
    const panelTitle = await page.textContent('#side-panel h3');
    const status = await page.textContent('#side-panel .panel-sub .chip');
    check(status && status.includes('缺链'), `panel for "${panelTitle}" shows status 缺链 (got "${status}")`);
    const n = await page.locator('[data-testid="panel-target"]').count();
    check(n > 0, `panel lists target firms for the missing link (${n})`);
    if (n > 0) {
      const first = await page.textContent('[data-testid="panel-target"]');
      check(/示例企业/.test(first), `first target is a named firm: "${first.slice(0, 40)}…"`);
    }
    check(page.url().includes('region=500000') && page.url().includes('chain=semiconductor') && page.url().includes('node=' + target.node),
      'URL carries region, chain and link: ' + page.url().replace(base, ''));
    await page.screenshot({ path: path.join(shots, 'chain-map.png') });
    // add the first target to the what-if list from the panel
    await page.locator('[data-testid="panel-target"] button').first().click();
    await page.waitForFunction(() => /add=E/.test(location.hash));
  }

  // 3. the URL reproduces the view in a fresh tab
  const url = page.url();
  const page2 = await browser.newPage();
  await page2.goto(url);
  await page2.waitForSelector('#side-panel:not([hidden]) h3');
  check((await page2.textContent('#side-panel h3')) === (await page.textContent('#side-panel h3')), 'copied URL reopens the same link panel');
  await page2.close();

  // 4. 招商地图
  await page.click('#tabs button[data-view="map"]');
  await page.waitForSelector('[data-testid="tile-map"] canvas');
  const mapHead = await page.textContent('#view-map h2');
  check(/各省产能占比/.test(mapHead), `map heading: "${mapHead}"`);
  await page.locator('#view-map .group-chips .chip-btn', { hasText: '长三角' }).click();
  await page.waitForFunction(() => /from=yangtze_delta/.test(location.hash));
  await page.waitForSelector('#view-map .group-total');
  check(/长三角合计/.test(await page.textContent('#view-map .group-total')), 'selecting 长三角 shows the group total');
  await page.waitForSelector('[data-testid="map-targets"] table tr, [data-testid="map-targets"] .error');
  check((await page.locator('[data-testid="map-targets"] table tr').count()) > 0, 'map lists the target firms at the link');
  await page.screenshot({ path: path.join(shots, 'map.png') });

  // 5. 目标企业库: list, live re-rank with a slider, Excel link
  await page.click('#tabs button[data-view="targets"]');
  await page.waitForSelector('[data-testid="targets-table"] tbody tr');
  const rows = await page.locator('[data-testid="targets-table"] tbody tr').count();
  check(rows > 0, `target table has rows (${rows})`);
  const firstBefore = await page.textContent('[data-testid="targets-table"] tbody tr td:nth-child(3)');
  const slider = page.locator('input[data-weight="quality"]');
  await slider.fill('0');
  await page.waitForFunction(() => /quality=0(&|$)/.test(location.hash));
  const reranked = await page.waitForFunction(() => {
    const td = document.querySelector('[data-testid="targets-table"] tbody tr td:nth-child(5)');
    return td && /企业资质: [\d.]+ × 0\.00 = 0\.000/.test(td.title || '');
  }, null, { timeout: 20000 }).then(() => true, () => false);
  check(reranked, 're-ranked list (quality weight 0 by the slider) reports weight 0 in its score components');
  const href = await page.getAttribute('[data-testid="xlsx"]', 'href');
  check(href && href.includes('targets.xlsx') && href.includes('quality=0'), 'Excel link carries the same query: ' + href);
  const resp = await page.request.get(new URL(href, page.url()).toString());
  check(resp.ok() && (resp.headers()['content-type'] || '').includes('spreadsheetml'), `Excel download answers ${resp.status()} ${resp.headers()['content-type']}`);
  console.log('     first firm before/after re-rank: ' + firstBefore + ' / ' + (await page.textContent('[data-testid="targets-table"] tbody tr td:nth-child(3)')));
  await page.screenshot({ path: path.join(shots, 'targets.png') });

  // 6. what-if: the firm added from the panel is picked; run shows before/after
  await page.click('#tabs button[data-view="whatif"]');
  await page.waitForSelector('[data-testid="whatif-result"] .total', { timeout: 30000 });
  const total = await page.textContent('[data-testid="whatif-result"] .total');
  check(/总缺口 [\d.]+ → [\d.]+/.test(total), `what-if reports the total gap before → after: "${total}"`);
  check((await page.locator('.before-after canvas').count()) >= 2, 'what-if draws the chain map before and after');
  await page.screenshot({ path: path.join(shots, 'whatif.png'), fullPage: true });

  // 7. English switch
  await page.click('[data-testid="lang-switch"]');
  await page.waitForFunction(() => document.querySelector('#tabs button[data-view="chain"]').textContent === 'Chain map');
  await page.click('#tabs button[data-view="chain"]');
  await page.waitForFunction(() => /missing/.test(document.querySelector('#view-chain h2')?.textContent || ''));
  check(/Chongqing|重庆/.test(await page.textContent('#view-chain h2')), 'English view renders the summary');
  check(page.url().includes('lang=en'), 'language is in the URL');
  await page.screenshot({ path: path.join(shots, 'chain-map-en.png') });

  // 8. an API error is shown, not swallowed
  await page.goto(base + '#region=999999&chain=semiconductor');
  await page.waitForSelector('#status-line.error, .error', { timeout: 20000 }).catch(() => null);
  const errText = (await page.textContent('#status-line')) || '';
  check(/999999/.test(errText), `unknown region shows the server's message: "${errText.slice(0, 90)}"`);
} catch (e) {
  failures++;
  console.log('FAIL ' + (e && e.stack || e));
} finally {
  await browser.close();
  fs.rmSync(profile, { recursive: true, force: true });
}
const real = pageErrors.filter((e) => !/999999|Failed to load resource/.test(e));
check(real.length === 0, 'no JavaScript errors in the page' + (real.length ? ': ' + real.join(' | ') : ''));
console.log(failures ? `${failures} check(s) failed` : 'all checks passed', '— screenshots in', shots);
process.exit(failures ? 1 : 0);
