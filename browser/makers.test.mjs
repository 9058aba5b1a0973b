// The maker dashboard, end to end in a real Chromium (issue 14).
//
// Starts the built api and badge-service jars against PostgreSQL on 127.0.0.1:5432 (a database of its own, dropped at
// the end), a test mailbox (an SMTP server the api really sends to) and the tool's website (a local HTTP server that
// also serves a third-party page with the tool's badges). Then, as people would:
//   1. maker A signs up at the api, reads the verification mail from the mailbox and opens its link in Chromium;
//   2. A claims the tool the admin created (website = the local server) and proves it by the .well-known file that
//      server serves — or, with MAKERS_FLOW=grant, an editor grants A the tool (PUT /api/tools/{slug}/makers/{email});
//   3. a reader's Chromium loads the third-party page (badges, the widget) and clicks through to the review page;
//   4. A opens /makers, signs in through the form (a wrong password first), picks the tool, and sees figures — totals,
//      every chart's table and SVG bars, referrers, placements, the CSV download — equal to what the stats route
//      returns, which in turn equal the loads and clicks the reader's browser made; the embed builder's codes and
//      previews; an expired token and a 320 px phone;
//   5. maker B signs up, claims the tool without proof (it goes to the admin queue; B's dashboard says "no tools yet"),
//      an admin approves it through the api, and B then sees the tool in /makers.
// Screenshots: browser/target/makers-*.png. Never downloads a browser: Debian's /usr/bin/chromium.
//
// Environment: MAKERS_FLOW (claim, the default: self-serve claims; grant: an editor grants the tools instead); BUILD_DIR,
// PGHOST/PGPORT/PGUSER and CHROMIUM as in services.mjs, which starts and stops the services.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import { readFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { SMTPServer } from 'smtp-server';
import { simpleParser } from 'mailparser';
import { Services, OUT, BUILD_DIR, CHROMIUM, CHROMIUM_ARGS, PG, freePort, sleep } from './services.mjs';

const FLOW = process.env.MAKERS_FLOW || 'claim';
const DB = 'shiporskip_makers_browser';
const ADMIN = { email: 'admin@makers.test', password: randomBytes(12).toString('hex') };
const MAKER_A = { email: 'ada@makers.test', password: `ada-${randomBytes(9).toString('hex')}`, displayName: 'Ada Maker' };
const MAKER_B = { email: 'bob@makers.test', password: `bob-${randomBytes(9).toString('hex')}`, displayName: 'Bob Maker' };
const TOOL = { slug: 'dashboard-proof-tool', name: 'Dashboard <Proof> Tool' }; // markup in the name: it must show as text

const DEADLINE_MS = Number(process.env.MAKERS_DEADLINE_MS || 200_000);
const started = Date.now();
const log = (...a) => console.log(`[makers +${((Date.now() - started) / 1000).toFixed(1)}s]`, ...a);

let services, api, badge, site, browser, userAgent;
const servers = [];
const mails = [];
let wellKnown = ''; // what the tool's website serves at /.well-known/shiporskip-verification.txt

