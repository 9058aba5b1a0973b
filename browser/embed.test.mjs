// What a visitor sees on a third-party page, in a real Chromium (issue 13).
//
// Starts the built api and badge-service jars against PostgreSQL on 127.0.0.1:5432 (a database of its own, dropped
// at the end), serves a page from another origin (http://localhost:<port>, while the services answer on 127.0.0.1)
// that pastes every embed code of /api/badge/{slug}/snippets for two tools — light, dark and auto, and <picture> —
// and checks, with the reader preferring light, then dark, then on a 320 px phone:
//   * every image decodes (naturalWidth > 0), typo'd and unknown badges included (they are images now);
//   * every widget frame is 360×260, filled by the card, without scrollbars;
//   * a click in the widget and a click on a badge land on the review page (200, HTML, the tool's name);
//   * the makers' stats (as admin) grew by exactly what the browser loaded and clicked: kinds, placements, and
//     referrer hosts — the widget's click credited to the page that framed it, not to the badge service.
// Screenshots go to browser/target/*.png. Never downloads a browser: Debian's /usr/bin/chromium.
//
// Environment: BROWSER_TOOLS (two slugs, comma-separated); BUILD_DIR, PGHOST/PGPORT/PGUSER and CHROMIUM as in
// services.mjs, which starts and stops the services.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { Services, OUT, BUILD_DIR, CHROMIUM, CHROMIUM_ARGS, PG, freePort } from './services.mjs';

const DB = 'shiporskip_browser';
const TOOLS = (process.env.BROWSER_TOOLS || 'gemini-2-5-flash-native-audio-output,smolvlm2-2b').split(',');
const ADMIN = { email: 'admin@browser.test', password: randomBytes(12).toString('hex') };

// The whole step stops by itself: a hard deadline well under the 3 minutes it may take.
const DEADLINE_MS = Number(process.env.BROWSER_DEADLINE_MS || 170_000);
const started = Date.now();
const log = (...a) => console.log(`[browser +${((Date.now() - started) / 1000).toFixed(1)}s]`, ...a);

let services, api, badge, page, servers = [], browser;

const esc = (s) => String(s).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** A Markdown badge as a Markdown renderer would show it: [![alt](image)](link) → <a><img></a>. */
function markdownToHtml(md) {
  const m = /^\[!\[(.*)\]\((\S+?)\)\]\((\S+?)\)$/.exec(md);
  assert.ok(m, `the Markdown snippet is a linked image: ${md}`);
  const alt = m[1].replace(/\\(.)/g, '$1');
  return `<a href="${esc(m[3])}"><img src="${esc(m[2])}" alt="${alt}"></a>`;
}

/** The third-party page: every snippet of both tools, on a light section, a dark one, and one following the reader. */
function snippetPage(snippets) {
  const section = (title, cls, theme, s) => `
    <section class="${cls}"><h2>${esc(title)}</h2>
      <figure data-tool="${s.slug}" data-kind="html-${theme}">${s.themes[theme].html}</figure>
      <figure data-tool="${s.slug}" data-kind="markdown-${theme}">${markdownToHtml(s.themes[theme].markdown)}</figure>
      ${theme === 'auto' ? `<figure data-tool="${s.slug}" data-kind="picture">${s.picture}</figure>` : ''}
      <figure data-tool="${s.slug}" data-kind="iframe-${theme}">${s.themes[theme].iframe}</figure>
    </section>`;
  const body = snippets.map((s) => `
    <article><h1>${esc(s.name)} <small>${esc(s.slug)}</small></h1>
      ${section('On a light page', 'light', 'light', s)}
      ${section('On a dark page', 'dark', 'dark', s)}
      ${section('Following the reader (auto)', 'auto', 'auto', s)}
    </article>`).join('');
  return `<!doctype html><html lang="en"><head><meta charset="utf-8">
    <meta name="viewport" content="width=device-width,initial-scale=1"><title>A maker's site</title>
    <style>
      body{margin:0;font:15px/1.4 sans-serif;color:#1f2328;background:#f6f8fa}
      article{padding:8px 16px} h1{font-size:18px} h2{font-size:14px;margin:0 0 8px}
      section{padding:12px;margin:0 0 12px;border-radius:8px;display:flex;flex-wrap:wrap;gap:10px 12px;align-items:flex-start}
      section h2{flex:0 0 100%}
      figure{margin:0;min-width:0;max-width:100%}
      figure[data-kind^="html"],figure[data-kind^="markdown"],figure[data-kind="picture"]{flex:0 1 360px}
      /* what Markdown renderers (GitHub's included) do to images in rendered Markdown */
      figure[data-kind^="markdown"] img{max-width:100%;height:auto}
      .light{background:#ffffff;color:#1f2328} .dark{background:#0d1117;color:#e6edf3}
      .auto{background:#ffffff;color:#1f2328}
      @media (prefers-color-scheme: dark){ body{background:#010409;color:#e6edf3} .auto{background:#0d1117;color:#e6edf3} }
    </style></head><body>${body}</body></html>`;
}

