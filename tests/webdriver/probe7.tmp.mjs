import { launch } from './engines.mjs';
import { Reader } from './reader.mjs';
import { By } from 'selenium-webdriver';
const s = await launch(process.argv[2], 4596);
const r = new Reader(s.driver, 'http://127.0.0.1:4474/');
try {
  await r.resize(1280, 800);
  await r.go('./#/doc/indo-pacific-minilateralism');
  await r.seeText('main h1', '印太地區小多邊主義的現況與前景');
  for (let i = 0; i < 3; i++) {
    await r.js(() => { window.__log = []; const t0 = performance.now(); const log = (m) => __log.push(Math.round(performance.now() - t0) + ' ' + m + ' y=' + Math.round(scrollY) + ' st=' + JSON.stringify(history.state) + ' ' + location.hash.slice(-6));
      addEventListener('scroll', () => log('scroll'), { passive: true }); addEventListener('popstate', () => log('popstate')); addEventListener('hashchange', () => log('hashchange')); addEventListener('click', () => log('click'), true);
      const orig = history.replaceState.bind(history); history.replaceState = (a, b, c) => { log('replaceState(' + a + ')'); return orig(a, b, c); };
      const so = window.scrollTo.bind(window); window.scrollTo = (...a) => { log('scrollTo(' + JSON.stringify(a) + ')'); return so(...a); };
      window.__logf = log; });
    await r.js(() => window.scrollTo(0, 1500));
    await r.driver.sleep(300);
    await (await r.driver.findElements(By.css('nav.toc a')))[i + 2].click();
    await r.driver.sleep(500);
    await r.back();
    await r.driver.sleep(1500);
    console.log(i, await r.scrollY(), (await r.js(() => __log)).join('\n  '));
  }
} finally { await s.stop(); }