// ---------------------------------------------------------------------------------------------------------------
// Processes, servers, HTTP
// ---------------------------------------------------------------------------------------------------------------
async function call(method, url, { token, body, accept = 'application/json' } = {}) {
  const headers = { Accept: accept };
  if (token) headers.Authorization = `Bearer ${token}`;
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  const r = await fetch(url, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  const text = await r.text();
  let json = null;
  try { json = JSON.parse(text); } catch { /* not JSON */ }
  return { status: r.status, headers: r.headers, text, json };
}

async function signIn(who) {
  const r = await call('POST', `${api}/api/auth/token`, { body: { email: who.email, password: who.password } });
  assert.equal(r.status, 200, `${who.email} signs in: ${r.text}`);
  return r.json.accessToken;
}

function claimsOf(token) {
  return JSON.parse(Buffer.from(token.split('.')[1], 'base64url').toString('utf8'));
}

/** Waits for a mail to `to` whose subject matches, from the test mailbox (the api really sent it over SMTP). */
async function mailTo(to, subject) {
  for (let i = 0; i < 120; i++) {
    const m = mails.find((x) => x.to?.value?.some((a) => a.address === to) && subject.test(x.subject || ''));
    if (m) return m;
    await sleep(250);
  }
  throw new Error(`no mail to ${to} matching ${subject}; mailbox: ${mails.map((m) => `${m.to?.text}: ${m.subject}`).join(' | ')}`);
}

// ---------------------------------------------------------------------------------------------------------------
// The reader's side: loads and clicks made by a browser, and what badge-service must have counted from them
// ---------------------------------------------------------------------------------------------------------------
class Ledger {
  constructor() { this.events = []; this.pending = []; }

  watch(context) {
    context.on('response', (response) => this.pending.push(this.record(response)));
  }

  async record(response) {
    const url = new URL(response.url());
    if (url.origin !== badge) return;
    const m = /^\/(api\/badge|embed|api\/badge-click)\/([^/]+)$/.exec(url.pathname);
    if (!m || m[2] !== TOOL.slug) return;
    const status = response.status();
    const kind = { 'api/badge': 'badge', embed: 'embed', 'api/badge-click': 'click' }[m[1]];
    if (kind === 'click' ? status !== 302 : status !== 200 && status !== 304) return;
    // The review page's previews are ours: badge-service counts them nowhere and keeps them as discarded (ownPage).
    const referer = await response.request().headerValue('referer');
    const own = !!referer && new URL(referer).origin === api;
    this.events.push({ kind, own, placement: url.searchParams.get('src') || (kind === 'embed' ? 'embed' : 'unspecified') });
  }

  async settle() { await Promise.all(this.pending); this.pending = []; }

  count(kind) { return this.events.filter((e) => e.kind === kind && !e.own).length; }

  ownPage() { return this.events.filter((e) => e.own).length; }
}

/** The third-party page on the tool's own website: badges in three placements and styles, the widget, a linked badge. */
function readerPage() {
  const b = `${badge}/api/badge/${TOOL.slug}`;
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Dashboard Proof Tool — home</title>
    <meta name="viewport" content="width=device-width,initial-scale=1"></head><body>
    <h1>Our tool</h1>
    <p><img src="${b}?theme=light&amp;src=readme" alt="readme badge" width="360" height="90"></p>
    <p><img src="${b}?style=flat&amp;theme=dark&amp;src=docs" alt="docs badge"></p>
    <p><img src="${b}" alt="plain badge"></p>
    <p><a id="linked" href="${badge}/api/badge-click/${TOOL.slug}?src=site" target="_blank" rel="noopener"><img src="${b}?theme=auto&amp;src=site" alt="site badge" width="360" height="90"></a></p>
    <iframe src="${badge}/embed/${TOOL.slug}?theme=light&amp;src=embed" title="widget" width="360" height="260" style="border:0"></iframe>
    </body></html>`;
}

async function reader(ledger) {
  const context = await browser.newContext({ userAgent, viewport: { width: 1100, height: 1200 } });
  ledger.watch(context);
  const p = await context.newPage();
  assert.equal((await p.goto(`${site}/`)).status(), 200);
  await p.waitForFunction(() => [...document.images].every((i) => i.complete && i.naturalWidth > 0), null, { timeout: 15_000 });
  for (const f of p.frames()) await f.waitForLoadState('load');
  // A reader follows the linked badge: a new tab on the review page (its preview badge and widget count nowhere).
  const [review] = await Promise.all([context.waitForEvent('page'), p.click('#linked')]);
  await review.waitForLoadState('load');
  assert.ok(review.url().startsWith(`${api}/tool/${TOOL.slug}`), `the click lands on the review page, not ${review.url()}`);
  await review.waitForFunction(() => [...document.images].every((i) => i.complete), null, { timeout: 15_000 });
  for (const f of review.frames()) await f.waitForLoadState('load');
  await sleep(300);
  await ledger.settle();
  await context.close();
}

// ---------------------------------------------------------------------------------------------------------------
// The maker's side
// ---------------------------------------------------------------------------------------------------------------
async function signUpAndVerify(who) {
  const r = await call('POST', `${api}/api/accounts`, { body: who });
  assert.equal(r.status, 201, `${who.email} signs up: ${r.text}`);
  const mail = await mailTo(who.email, /confirm|verif/i);
  const link = /(https?:\/\/\S+\/api\/accounts\/verification\?token=[\w-]+)/.exec(mail.text || '')?.[1];
  assert.ok(link && link.startsWith(`${api}/`), `the verification mail carries a link to the api: ${mail.text}`);
  // Opened in a browser, as from a mail client: the page's button confirms.
  const context = await browser.newContext({ userAgent });
  const p = await context.newPage();
  assert.equal((await p.goto(link)).status(), 200);
  await Promise.all([p.waitForNavigation(), p.getByRole('button').first().click()]);
  assert.ok((await p.content()).match(/confirmed|verified|thank/i), `confirmation page: ${(await p.textContent('body')).slice(0, 200)}`);
  await context.close();
  const me = await call('GET', `${api}/api/me`, { token: await signIn(who) });
  assert.equal(me.json.emailVerified, true, `${who.email} has proved the address`);
}

/** A fresh page for a maker, failing the test on any script error or CSP violation. */
async function dashboardPage(options = {}) {
  const context = await browser.newContext({ userAgent, viewport: { width: 1280, height: 900 }, acceptDownloads: true, ...options });
  const p = await context.newPage();
  const problems = [];
  p.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  p.on('console', (m) => { if (m.type() === 'error' && !/status of 4\d\d/.test(m.text())) problems.push(`console: ${m.text()}`); });
  const response = await p.goto(`${badge}/makers`);
  assert.equal(response.status(), 200);
  return { context, p, problems };
}

async function signInThroughTheForm(p, who, { keyboard = false } = {}) {
  await p.getByLabel('E-mail', { exact: true }).fill(who.email);
  await p.getByLabel('Password', { exact: true }).fill(who.password);
  if (keyboard) await p.getByLabel('Password', { exact: true }).press('Enter');
  else await p.getByRole('button', { name: 'Sign in' }).click();
}

const num = (s) => Number(String(s).replace(/[^\d.-]/g, ''));

/** Every figure the page shows, read from its tables, totals and SVG bars. */
async function readDashboard(p) {
  return p.evaluate(() => {
    const cells = (sel) => [...document.querySelectorAll(sel)];
    const tables = {};
    for (const t of cells('table[data-table]')) {
      const id = t.dataset.table;
      const rows = [...t.tBodies[0].rows].map((r) => ({ day: r.dataset.day || null, head: r.cells[0].textContent,
        cells: Object.fromEntries([...r.querySelectorAll('td[data-series]')].map((c) => [c.dataset.series, c.textContent])),
        all: [...r.cells].map((c) => c.textContent) }));
      const foot = t.tFoot ? Object.fromEntries([...t.tFoot.querySelectorAll('td[data-series]')].map((c) => [c.dataset.series, c.textContent])) : null;
      tables[id] = { rows, foot };
    }
    const bars = {};
    for (const r of cells('svg[data-chart] rect[data-series]')) {
      const chart = r.closest('svg').dataset.chart;
      bars[chart] ??= {};
      bars[chart][r.dataset.series] = (bars[chart][r.dataset.series] || 0) + Number(r.dataset.value);
    }
    const totals = Object.fromEntries(cells('#totals dd').map((d) => [d.dataset.total, d.textContent]));
    const names = cells('svg[data-chart]').map((s) => {
      const ids = (s.getAttribute('aria-labelledby') || '').split(' ');
      return { chart: s.dataset.chart, role: s.getAttribute('role'), name: ids.map((id) => document.getElementById(id)?.textContent || '').join(' ') };
    });
    return { tables, bars, totals, names, tool: document.querySelector('#tool').selectedOptions[0]?.textContent };
  });
}

function assertDashboardEqualsStats(seen, stats, where) {
  const t = stats.totals;
  assert.equal(num(seen.totals.humanImpressions), t.humanImpressions, `${where}: human impressions`);
  assert.equal(num(seen.totals.clicks), t.clicks, `${where}: clicks`);
  assert.equal(num(seen.totals.bots), t.badge.bot + t.embed.bot, `${where}: bot impressions`);
  assert.equal(num(seen.totals.discarded), t.discarded, `${where}: discarded`);
  assert.equal(seen.totals.clickThroughRate, t.clickThroughRate === null ? '—' : `${(t.clickThroughRate * 100).toFixed(1)} %`, `${where}: click-through`);
  // Every chart's table, day by day, and its SVG bars: the same numbers as the route's days.
  const src = seen.tables.sources;
  const plc = seen.tables.placements;
  const clk = seen.tables.clicks;
  assert.equal(src.rows.length, stats.days.length, `${where}: one row per day`);
  stats.days.forEach((d, i) => {
    const c = d.counts;
    assert.equal(src.rows[i].day, d.day);
    assert.deepEqual(Object.fromEntries(Object.entries(src.rows[i].cells).map(([k, v]) => [k, num(v)])), {
      direct: c.badge.direct + c.embed.direct, githubCamo: c.badge.githubCamo + c.embed.githubCamo, bot: c.badge.bot + c.embed.bot,
      total: c.badge.total + c.embed.total,
    }, `${where}: sources on ${d.day}`);
    const byPlacement = Object.fromEntries(d.placements.map((x) => [x.placement, x.impressions]));
    for (const [k, v] of Object.entries(plc.rows[i].cells)) {
      if (k !== 'total') assert.equal(num(v), byPlacement[k], `${where}: placement ${k} on ${d.day}`);
    }
    assert.equal(num(clk.rows[i].cells.clicks), c.clicks, `${where}: clicks on ${d.day}`);
    assert.equal(num(clk.rows[i].cells.human), c.humanImpressions, `${where}: human impressions on ${d.day}`);
    assert.equal(num(clk.rows[i].cells.discarded), c.discarded, `${where}: discarded on ${d.day}`);
  });
  assert.equal(num(src.foot.direct), t.badge.direct + t.embed.direct, `${where}: direct in total`);
  assert.equal(num(src.foot.githubCamo), t.badge.githubCamo + t.embed.githubCamo, `${where}: camo in total`);
  assert.equal(num(src.foot.bot), t.badge.bot + t.embed.bot, `${where}: bots in total`);
  const bars = seen.bars;
  assert.equal((bars.sources?.direct || 0), t.badge.direct + t.embed.direct, `${where}: the SVG's direct bars`);
  assert.equal((bars.clicks?.clicks || 0), t.clicks, `${where}: the SVG's click bars`);
  for (const p of stats.placements) {
    assert.equal(num(plc.foot[p.placement]), p.impressions, `${where}: ${p.placement} impressions in total`);
    assert.equal(bars.placements?.[p.placement] || 0, p.impressions, `${where}: the SVG's ${p.placement} bars`);
  }
  // Referrer hosts and placements tables, row by row.
  assert.deepEqual(seen.tables.referrers.rows.map((r) => [r.all[0], num(r.all[1]), num(r.all[2])]),
    stats.referrers.map((r) => [r.host === null ? '(no referrer)' : r.host, r.impressions, r.clicks]), `${where}: referrers`);
  for (const n of seen.names) {
    assert.equal(n.role, 'img', `${where}: chart ${n.chart} is an image to assistive technology`);
    assert.ok(n.name.length > 20, `${where}: chart ${n.chart} has a name: ${n.name}`);
  }
}

/** A whole-page screenshot (viewport as tall as the page, so frames are painted). */
async function shot(p, file) {
  const viewport = p.viewportSize();
  const height = await p.evaluate(() => document.documentElement.scrollHeight);
  await p.setViewportSize({ width: viewport.width, height: Math.min(height, 6000) });
  await sleep(300);
  await p.screenshot({ path: join(OUT, file) });
  await p.setViewportSize(viewport);
}

// ---------------------------------------------------------------------------------------------------------------
before(async () => {
  const deadline = setTimeout(() => {
    console.error(`[makers] still running after ${DEADLINE_MS / 1000} s: stopping`);
    (services ? services.stop('makers-') : Promise.resolve()).finally(() => process.exit(1));
  }, DEADLINE_MS);
  deadline.unref();
  services = await Services.prepare({ database: DB, tmpPrefix: 'shiporskip-makers-' });
  ({ api, badge } = services);
  const [sitePort, smtpPort] = [await freePort(), await freePort()];
  // The tool's website and the page its readers see: another site than the services (localhost vs 127.0.0.1).
  site = `http://localhost:${sitePort}`;

  // The test mailbox: a plain SMTP server on loopback (no TLS, no auth), every mail parsed.
  const smtp = new SMTPServer({
    authOptional: true, disabledCommands: ['AUTH', 'STARTTLS'], logger: false, banner: 'shiporskip test mailbox',
    onData(stream, _session, done) {
      simpleParser(stream).then((m) => { mails.push(m); done(); }, done);
    },
  });
  await new Promise((res, rej) => smtp.listen(smtpPort, '127.0.0.1', (e) => (e ? rej(e) : res())));
  servers.push({ close: () => smtp.close() });

  const serve = (req, res) => {
    const path = new URL(req.url, site).pathname;
    if (path === '/.well-known/shiporskip-verification.txt' && wellKnown) {
      res.writeHead(200, { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' });
      res.end(`${wellKnown}\n`);
      return;
    }
    if (path === '/') {
      res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store' });
      res.end(readerPage());
      return;
    }
    res.writeHead(404, { 'Content-Type': 'text/plain' });
    res.end('not found');
  };
  for (const host of ['127.0.0.1', '::1']) {
    const server = createServer(serve);
    await new Promise((res) => server.once('error', res).listen(sitePort, host, res)); // ::1 may not exist: fine
    servers.push(server);
  }

  log(`PostgreSQL ${PG.host}:${PG.port}/${DB}; api ${api}; badge-service ${badge}; website ${site}; SMTP 127.0.0.1:${smtpPort}; flow ${FLOW}; jars from ${BUILD_DIR}/`);
  await services.start({
    admin: ADMIN,
    common: { SHIPORSKIP_API_PUBLIC_URL: api }, // badge-service's too
    api: {
      // The dashboard (badge-service's origin) signs in here from the browser.
      SHIPORSKIP_CORS_ORIGINS: badge,
      // Real mail to the test mailbox.
      SHIPORSKIP_MAIL_MOCK: 'false', SHIPORSKIP_SMTP_HOST: '127.0.0.1', SHIPORSKIP_SMTP_PORT: String(smtpPort),
      SHIPORSKIP_SMTP_START_TLS: 'DISABLED', SHIPORSKIP_MAIL_FROM: 'Ship or Skip <noreply@makers.test>',
      // The tool's website is a plain-HTTP server on this machine.
      ...(FLOW === 'claim' ? { SHIPORSKIP_CLAIMS_ALLOW_HTTP: 'true', SHIPORSKIP_CLAIMS_ALLOW_PRIVATE_ADDRESSES: 'true' } : {}),
    },
  });
  log('both services ready');

  browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  // A person's browser: the headless marker taken out, so loads count as direct (not bot).
  const probe = await browser.newPage();
  userAgent = (await probe.evaluate(() => navigator.userAgent)).replace('HeadlessChrome', 'Chrome');
  await probe.close();
  log(`Chromium ${browser.version()}`);
});

after(async () => {
  try {
    if (browser) await browser.close();
  } finally {
    for (const s of servers) s.close();
    if (services) await services.stop('makers-');
    log('stopped');
  }
});

test('a maker proves a tool, reads its real numbers in /makers, and a second maker gets it through the admin queue', async () => {
  const admin = await signIn(ADMIN);
  const category = (await call('GET', `${api}/api/categories`)).json[0];
  const created = await call('POST', `${api}/api/tools`, { token: admin, body: {
    slug: TOOL.slug, name: TOOL.name, vendor: 'Proof Labs', tagline: 'A tool whose maker reads the dashboard',
    description: 'Made by the browser test of the maker dashboard.', category: category.slug ?? category.name,
    pricing: 'Free', entryPrice: '$0', website: site,
  } });
  assert.equal(created.status, 201, `the admin creates the tool: ${created.text}`);

  // 1. Maker A: sign-up, the mailed link opened in a browser.
  await signUpAndVerify(MAKER_A);
  log('maker A proved the address');

  // 2. A gets the tool: a claim proved by the website's .well-known file (or an editor's grant).
  if (FLOW === 'claim') {
    const tokenA = await signIn(MAKER_A);
    const claim = await call('POST', `${api}/api/tools/${TOOL.slug}/claims`, { token: tokenA });
    assert.equal(claim.status, 201, `A claims the tool: ${claim.text}`);
    assert.equal(claim.json.status, 'AWAITING_PROOF');
    assert.equal(claim.json.proof.wellKnownUrl, `${site}/.well-known/shiporskip-verification.txt`);
    wellKnown = claim.json.token;
    const proved = await call('POST', `${api}/api/tools/${TOOL.slug}/claims/${claim.json.id}/proof`, { token: tokenA });
    assert.equal(proved.status, 200, `A's proof: ${proved.text}`);
    assert.equal(proved.json.status, 'APPROVED', `the website's file proves it: ${proved.text}`);
    assert.equal(proved.json.provedBy, 'WELL_KNOWN');
    await mailTo(MAKER_A.email, /now a maker of Dashboard <Proof> Tool/);
  } else {
    const grant = await call('PUT', `${api}/api/tools/${TOOL.slug}/makers/${encodeURIComponent(MAKER_A.email)}`, { token: admin });
    assert.ok(grant.status === 200 || grant.status === 204, `an editor grants A the tool: ${grant.status} ${grant.text}`);
  }
  const tokenA = await signIn(MAKER_A);
  assert.deepEqual(claimsOf(tokenA).tools, [TOOL.slug], "A's next token lists the tool");
  log(`maker A owns ${TOOL.slug} (${FLOW})`);

  // 3. Readers see the tool's badges and widget on its website and click through.
  const ledger = new Ledger();
  await reader(ledger);
  const want = { badge: ledger.count('badge'), embed: ledger.count('embed'), clicks: ledger.count('click') };
  assert.ok(want.badge >= 4 && want.embed >= 1 && want.clicks === 1, `the reader's browser (the maker's page: 4 badges and the widget) loaded and clicked: ${JSON.stringify(want)}`);
  const statsUrl = `${badge}/api/makers/tools/${TOOL.slug}/stats`;
  let stats;
  for (let i = 0; i < 40; i++) { // the counter flushes every second
    stats = (await call('GET', statsUrl, { token: tokenA })).json;
    if (stats.totals.badge.total + stats.totals.embed.total + stats.totals.clicks >= want.badge + want.embed + want.clicks) break;
    await sleep(250);
  }
  await sleep(1200); // one more flush: nothing more may arrive
  stats = (await call('GET', statsUrl, { token: tokenA })).json;
  log(`browser ${JSON.stringify(want)}; stats badge ${stats.totals.badge.direct}, embed ${stats.totals.embed.direct}, clicks ${stats.totals.clicks}`);
  assert.deepEqual({ badge: stats.totals.badge.direct, embed: stats.totals.embed.direct, clicks: stats.totals.clicks }, want,
    'the route counted exactly what the browser did');
  assert.equal(stats.totals.badge.bot + stats.totals.embed.bot, 0, 'no bots');
  assert.ok(ledger.ownPage() >= 2, `the review page loaded its preview badge and widget (${ledger.ownPage()})`);
  assert.equal(stats.totals.discardedBy.ownPage, ledger.ownPage(), 'the review page\'s previews, discarded as our own page');
  assert.equal(stats.totals.discarded, ledger.ownPage(), 'nothing else discarded');

  // 4. A in /makers: a wrong password first, then the form by keyboard.
  const { context, p, problems } = await dashboardPage();
  await signInThroughTheForm(p, { ...MAKER_A, password: 'not-the-password-at-all' });
  await assertAlert(p, /Wrong e-mail or password/);
  assert.equal(await p.locator('#who').isVisible(), false, 'nobody is shown as signed in');
  assert.equal(await p.locator('#dashboard').isVisible(), false, 'nothing of the dashboard before signing in');
  await shot(p, 'makers-wrong-password.png');
  await signInThroughTheForm(p, MAKER_A, { keyboard: true });
  await p.locator('#results').waitFor({ state: 'visible', timeout: 15_000 });
  assert.equal(await p.evaluate(() => document.activeElement?.id), 'dashboard-heading', 'the focus moves on to the dashboard');
  const seen = await readDashboard(p);
  assert.equal(seen.tool, `${TOOL.name} (${TOOL.slug})`, 'the tool is picked by its name (shown as text, not markup)');
  assertDashboardEqualsStats(seen, stats, 'desktop');
  assert.equal(await p.evaluate(() => localStorage.length + sessionStorage.length), 0, 'nothing in web storage');
  assert.equal(await p.evaluate(() => document.cookie), '', 'no cookie');
  assert.ok(!p.url().includes(tokenA.slice(0, 20)), 'the token is in no URL');
  // Every control has a name, and every form control a label.
  const unlabelled = await p.evaluate(() => [...document.querySelectorAll('input, select, textarea')]
    .filter((e) => !e.labels || e.labels.length === 0).map((e) => e.id));
  assert.deepEqual(unlabelled, [], 'every form control is labelled');

  // The CSV: fetched with the token, saved through a Blob link — the route's own bytes.
  const [download] = await Promise.all([p.waitForEvent('download'), p.getByRole('button', { name: 'Download CSV' }).click()]);
  const csv = readFileSync(await download.path(), 'utf8');
  const routeCsv = (await call('GET', `${statsUrl}?from=${stats.from}&to=${stats.to}`, { token: tokenA, accept: 'text/csv' })).text;
  assert.equal(csv, routeCsv, 'the downloaded CSV is the route\'s');
  assert.equal(download.suggestedFilename(), `${TOOL.slug}-stats-${stats.from}-${stats.to}.csv`);

  // The embed builder: one style, theme and placement; codes by the one rule; live, uncounted previews.
  await p.getByLabel('Style', { exact: true }).selectOption('flat-square');
  await p.getByLabel('Theme', { exact: true }).selectOption('dark');
  await p.getByLabel('Placement', { exact: true }).selectOption('docs');
  await p.waitForFunction(() => document.querySelector('#code-html').value.includes('style=flat-square&amp;theme=dark&amp;src=docs'));
  const codes = await p.evaluate(() => ({ html: document.querySelector('#code-html').value, md: document.querySelector('#code-markdown').value,
    iframe: document.querySelector('#code-iframe').value }));
  assert.ok(codes.html.startsWith(`<a href="${badge}/api/badge-click/${TOOL.slug}?src=docs"`), codes.html);
  assert.ok(codes.html.includes('alt="Ship or Skip verdict for Dashboard &lt;Proof&gt; Tool"'), codes.html);
  assert.ok(codes.md.includes(`${badge}/api/badge/${TOOL.slug}?style=flat-square&theme=dark&src=docs`), codes.md);
  assert.ok(codes.iframe.includes(`${badge}/embed/${TOOL.slug}?theme=dark&amp;src=docs`), codes.iframe);
  await p.locator('details.gallery summary').click();
  await p.waitForFunction(() => document.querySelectorAll('#gallery img').length === 12
    && [...document.querySelectorAll('#gallery img, #preview-badge')].every((i) => i.complete && i.naturalWidth > 0), null, { timeout: 15_000 });
  const widgetText = await p.frameLocator('#preview-widget').locator('.nm').textContent();
  assert.equal(widgetText, TOOL.name, 'the widget preview shows the tool');
  await shot(p, 'makers-desktop.png');
  await sleep(1200);
  const afterPreviews = (await call('GET', statsUrl, { token: tokenA })).json;
  assert.equal(afterPreviews.totals.badge.total + afterPreviews.totals.embed.total, stats.totals.badge.total + stats.totals.embed.total,
    'the previews counted nothing');

  // An expired token: the statistics answer 401; the page says so and asks to sign in again.
  await p.route('**/api/makers/tools/**', (route) => route.fulfill({ status: 401, contentType: 'application/problem+json',
    headers: { 'WWW-Authenticate': 'Bearer' }, body: JSON.stringify({ type: 'about:blank', title: 'Unauthorized', status: 401 }) }));
  await p.getByRole('button', { name: 'Show' }).click();
  await assertAlert(p, /session has expired/);
  assert.ok(await p.locator('#sign-in').isVisible(), 'the sign-in form is back');
  assert.equal(await p.locator('#results').isVisible(), false, 'the numbers are gone with the token');
  assert.deepEqual(problems, [], 'no script errors, no CSP violations');
  await context.close();

  // A 320 px phone: nothing scrolls sideways; the same figures.
  {
    const phone = await dashboardPage({ viewport: { width: 320, height: 640 }, isMobile: true, hasTouch: true });
    await signInThroughTheForm(phone.p, MAKER_A);
    await phone.p.locator('#results').waitFor({ state: 'visible', timeout: 15_000 });
    assertDashboardEqualsStats(await readDashboard(phone.p), stats, 'phone');
    await phone.p.locator('details.gallery summary').click();
    await phone.p.waitForFunction(() => [...document.querySelectorAll('#gallery img')].every((i) => i.complete), null, { timeout: 15_000 });
    const width = await phone.p.evaluate(() => ({ scroll: document.documentElement.scrollWidth, client: document.documentElement.clientWidth }));
    assert.ok(width.scroll <= 320, `phone: the page does not scroll sideways (${JSON.stringify(width)})`);
    await shot(phone.p, 'makers-phone.png');
    assert.deepEqual(phone.problems, [], 'phone: no script errors, no CSP violations');
    await phone.context.close();
  }

  // 5. Maker B: a claim without proof goes to the admin queue; B has no tools until an admin approves.
  await signUpAndVerify(MAKER_B);
  const b = await dashboardPage();
  await signInThroughTheForm(b.p, MAKER_B);
  await b.p.locator('#no-tools').waitFor({ state: 'visible' });
  assert.match(await b.p.locator('#no-tools').textContent(), /no tools yet/);
  assert.equal(await b.p.locator('#range-form').isVisible(), false, 'no tool and range form without tools');
  assert.equal(await b.p.locator('#results').isVisible(), false);
  await shot(b.p, 'makers-no-tools.png');
  await b.p.getByRole('button', { name: 'Sign out' }).click();
  if (FLOW === 'claim') {
    const tokenB = await signIn(MAKER_B);
    const claim = await call('POST', `${api}/api/tools/${TOOL.slug}/claims`, { token: tokenB });
    assert.equal(claim.status, 201, `B claims the tool: ${claim.text}`);
    const proof = await call('POST', `${api}/api/tools/${TOOL.slug}/claims/${claim.json.id}/proof`, { token: tokenB });
    assert.equal(proof.status, 200, `B's proof: ${proof.text}`);
    assert.equal(proof.json.status, 'IN_REVIEW', "the website carries A's token, not B's: to the admin queue");
    assert.ok(proof.json.reason, 'and says why');
    const queue = await call('GET', `${api}/api/admin/claims?status=IN_REVIEW`, { token: admin });
    assert.equal(queue.status, 200, queue.text);
    const queued = (queue.json.items || []).find((c) => c.id === claim.json.id);
    assert.ok(queued, `B's claim waits in the admin queue: ${queue.text}`);
    const approved = await call('POST', `${api}/api/admin/claims/${claim.json.id}/approve`, { token: admin, body: {} });
    assert.equal(approved.status, 200, `the admin approves: ${approved.text}`);
    assert.equal(approved.json.status, 'APPROVED');
    assert.equal(approved.json.provedBy, 'ADMIN');
    await mailTo(MAKER_B.email, /now a maker of Dashboard <Proof> Tool/);
  } else {
    const grant = await call('PUT', `${api}/api/tools/${TOOL.slug}/makers/${encodeURIComponent(MAKER_B.email)}`, { token: admin });
    assert.ok(grant.status === 200 || grant.status === 204, `an editor grants B the tool: ${grant.status}`);
  }
  await signInThroughTheForm(b.p, MAKER_B);
  await b.p.locator('#results').waitFor({ state: 'visible', timeout: 15_000 });
  const seenB = await readDashboard(b.p);
  assert.equal(seenB.tool, `${TOOL.name} (${TOOL.slug})`, 'B now sees the tool');
  const statsB = (await call('GET', statsUrl, { token: await signIn(MAKER_B) })).json;
  assertDashboardEqualsStats(seenB, statsB, 'maker B');
  assert.deepEqual(b.problems, [], 'B: no script errors, no CSP violations');
  await b.context.close();
});

async function assertAlert(p, pattern) {
  const alert = p.getByRole('alert');
  await alert.waitFor({ state: 'visible', timeout: 10_000 });
  assert.match(await alert.textContent(), pattern);
}