/** Typos and unknown tools, as pasted by someone in a hurry: all must still be images and cards. */
function errorPage(badgeBase, slug) {
  const imgs = [`${slug}?style=flat-squared`, `${slug}?theme=Dark`, `${slug}?src=github`, slug.toUpperCase(),
    'no-such-tool-anywhere', `no-such-tool-anywhere?style=flat`];
  const frames = [`${slug}?theme=Dark`, 'no-such-tool-anywhere?theme=dark', slug.toUpperCase()];
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Typos</title>
    <style>body{margin:0;padding:16px;background:#ffffff;font:14px sans-serif} figure{margin:0 0 10px}</style></head><body>
    ${imgs.map((q) => `<figure data-kind="error-img"><img src="${esc(`${badgeBase}/api/badge/${q}`)}" alt="typo"></figure>`).join('')}
    ${frames.map((q) => `<figure data-kind="error-frame"><iframe src="${esc(`${badgeBase}/embed/${q}`)}" width="360" height="260" style="border:0;border-radius:16px;max-width:100%"></iframe></figure>`).join('')}
    </body></html>`;
}

// ---------------------------------------------------------------------------------------------------------------
// What the browser fetched from badge-service: every counted kind of answer, with its placement and Referer host.
// ---------------------------------------------------------------------------------------------------------------
class Ledger {
  constructor(badgeBase, siteBase) {
    this.badgeBase = badgeBase;
    this.siteBase = siteBase; // loads from our own review pages are previews: discarded as ownPage, counted nowhere
    this.events = []; // {slug, kind: badge|embed|click, placement, host}
    this.pending = [];
  }

  watch(context) {
    context.on('response', (response) => this.pending.push(this.record(response)));
  }

  async record(response) {
    const url = new URL(response.url());
    if (url.origin !== this.badgeBase) return;
    const m = /^\/(api\/badge|embed|api\/badge-click)\/([^/]+)$/.exec(url.pathname);
    if (!m) return;
    const status = response.status();
    const kind = { 'api/badge': 'badge', embed: 'embed', 'api/badge-click': 'click' }[m[1]];
    if (kind === 'click' ? status !== 302 : status !== 200 && status !== 304) return; // errors are never counted
    const referer = await response.request().headerValue('referer');
    const refererHost = referer ? new URL(referer).hostname : null;
    const src = url.searchParams.get('src');
    // What badge-service must have credited: the Referer's host, except for a click from inside the widget
    // (its Referer is the widget itself), which belongs to the page that framed the widget: "via".
    const fromWidget = kind === 'click' && referer && referer.startsWith(`${this.badgeBase}/embed/`);
    this.events.push({
      slug: m[2], kind, referer, own: !!referer && new URL(referer).origin === this.siteBase, placement: src || (kind === 'embed' ? 'embed' : 'unspecified'),
      host: fromWidget ? url.searchParams.get('via') : refererHost,
    });
  }

  async settle() {
    await Promise.all(this.pending);
    this.pending = [];
  }

  /** The stats a maker must see for the slug, built from what the browser did. */
  expected(slug) {
    const ev = this.events.filter((e) => e.slug === slug && !e.own);
    const ownPage = this.events.filter((e) => e.slug === slug && e.own).length;
    const n = (kind) => ev.filter((e) => e.kind === kind).length;
    const group = (key) => {
      const map = new Map();
      for (const e of ev) {
        const k = e[key] ?? null;
        const g = map.get(k) || { impressions: 0, clicks: 0 };
        if (e.kind === 'click') g.clicks++; else g.impressions++;
        map.set(k, g);
      }
      return Object.fromEntries([...map].map(([k, v]) => [String(k), v]).sort());
    };
    return { badge: n('badge'), embed: n('embed'), clicks: n('click'), referrers: group('host'), placements: group('placement'), ownPage };
  }
}

/** The same shape from the stats route (deltas against a first reading). */
function actual(stats, before) {
  const list = (rows, key) => {
    const out = {};
    for (const r of rows) out[String(r[key])] = { impressions: r.impressions, clicks: r.clicks };
    return out;
  };
  const minus = (a, b) => {
    const out = {};
    for (const [k, v] of Object.entries(a)) {
      const o = b[k] || { impressions: 0, clicks: 0 };
      const d = { impressions: v.impressions - o.impressions, clicks: v.clicks - o.clicks };
      if (d.impressions || d.clicks) out[k] = d;
    }
    return Object.fromEntries(Object.entries(out).sort());
  };
  const t = stats.totals;
  const b = before.totals;
  return {
    badge: t.badge.direct - b.badge.direct, embed: t.embed.direct - b.embed.direct, clicks: t.clicks - b.clicks,
    referrers: minus(list(stats.referrers, 'host'), list(before.referrers, 'host')),
    placements: minus(list(stats.placements, 'placement'), list(before.placements, 'placement')),
    bots: t.badge.bot + t.embed.bot - b.badge.bot - b.embed.bot,
    discarded: t.discarded - b.discarded,
    ownPage: t.discardedBy.ownPage - b.discardedBy.ownPage,
  };
}

let token;
async function stats(slug) {
  const r = await fetch(`${badge}/api/makers/tools/${slug}/stats`, { headers: { Authorization: `Bearer ${token}` } });
  assert.equal(r.status, 200, `stats of ${slug}`);
  return r.json();
}

/** Scrolls every frame and image into view (the iframe snippet is lazy) and waits until each has loaded. */
async function loadEverything(p) {
  for (const el of await p.locator('iframe, img').all()) await el.scrollIntoViewIfNeeded();
  await p.waitForFunction(() => [...document.images].every((i) => i.complete), null, { timeout: 15_000 });
  for (const f of p.frames().filter((f) => f !== p.mainFrame())) await f.waitForLoadState('load');
  await p.evaluate(() => window.scrollTo(0, 0));
}

/**
 * A whole-page screenshot with every widget painted: cross-origin frames outside the viewport are not painted in a
 * "full page" capture, so the viewport is made as tall as the page for the shot.
 */
async function shot(p, file) {
  const viewport = p.viewportSize();
  const height = await p.evaluate(() => document.documentElement.scrollHeight);
  await p.setViewportSize({ width: viewport.width, height: Math.min(height, 8000) });
  await p.waitForTimeout(400);
  await p.screenshot({ path: join(OUT, file) });
  await p.setViewportSize(viewport);
}

async function checkImagesDecode(p, where) {
  const images = await p.$$eval('figure img', (imgs) => imgs.map((i) => ({
    src: i.currentSrc, ok: i.complete && i.naturalWidth > 0, width: i.getBoundingClientRect().width,
  })));
  assert.ok(images.length > 0, `${where}: images on the page`);
  for (const i of images) assert.ok(i.ok, `${where}: ${i.src} decodes (naturalWidth > 0)`);
  return images;
}

/** Each widget frame: 360×260 (or narrower on a phone), the card fills it, nothing scrolls inside it. */
async function checkFrames(p, where, width) {
  const frames = await p.locator('figure[data-kind^="iframe"] iframe').all();
  assert.ok(frames.length > 0, `${where}: widget frames`);
  for (const el of frames) {
    const box = await el.boundingBox();
    assert.equal(Math.round(box.height), 260, `${where}: frame height`);
    assert.equal(Math.round(box.width), width, `${where}: frame width`);
    const frame = await (await el.elementHandle()).contentFrame();
    const inner = await frame.evaluate(() => {
      const d = document.documentElement;
      const card = document.querySelector('.w').getBoundingClientRect();
      return { sw: d.scrollWidth, cw: d.clientWidth, sh: d.scrollHeight, ch: d.clientHeight, cardH: card.height, cardW: card.width,
        overflow: getComputedStyle(d).overflow, cta: document.querySelector('.cta')?.textContent };
    });
    assert.ok(inner.sw <= inner.cw && inner.sh <= inner.ch, `${where}: no scrollbars in the widget ${JSON.stringify(inner)}`);
    assert.equal(Math.round(inner.cardH), 260, `${where}: the card fills the frame's height (no dead space)`);
    assert.equal(Math.round(inner.cardW), width, `${where}: the card fills the frame's width`);
    assert.match(inner.cta, /Read the full review/, `${where}: a call to action`);
  }
}

