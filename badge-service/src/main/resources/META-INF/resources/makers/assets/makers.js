// The maker dashboard (issue 14). No library, no storage: the token lives in this closure only — never in a URL,
// a cookie or web storage — and is dropped on sign-out, on expiry and when the tab goes away.
// Every text that comes from a server is put into the page as text (textContent, attribute values, <textarea>
// values), never as HTML. Charts are SVG drawn here; each has an accessible name and a table of its numbers.
(() => {
  'use strict';

  const $ = (id) => document.getElementById(id);
  const API = $('main').dataset.api;
  const SVG = 'http://www.w3.org/2000/svg';
  const DAY_MS = 86_400_000;
  const MAX_DAYS = 366;

  const SOURCES = [
    { key: 'direct', label: 'Direct' },
    { key: 'githubCamo', label: 'GitHub camo' },
    { key: 'bot', label: 'Bot' },
  ];
  const PLACEMENTS = [
    { key: 'readme', label: 'README' },
    { key: 'site', label: 'Website' },
    { key: 'docs', label: 'Docs' },
    { key: 'other', label: 'Other' },
    { key: 'embed', label: 'Embedded' },
    { key: 'unspecified', label: 'Unspecified' },
  ];
  const STYLES = [['card', 'Card'], ['flat', 'Flat'], ['flat-square', 'Flat square'], ['for-the-badge', 'For the badge']];
  const THEMES = ['light', 'dark', 'auto'];

  let session = null; // { token, email, expiresAt, tools, admin }
  let expiryTimer = 0;
  let shown = null; // { slug, name, from, to }
  let csvUrl = null;
  let builderRequest = 0;
  let chartCount = 0;
  let lastStats = null; // what the charts show, to draw them again at a new width
  let resizeTimer = 0;

  // ---------- small helpers ----------
  function el(tag, attrs = {}, ...children) {
    const node = document.createElement(tag);
    setAttrs(node, attrs);
    for (const c of children) node.append(c instanceof Node ? c : document.createTextNode(String(c)));
    return node;
  }

  function svg(tag, attrs = {}, ...children) {
    const node = document.createElementNS(SVG, tag);
    setAttrs(node, attrs);
    for (const c of children) node.append(c instanceof Node ? c : document.createTextNode(String(c)));
    return node;
  }

  function setAttrs(node, attrs) {
    for (const [k, v] of Object.entries(attrs)) if (v !== undefined && v !== null && v !== false) node.setAttribute(k, String(v));
  }

  const fmt = new Intl.NumberFormat('en', { maximumFractionDigits: 0 });
  const number = (n) => fmt.format(n);
  const tick = new Intl.NumberFormat('en', { maximumFractionDigits: 2 });
  const plural = (n, one, many = `${one}s`) => `${number(n)} ${n === 1 ? one : many}`;
  const percent = (r) => (r === null || r === undefined ? '—' : `${(r * 100).toFixed(1)} %`);

  function say(text) {
    $('status').textContent = text;
  }

  function showError(text) {
    const box = $('error');
    box.textContent = text || '';
    box.hidden = !text;
  }

  async function problemText(response) {
    try {
      const p = await response.json();
      const field = Array.isArray(p.errors) && p.errors.length ? ` (${p.errors.map((e) => e.field).join(', ')})` : '';
      return (p.detail || p.title || response.statusText) + field;
    } catch {
      return `${response.status} ${response.statusText}`;
    }
  }

  function isoDay(date) {
    return date.toISOString().slice(0, 10);
  }

  /** The payload of a JWT (we only read our own claims from it; the services verify it). */
  function claimsOf(token) {
    const part = token.split('.')[1] || '';
    const b64 = part.replace(/-/g, '+').replace(/_/g, '/').padEnd(Math.ceil(part.length / 4) * 4, '=');
    const bytes = Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
    return JSON.parse(new TextDecoder().decode(bytes));
  }

  // ---------- session ----------
  async function signIn(event) {
    event.preventDefault();
    showError('');
    const email = $('email').value.trim();
    const password = $('password').value;
    if (!email || !password) {
      showError('Enter your e-mail address and your password.');
      (email ? $('password') : $('email')).focus();
      return;
    }
    const button = $('sign-in-button');
    button.disabled = true;
    say('Signing in…');
    try {
      let response;
      try {
        response = await fetch(`${API}/api/auth/token`, {
          method: 'POST', credentials: 'omit', referrerPolicy: 'no-referrer',
          headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
          body: JSON.stringify({ email, password }),
        });
      } catch {
        say('');
        showError('The sign-in service cannot be reached. Check your connection and try again.');
        return;
      }
      if (response.status === 401) {
        say('');
        showError('Wrong e-mail or password.');
        $('password').focus();
        return;
      }
      if (response.status === 429) {
        const wait = response.headers.get('Retry-After');
        say('');
        showError(`Too many sign-in attempts. Try again${wait ? ` in ${wait} seconds` : ' later'}.`);
        return;
      }
      if (!response.ok) {
        say('');
        showError(`Signing in failed: ${await problemText(response)}`);
        return;
      }
      const body = await response.json();
      $('password').value = '';
      start(body.accessToken, email);
    } finally {
      button.disabled = false;
    }
  }

  function start(token, email) {
    let claims;
    try {
      claims = claimsOf(token);
    } catch {
      showError('The sign-in service answered something this page cannot read.');
      return;
    }
    const groups = Array.isArray(claims.groups) ? claims.groups : [];
    session = {
      token, email,
      expiresAt: typeof claims.exp === 'number' ? claims.exp * 1000 : Date.now() + 3_600_000,
      tools: Array.isArray(claims.tools) ? claims.tools.filter((t) => typeof t === 'string') : [],
      admin: groups.includes('admin'),
    };
    clearTimeout(expiryTimer);
    expiryTimer = setTimeout(() => end('Your session has expired. Sign in again to go on.'), Math.max(0, session.expiresAt - Date.now()));
    $('who-email').textContent = email;
    $('who').hidden = false;
    $('sign-in').hidden = true;
    $('dashboard').hidden = false;
    say(`Signed in as ${email}.`);
    // The form that had the focus is gone: continue at the dashboard's heading.
    $('dashboard-heading').focus();
    loadTools();
  }

  /** Forgets the token and everything shown with it; `why` is shown as an error when the session ended by itself. */
  function end(why) {
    session = null;
    shown = null;
    clearTimeout(expiryTimer);
    if (csvUrl) URL.revokeObjectURL(csvUrl);
    csvUrl = null;
    $('csv-link').hidden = true;
    $('tool').replaceChildren();
    $('results').hidden = true;
    $('builder').hidden = true;
    $('dashboard').hidden = true;
    $('who').hidden = true;
    $('sign-in').hidden = false;
    say(why ? '' : 'Signed out.');
    showError(why || '');
    $('email').focus();
  }

  // ---------- tools and range ----------
  async function loadTools() {
    const select = $('tool');
    select.replaceChildren();
    const tools = session.tools;
    $('no-tools').hidden = tools.length > 0;
    $('range-form').hidden = tools.length === 0;
    $('results').hidden = true;
    $('builder').hidden = true;
    if (tools.length === 0) {
      say('');
      return;
    }
    for (const slug of tools) select.append(el('option', { value: slug }, slug));
    const today = new Date();
    $('to').value = isoDay(today);
    $('from').value = isoDay(new Date(today.getTime() - 29 * DAY_MS));
    // Names from api's public tool route; a tool api cannot name now keeps its slug.
    await Promise.all(tools.map(async (slug, i) => {
      try {
        const r = await fetch(`${API}/api/tools/${encodeURIComponent(slug)}`, { headers: { Accept: 'application/json' }, credentials: 'omit' });
        if (r.ok) {
          const tool = await r.json();
          if (typeof tool.name === 'string' && tool.name) select.options[i].textContent = `${tool.name} (${slug})`;
        }
      } catch { /* the slug stays */ }
    }));
    await showStats();
  }

  function range() {
    const from = $('from').value;
    const to = $('to').value;
    if (!from || !to) return { error: 'Pick a first and a last day.' };
    const days = (Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS + 1;
    if (days < 1) return { error: 'The first day must not be after the last day.' };
    if (days > MAX_DAYS) return { error: `A range may span at most ${MAX_DAYS} days (this one has ${days}).` };
    return { from, to };
  }

  /** Reads the statistics route with the token; handles every refusal in the page. Null when it failed. */
  async function fetchStats(slug, from, to, accept) {
    let response;
    try {
      response = await fetch(`/api/makers/tools/${encodeURIComponent(slug)}/stats?from=${from}&to=${to}`, {
        headers: { Authorization: `Bearer ${session.token}`, Accept: accept }, credentials: 'omit', cache: 'no-store',
      });
    } catch {
      showError('The statistics cannot be reached. Check your connection and try again.');
      return null;
    }
    if (response.status === 401) {
      end('Your session has expired or is no longer valid. Sign in again to go on.');
      return null;
    }
    if (response.status === 403) {
      showError(`This account may not read the numbers of ${slug}. If you were given it a moment ago, sign out and in again.`);
      return null;
    }
    if (response.status === 404) {
      showError(`Ship or Skip has no tool ${slug} (any more).`);
      return null;
    }
    if (!response.ok) {
      showError(`The statistics could not be read: ${await problemText(response)}`);
      return null;
    }
    return response;
  }

  async function showStats(event) {
    if (event) event.preventDefault();
    if (!session) return;
    showError('');
    const r = range();
    if (r.error) {
      showError(r.error);
      $('from').focus();
      return;
    }
    const slug = $('tool').value;
    const name = $('tool').selectedOptions[0]?.textContent || slug;
    $('show').disabled = true;
    say(`Loading the numbers of ${name}…`);
    try {
      const response = await fetchStats(slug, r.from, r.to, 'application/json');
      if (!response) {
        say('');
        return;
      }
      const stats = await response.json();
      shown = { slug, name, from: stats.from, to: stats.to };
      render(stats, name);
      $('results').hidden = false;
      say(`Showing ${name}, ${stats.from} to ${stats.to}.`);
      if ($('builder').dataset.slug !== slug) {
        $('builder').dataset.slug = slug;
        $('builder').hidden = false;
        resetGallery();
        updateBuilder();
      }
    } finally {
      $('show').disabled = false;
    }
  }

  // ---------- rendering ----------
  /** Why loads and clicks were discarded (the stats' discardedBy keys), as the README's "What stats count" names them. */
  const DISCARD_REASONS = [
    ['clientCap', 'over a client\'s cap'],
    ['networkCap', 'over a network\'s cap'],
    ['notNavigation', 'not a navigation'],
    ['ownPage', 'our own pages'],
    ['unrecorded', 'reason not recorded'],
  ];

  function render(stats, name) {
    lastStats = { stats, name };
    const t = stats.totals;
    const bots = t.badge.bot + t.embed.bot;
    const totals = [
      ['Human impressions', number(t.humanImpressions), 'humanImpressions'],
      ['Clicks', number(t.clicks), 'clicks'],
      ['Click-through', percent(t.clickThroughRate), 'clickThroughRate'],
      ['Bot impressions', number(bots), 'bots'],
      ['Discarded (not counted)', number(t.discarded), 'discarded'],
      ...DISCARD_REASONS.map(([key, label]) => [`Discarded: ${label}`, number(t.discardedBy[key]), `discardedBy.${key}`]),
    ];
    $('totals').replaceChildren(...totals.map(([label, value, key]) => el('div', {}, el('dt', {}, label), el('dd', { 'data-total': key }, value))));

    const days = stats.days;
    const charts = $('charts');
    $('results').hidden = false; // measured while shown
    measure();
    charts.replaceChildren(
      stackedChart({
        id: 'sources', title: 'Impressions per day by source',
        what: 'impressions (badge and widget loads)', series: SOURCES,
        rows: days.map((d) => ({
          day: d.day,
          values: {
            direct: d.counts.badge.direct + d.counts.embed.direct,
            githubCamo: d.counts.badge.githubCamo + d.counts.embed.githubCamo,
            bot: d.counts.badge.bot + d.counts.embed.bot,
          },
        })),
      }),
      stackedChart({
        id: 'placements', title: 'Impressions per day by placement',
        what: 'counted impressions', series: PLACEMENTS,
        rows: days.map((d) => ({ day: d.day, values: Object.fromEntries((d.placements || []).map((p) => [p.placement, p.impressions])) })),
      }),
      clicksChart(days),
    );

    fillTable($('referrers'), stats.referrers.map((r) => [r.host === null ? '(no referrer)' : r.host, r.impressions, r.clicks]),
      'No referrer in this range.');
    const placementLabel = Object.fromEntries(PLACEMENTS.map((p) => [p.key, p.label]));
    fillTable($('placements'), stats.placements.map((p) => [`${placementLabel[p.placement] || p.placement} (${p.placement})`, p.impressions, p.clicks]),
      'Nothing counted in this range.');
  }

  function fillTable(table, rows, empty) {
    const body = table.tBodies[0];
    if (rows.length === 0) {
      body.replaceChildren(el('tr', {}, el('td', { colspan: 3 }, empty)));
      return;
    }
    body.replaceChildren(...rows.map(([label, impressions, clicks]) => el('tr', {},
      el('th', { scope: 'row' }, label), el('td', { class: 'num' }, number(impressions)), el('td', { class: 'num' }, number(clicks)))));
  }

  /** The top of the axis: four equal steps of a round, whole size (counts are whole). */
  function niceMax(v) {
    if (v <= 4) return 4;
    const raw = v / 4;
    const p = 10 ** Math.floor(Math.log10(raw));
    for (const m of p >= 10 ? [1, 2, 2.5, 5, 10] : [1, 2, 5, 10]) if (m * p >= raw) return 4 * m * p;
    return 40 * p;
  }

  // Drawn at the width it is shown at (one SVG unit = one CSS pixel), so labels keep their size on a phone.
  let W = 640;
  let H = 240;
  const M = { top: 12, right: 44, bottom: 28, left: 44 };

  function measure() {
    const width = Math.round($('charts').clientWidth || 640);
    W = Math.max(260, Math.min(960, width));
    H = W < 480 ? 200 : 240;
  }

  /** The frame of a chart: a figure with caption, the SVG (role img, named by the caption and a summary), legend, table. */
  function figure({ id, title, summary, series, svgBody, table }) {
    const n = ++chartCount;
    const capId = `chart-${id}-${n}-title`;
    const descId = `chart-${id}-${n}-desc`;
    const chart = svg('svg', { viewBox: `0 0 ${W} ${H}`, role: 'img', 'aria-labelledby': `${capId} ${descId}`, 'data-chart': id, focusable: 'false' },
      svg('desc', { id: descId }, summary), ...svgBody);
    const legend = el('ul', { class: 'legend', 'aria-hidden': 'true' },
      ...series.map((s) => el('li', {}, el('span', { class: `swatch s-${s.key}` }), s.label)));
    return el('figure', { class: 'chart', id: `chart-${id}` },
      el('figcaption', { id: capId }, title), legend, chart, el('p', { class: 'muted' }, summary),
      el('details', {}, el('summary', {}, `${title}: the numbers as a table`),
        el('div', { class: 'table-wrap', role: 'region', 'aria-label': `${title}, table`, tabindex: 0 }, table)));
  }

  function axes(max, rows, body, rightMax) {
    const plotH = H - M.top - M.bottom;
    for (let i = 0; i <= 4; i++) {
      const y = M.top + plotH - (plotH * i) / 4;
      body.push(svg('line', { class: 'grid', x1: M.left, x2: W - M.right, y1: y, y2: y }));
      body.push(svg('text', { class: 'axis', x: M.left - 6, y: y + 4, 'text-anchor': 'end' }, tick.format((max * i) / 4)));
      if (rightMax !== undefined) {
        body.push(svg('text', { class: 'axis', x: W - M.right + 6, y: y + 4 }, `${Math.round((rightMax * 100 * i) / 4)} %`));
      }
    }
    const n = rows.length;
    const band = (W - M.left - M.right) / n;
    const ticks = n <= 1 ? [0] : [0, Math.floor((n - 1) / 2), n - 1];
    for (const i of new Set(ticks)) {
      const anchor = i === 0 ? 'start' : i === n - 1 ? 'end' : 'middle';
      const x = i === 0 ? M.left : i === n - 1 ? W - M.right : M.left + band * (i + 0.5);
      body.push(svg('text', { class: 'axis', x, y: H - 8, 'text-anchor': anchor }, rows[i].day));
    }
    return band;
  }

  function stackedChart({ id, title, what, series, rows }) {
    const totals = Object.fromEntries(series.map((s) => [s.key, 0]));
    let max = 0;
    let best = null;
    for (const r of rows) {
      let sum = 0;
      for (const s of series) {
        const v = r.values[s.key] || 0;
        totals[s.key] += v;
        sum += v;
      }
      r.sum = sum;
      if (sum > max) { max = sum; best = r; }
    }
    const all = Object.values(totals).reduce((a, b) => a + b, 0);
    const summary = all === 0
      ? `No ${what} from ${rows[0].day} to ${rows[rows.length - 1].day}.`
      : `${number(all)} ${what} from ${rows[0].day} to ${rows[rows.length - 1].day}: `
        + series.filter((s) => totals[s.key] > 0).map((s) => `${s.label} ${number(totals[s.key])}`).join(', ')
        + `. Most on ${best.day} (${number(best.sum)}).`;
    const top = niceMax(max);
    const body = [];
    const band = axes(top, rows, body);
    const plotH = H - M.top - M.bottom;
    const barW = Math.max(1, band * 0.72);
    rows.forEach((r, i) => {
      let y = M.top + plotH;
      const x = M.left + band * i + (band - barW) / 2;
      for (const s of series) {
        const v = r.values[s.key] || 0;
        if (!v) continue;
        const h = (plotH * v) / top;
        y -= h;
        body.push(svg('rect', { class: `bar s-${s.key}`, x: x.toFixed(2), y: y.toFixed(2), width: barW.toFixed(2), height: h.toFixed(2),
          'data-day': r.day, 'data-series': s.key, 'data-value': v }, svg('title', {}, `${r.day}, ${s.label}: ${number(v)}`)));
      }
    });
    if (all === 0) body.push(svg('text', { class: 'empty', x: W / 2, y: H / 2, 'text-anchor': 'middle' }, `No ${what} in this range`));

    const table = el('table', { 'data-table': id },
      el('caption', {}, `${title} (UTC days)`),
      el('thead', {}, el('tr', {}, el('th', { scope: 'col' }, 'Day'), ...series.map((s) => el('th', { scope: 'col', class: 'num' }, s.label)),
        el('th', { scope: 'col', class: 'num' }, 'Total'))),
      el('tbody', {}, ...rows.map((r) => el('tr', { 'data-day': r.day }, el('th', { scope: 'row' }, r.day),
        ...series.map((s) => el('td', { class: 'num', 'data-series': s.key }, number(r.values[s.key] || 0))),
        el('td', { class: 'num', 'data-series': 'total' }, number(r.sum))))),
      el('tfoot', {}, el('tr', {}, el('th', { scope: 'row' }, 'Total'),
        ...series.map((s) => el('td', { class: 'num', 'data-series': s.key }, number(totals[s.key]))),
        el('td', { class: 'num', 'data-series': 'total' }, number(all)))));
    return figure({ id, title, summary, series, svgBody: body, table });
  }

  function clicksChart(days) {
    const rows = days.map((d) => ({ day: d.day, clicks: d.counts.clicks, human: d.counts.humanImpressions, ctr: d.counts.clickThroughRate,
      discarded: d.counts.discarded, by: d.counts.discardedBy }));
    const byReason = Object.fromEntries(DISCARD_REASONS.map(([key]) => [key, rows.reduce((a, r) => a + r.by[key], 0)]));
    const clicks = rows.reduce((a, r) => a + r.clicks, 0);
    const human = rows.reduce((a, r) => a + r.human, 0);
    const discarded = rows.reduce((a, r) => a + r.discarded, 0);
    const maxClicks = rows.reduce((a, r) => Math.max(a, r.clicks), 0);
    const maxCtr = rows.reduce((a, r) => Math.max(a, r.ctr || 0), 0);
    const top = niceMax(maxClicks);
    const ctrTop = maxCtr <= 0 ? 1 : Math.min(1, Math.ceil(maxCtr * 10) / 10);
    const body = [];
    const band = axes(top, rows, body, ctrTop);
    const plotH = H - M.top - M.bottom;
    const barW = Math.max(1, band * 0.72);
    const points = [];
    const dots = [];
    rows.forEach((r, i) => {
      const x = M.left + band * i + (band - barW) / 2;
      if (r.clicks) {
        const h = (plotH * r.clicks) / top;
        body.push(svg('rect', { class: 'bar s-clicks', x: x.toFixed(2), y: (M.top + plotH - h).toFixed(2), width: barW.toFixed(2), height: h.toFixed(2),
          'data-day': r.day, 'data-series': 'clicks', 'data-value': r.clicks }, svg('title', {}, `${r.day}, clicks: ${number(r.clicks)}`)));
      }
      if (r.ctr !== null && r.ctr !== undefined) {
        const cx = M.left + band * (i + 0.5);
        const cy = M.top + plotH - (plotH * r.ctr) / ctrTop;
        points.push(`${cx.toFixed(2)},${cy.toFixed(2)}`);
        dots.push(svg('circle', { class: 'dot-ctr', cx: cx.toFixed(2), cy: cy.toFixed(2), r: 3, 'data-day': r.day, 'data-series': 'ctr', 'data-value': r.ctr },
          svg('title', {}, `${r.day}, click-through: ${percent(r.ctr)}`)));
      }
    });
    if (points.length > 1) body.push(svg('polyline', { class: 's-ctr', points: points.join(' ') }));
    body.push(...dots);
    const overall = human === 0 ? null : Math.min(1, clicks / human);
    const summary = `${plural(clicks, 'click')} on ${plural(human, 'human impression')} from ${rows[0].day} to ${rows[rows.length - 1].day}: `
      + `click-through ${percent(overall)}; ${plural(discarded, 'load or click', 'loads and clicks')} discarded (${DISCARD_REASONS.filter(([key]) => byReason[key])
        .map(([key, label]) => `${number(byReason[key])} ${label}`).join(', ') || 'none'}).`;
    const table = el('table', { 'data-table': 'clicks' },
      el('caption', {}, 'Clicks, click-through and what was discarded (UTC days)'),
      el('thead', {}, el('tr', {}, ...['Day', 'Clicks', 'Human impressions', 'Click-through', 'Discarded',
        ...DISCARD_REASONS.map(([, label]) => `of which ${label}`)]
        .map((h, i) => el('th', { scope: 'col', class: i ? 'num' : undefined }, h)))),
      el('tbody', {}, ...rows.map((r) => el('tr', { 'data-day': r.day }, el('th', { scope: 'row' }, r.day),
        el('td', { class: 'num', 'data-series': 'clicks' }, number(r.clicks)),
        el('td', { class: 'num', 'data-series': 'human' }, number(r.human)),
        el('td', { class: 'num', 'data-series': 'ctr' }, percent(r.ctr)),
        el('td', { class: 'num', 'data-series': 'discarded' }, number(r.discarded)),
        ...DISCARD_REASONS.map(([key]) => el('td', { class: 'num', 'data-series': `discarded.${key}` }, number(r.by[key])))))),
      el('tfoot', {}, el('tr', {}, el('th', { scope: 'row' }, 'Total'),
        el('td', { class: 'num', 'data-series': 'clicks' }, number(clicks)),
        el('td', { class: 'num', 'data-series': 'human' }, number(human)),
        el('td', { class: 'num', 'data-series': 'ctr' }, percent(overall)),
        el('td', { class: 'num', 'data-series': 'discarded' }, number(discarded)),
        ...DISCARD_REASONS.map(([key]) => el('td', { class: 'num', 'data-series': `discarded.${key}` }, number(byReason[key]))))));
    return figure({ id: 'clicks', title: 'Clicks and click-through per day', summary,
      series: [{ key: 'clicks', label: 'Clicks (bars, left axis)' }, { key: 'ctr', label: 'Click-through (line, right axis)' }],
      svgBody: body, table });
  }

  // ---------- CSV ----------
  async function downloadCsv() {
    if (!session || !shown) return;
    showError('');
    const button = $('csv');
    button.disabled = true;
    try {
      const response = await fetchStats(shown.slug, shown.from, shown.to, 'text/csv');
      if (!response) return;
      const blob = await response.blob();
      const named = /filename="([^"]+)"/.exec(response.headers.get('Content-Disposition') || '');
      const file = named ? named[1] : `${shown.slug}-stats-${shown.from}-${shown.to}.csv`;
      if (csvUrl) URL.revokeObjectURL(csvUrl);
      csvUrl = URL.createObjectURL(new Blob([blob], { type: 'text/csv' }));
      const link = $('csv-link');
      link.href = csvUrl;
      link.download = file;
      link.textContent = `Save ${file} again`;
      link.hidden = false;
      link.click();
      say(`${file} is ready.`);
    } finally {
      button.disabled = false;
    }
  }

  // ---------- embed builder ----------
  async function updateBuilder() {
    const slug = $('builder').dataset.slug;
    if (!slug) return;
    const request = ++builderRequest;
    const q = new URLSearchParams({ style: $('style').value, theme: $('theme').value, src: $('placement').value });
    let response;
    try {
      response = await fetch(`/makers/snippets/${encodeURIComponent(slug)}?${q}`, { headers: { Accept: 'application/json' } });
    } catch {
      showError('The embed codes cannot be reached. Check your connection and try again.');
      return;
    }
    if (request !== builderRequest) return; // a later choice is on its way
    if (!response.ok) {
      showError(`The embed codes could not be made: ${await problemText(response)}`);
      return;
    }
    const codes = await response.json();
    $('code-html').value = codes.html;
    $('code-markdown').value = codes.markdown;
    $('code-iframe').value = codes.iframe;
    const img = $('preview-badge');
    img.src = codes.previewBadge;
    img.alt = `Preview: the ${codes.style} badge, ${codes.theme} theme`;
    $('preview-badge-caption').textContent = `The badge (${codes.style}, ${codes.theme})`;
    $('preview-widget').src = codes.previewWidget;
    $('preview-widget').title = `Preview of the widget, ${codes.theme} theme`;
  }

  function resetGallery() {
    const details = document.querySelector('details.gallery');
    details.open = false;
    $('gallery').tBodies[0].replaceChildren();
  }

  /** Built when opened: twelve live previews only for whoever wants them. */
  function fillGallery() {
    const slug = $('builder').dataset.slug;
    const body = $('gallery').tBodies[0];
    if (!slug || body.dataset.slug === slug && body.rows.length) return;
    body.dataset.slug = slug;
    body.replaceChildren(...STYLES.map(([style, label]) => el('tr', {}, el('th', { scope: 'row' }, label),
      ...THEMES.map((theme) => el('td', { class: theme === 'dark' ? 'dark' : undefined },
        el('img', { src: `/makers/preview/${encodeURIComponent(slug)}/badge?style=${style}&theme=${theme}`, alt: `${label}, ${theme}`, loading: 'lazy' }))))));
  }

  async function copy(event) {
    const area = $(event.currentTarget.dataset.copy);
    try {
      await navigator.clipboard.writeText(area.value);
      say('Copied.');
    } catch {
      area.focus();
      area.select();
      say('Selected: press Ctrl+C (or ⌘C) to copy.');
    }
  }

  // ---------- wiring ----------
  window.addEventListener('resize', () => {
    clearTimeout(resizeTimer);
    resizeTimer = setTimeout(() => {
      if (lastStats && !$('results').hidden && Math.round($('charts').clientWidth) !== W) render(lastStats.stats, lastStats.name);
    }, 200);
  });
  $('sign-in-form').addEventListener('submit', signIn);
  $('sign-out').addEventListener('click', () => end(''));
  $('range-form').addEventListener('submit', showStats);
  $('tool').addEventListener('change', () => showStats());
  $('csv').addEventListener('click', downloadCsv);
  $('builder-form').addEventListener('change', updateBuilder);
  document.querySelector('details.gallery').addEventListener('toggle', (e) => { if (e.currentTarget.open) fillGallery(); });
  for (const b of document.querySelectorAll('button.copy')) b.addEventListener('click', copy);
})();