/** Follows a click to the review page; checks it and loads everything on it (its preview badge and widget count nowhere). */
async function followToReview(context, click, slug, name, where) {
  const [popup] = await Promise.all([context.waitForEvent('page'), click()]);
  await popup.waitForLoadState('load');
  const landed = await popup.evaluate(() => ({
    url: location.href, status: performance.getEntriesByType('navigation')[0].responseStatus,
    type: document.contentType, h1: document.querySelector('h1')?.textContent,
  }));
  assert.ok(landed.url.startsWith(`${api}/tool/${slug}?`), `${where}: landed on the review page, not ${landed.url}`);
  assert.equal(landed.status, 200, `${where}: the review page answered 200`);
  assert.equal(landed.type, 'text/html', `${where}: the review page is HTML`);
  assert.equal(landed.h1?.trim(), name, `${where}: the review page names the tool`);
  await loadEverything(popup);
  return popup;
}

before(async () => {
  const deadline = setTimeout(() => {
    console.error(`[browser] still running after ${DEADLINE_MS / 1000} s: stopping`);
    (services ? services.stop() : Promise.resolve()).finally(() => process.exit(1));
  }, DEADLINE_MS);
  deadline.unref();
  services = await Services.prepare({ database: DB, tmpPrefix: 'shiporskip-browser-' });
  ({ api, badge } = services);
  // Another site than the services: a different host name, so the Referer, ORB and cross-site rules are real.
  page = `http://localhost:${await freePort()}`;
  log(`PostgreSQL ${PG.host}:${PG.port}/${DB}; api ${api}; badge-service ${badge}; page ${page}; jars from ${BUILD_DIR}/`);
  await services.start({ admin: ADMIN, api: { SHIPORSKIP_MAIL_MOCK: 'true' } });
  log('both services ready');

  const signIn = await fetch(`${api}/api/auth/token`, {
    method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(ADMIN),
  });
  assert.equal(signIn.status, 200, 'the admin signs in');
  token = (await signIn.json()).accessToken;

  browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  log(`Chromium ${browser.version()}`);
});

after(async () => {
  try {
    if (browser) await browser.close();
  } finally {
    for (const s of servers) s.close();
    if (services) await services.stop();
    log('stopped');
  }
});

test('snippets on a third-party page, in light, dark and on a phone; clicks reach the review page; stats add up', async () => {
  // The embed codes, exactly as a maker copies them.
  const snippets = [];
  for (const slug of TOOLS) {
    const r = await fetch(`${badge}/api/badge/${slug}/snippets`);
    assert.equal(r.status, 200, `snippets of ${slug}`);
    const s = await r.json();
    assert.ok(s.themes && s.themes.light && s.themes.dark && s.themes.auto,
      `snippets of ${slug} come in light, dark and auto (is ${BUILD_DIR}/ of badge-service built from this checkout?)`);
    const verdict = await (await fetch(`${api}/api/tools/${slug}/verdict`)).json();
    snippets.push({ ...s, slug, name: verdict.name });
  }
  const before = Object.fromEntries(await Promise.all(TOOLS.map(async (s) => [s, await stats(s)])));

  const pages = { '/': snippetPage(snippets), '/typos': errorPage(badge, TOOLS[0]) };
  const serve = (req, res) => {
    const body = pages[new URL(req.url, page).pathname];
    res.writeHead(body ? 200 : 404, { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store' });
    res.end(body || 'not found');
  };
  const port = Number(new URL(page).port);
  for (const host of ['127.0.0.1', '::1']) {
    const server = createServer(serve);
    await new Promise((res) => server.once('error', res).listen(port, host, res)); // ::1 may not exist: fine
    servers.push(server);
  }

  const ledger = new Ledger(badge, api);
  // A reader's browser: the headless marker taken out of the User-Agent so loads count as a person's (direct).
  const userAgent = (await browser.newPage().then(async (p) => { const ua = await p.evaluate(() => navigator.userAgent); await p.close(); return ua; }))
    .replace('HeadlessChrome', 'Chrome');
  const [first, second] = snippets;

  for (const scheme of ['light', 'dark']) {
    const context = await browser.newContext({ colorScheme: scheme, userAgent, viewport: { width: 1280, height: 900 } });
    ledger.watch(context);
    const p = await context.newPage();
    const response = await p.goto(`${page}/`);
    assert.equal(response.status(), 200);
    await loadEverything(p);
    await checkImagesDecode(p, scheme);
    await checkFrames(p, scheme, 360);
    // The <picture> follows the reader's preference; so does the auto badge, inside the image.
    const pictureSrc = await p.$eval(`figure[data-kind="picture"][data-tool="${first.slug}"] img`, (i) => i.currentSrc);
    assert.match(pictureSrc, new RegExp(`theme=${scheme}&src=site`), `${scheme}: <picture> picked the ${scheme} badge`);
    const widgetScheme = await p.frameLocator(`figure[data-kind="iframe-auto"][data-tool="${first.slug}"] iframe`)
      .locator('body').evaluate(() => getComputedStyle(document.querySelector('.w')).backgroundColor);
    assert.equal(widgetScheme, scheme === 'dark' ? 'rgb(13, 17, 23)' : 'rgb(255, 255, 255)', `${scheme}: the auto widget follows the reader`);
    await shot(p, `page-${scheme}.png`);

    if (scheme === 'dark') {
      // A click inside the widget (the dark one of the first tool): a new tab on the review page.
      const frame = p.frameLocator(`figure[data-kind="iframe-dark"][data-tool="${first.slug}"] iframe`);
      const review = await followToReview(context, () => frame.locator('a.w').click(), first.slug, first.name, 'widget click');
      await shot(review, 'review-from-widget.png');
      await review.close();
    } else {
      // A click on the light HTML badge of the second tool.
      const review = await followToReview(context,
        () => p.locator(`figure[data-kind="html-light"][data-tool="${second.slug}"] a`).click(), second.slug, second.name, 'badge click');
      await review.close();
    }
    await p.close();
    await ledger.settle();
    await context.close();
  }

  // A 320 px phone: nothing scrolls sideways, badges and the widget shrink to the column.
  {
    const context = await browser.newContext({ colorScheme: 'light', userAgent, viewport: { width: 320, height: 640 }, isMobile: true, hasTouch: true });
    ledger.watch(context);
    const p = await context.newPage();
    await p.goto(`${page}/`);
    await loadEverything(p);
    const images = await checkImagesDecode(p, 'phone');
    const width = await p.evaluate(() => ({ scroll: document.documentElement.scrollWidth, client: document.documentElement.clientWidth }));
    assert.ok(width.scroll <= 320, `phone: the page does not scroll sideways (${JSON.stringify(width)})`);
    for (const i of images) assert.ok(i.width <= 320 - 2 * 16 - 2 * 12 + 0.5, `phone: ${i.src} fits the column (${i.width}px)`);
    await checkFrames(p, 'phone', 320 - 2 * 16 - 2 * 12);
    await shot(p, 'page-phone.png');
    await p.close();
    await ledger.settle();
    await context.close();
  }

  // Typos and unknown tools: images and widget cards all the same (they used to be JSON, blocked by ORB).
  {
    const context = await browser.newContext({ userAgent, viewport: { width: 900, height: 900 } });
    ledger.watch(context);
    const p = await context.newPage();
    const statuses = [];
    p.on('response', (r) => { if (r.url().startsWith(badge)) statuses.push(r.status()); });
    await p.goto(`${page}/typos`);
    await loadEverything(p);
    await checkImagesDecode(p, 'typos');
    for (const el of await p.locator('figure[data-kind="error-frame"] iframe').all()) {
      const frame = await (await el.elementHandle()).contentFrame();
      const heading = await frame.evaluate(() => document.querySelector('.nm')?.textContent);
      assert.match(heading || '', /Unknown badge theme|Unknown tool|Check the badge address/, 'typos: a designed error card in the frame');
    }
    assert.ok(statuses.length >= 9 && statuses.every((s) => s === 400 || s === 404), `typos: answered 400/404 (${statuses})`);
    await shot(p, 'typos.png');
    await p.close();
    await ledger.settle();
    await context.close();
  }

  // The makers' numbers grew by exactly what the browser loaded and clicked (caps: 60 views and 10 clicks per
  // client and tool a minute; this run stays well under them, so only our own review page's previews are discarded).
  for (const s of snippets) {
    const want = ledger.expected(s.slug);
    assert.ok(want.badge >= 8 && want.embed >= 4 && want.badge + want.embed < 60, `${s.slug}: a real load, under the cap (${JSON.stringify(want)})`);
    let got;
    for (let i = 0; i < 40; i++) { // the counter flushes every second
      got = actual(await stats(s.slug), before[s.slug]);
      if (got.badge + got.embed + got.clicks >= want.badge + want.embed + want.clicks) break;
      await new Promise((r) => setTimeout(r, 250));
    }
    await new Promise((r) => setTimeout(r, 1200)); // one more flush: nothing more may arrive
    got = actual(await stats(s.slug), before[s.slug]);
    log(`${s.slug}: browser ${JSON.stringify(want)}`);
    log(`${s.slug}: stats   ${JSON.stringify(got)}`);
    assert.equal(got.bots, 0, `${s.slug}: a browser is no bot`);
    assert.equal(got.ownPage, want.ownPage, `${s.slug}: the review page's previews, discarded as ownPage`);
    assert.equal(got.discarded, want.ownPage, `${s.slug}: nothing else discarded`);
    assert.deepEqual({ badge: got.badge, embed: got.embed, clicks: got.clicks }, { badge: want.badge, embed: want.embed, clicks: want.clicks },
      `${s.slug}: impressions and clicks`);
    assert.deepEqual(got.placements, want.placements, `${s.slug}: placements`);
    assert.deepEqual(got.referrers, want.referrers, `${s.slug}: referrer hosts`);
  }
  assert.ok(ledger.expected(first.slug).ownPage >= 2 && ledger.expected(second.slug).ownPage >= 2,
    'the review pages loaded their preview badge and widget, and those counted nowhere');
  const widgetClick = ledger.events.find((e) => e.kind === 'click' && e.referer?.startsWith(`${badge}/embed/`));
  assert.ok(widgetClick, 'the widget click was made from inside the widget (its Referer is the widget)');
  assert.equal(widgetClick.host, 'localhost', 'and is credited to the page that framed it');
  assert.deepEqual(ledger.expected(first.slug).referrers.localhost.clicks, 1);
  assert.equal(ledger.expected(first.slug).placements.embed.clicks, 1, 'the widget click is placement embed');
});
