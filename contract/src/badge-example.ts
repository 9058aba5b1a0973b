/**
 * A front-end's use of badge-service through a client generated from its OpenAPI document (openapi-typescript types
 * in src/badge-schema.d.ts + openapi-fetch), beside the api client of example.ts: the badge and its revalidation, the
 * shields.io document, the embed codes, the widget, the click-through, one error of each kind, and a maker reading
 * their tool's statistics with the token api gave them.
 *
 * Run against a live api and badge-service: API_URL, BADGE_URL, ADMIN_EMAIL and ADMIN_PASSWORD (an admin account),
 * API_LOG (the api's log, where its mock mailbox writes the confirmation mail the maker follows). With the argument
 * "api-down", after api was stopped: badge-service's 503 and its last known verdicts.
 */
import { readFileSync, writeFileSync } from "node:fs";
import createClient from "openapi-fetch";
import type { components, paths } from "./badge-schema.js";
import { API_URL, api, bearer, check, mailedToken, problem, required, run, signIn, sleep } from "./checks.js";

type MakerStats = components["schemas"]["MakerStats"];

const BADGE_URL = required("BADGE_URL");
const badges = createClient<paths>({ baseUrl: BADGE_URL });
/** What the first run leaves for the api-down run: a tool badge-service has seen. */
const STATE = "dist/badge-example.state.json";

async function main(): Promise<void> {
  if (process.argv[2] === "api-down") {
    await apiDown();
    return;
  }
  // ---- a reviewed tool of the demo catalog ----
  const list = await api.GET("/api/tools", { params: { query: { limit: 50, sort: "name" } } });
  const tool = list.data?.items.find((t) => t.verdict.reviewCount > 0);
  if (!tool) throw new Error("the demo catalog has no reviewed tool");
  const slug = tool.slug;

  // ---- the badge: SVG with an ETag, 304 when the client has it ----
  const badge = await badges.GET("/api/badge/{slug}", {
    params: { path: { slug }, query: { style: "card", theme: "auto", src: "readme" } },
    parseAs: "text",
  });
  const etag = badge.response.headers.get("ETag");
  check("badge: 200 SVG with ETag and Cache-Control", badge.response.status === 200
    && (badge.response.headers.get("Content-Type") ?? "").startsWith("image/svg+xml")
    && typeof badge.data === "string" && badge.data.startsWith("<svg") && etag !== null
    && badge.response.headers.get("Cache-Control") !== null, etag ?? "no ETag");
  if (etag === null) throw new Error("no ETag");
  const again = await badges.GET("/api/badge/{slug}", {
    params: { path: { slug }, query: { style: "card", theme: "auto", src: "readme" }, header: { "If-None-Match": `W/${etag}` } },
    parseAs: "text",
  });
  check("badge: W/ tag revalidates to 304", again.response.status === 304 && again.response.headers.get("ETag") === etag);

  // ---- shields.io endpoint document and embed codes: typed JSON, revalidated too ----
  const shields = await badges.GET("/api/badge/{slug}/shields.json", { params: { path: { slug } } });
  check("shields.json: schemaVersion 1, label, message", shields.data?.schemaVersion === 1
    && shields.data.label === "Ship or Skip" && shields.data.message.length > 0 && shields.data.cacheSeconds >= 300,
    shields.data?.message);
  const shieldsTag = shields.response.headers.get("ETag") ?? "";
  const shieldsAgain = await badges.GET("/api/badge/{slug}/shields.json", {
    params: { path: { slug }, header: { "If-None-Match": `"other", ${shieldsTag}` } },
  });
  check("shields.json: a tag in a list revalidates to 304", shieldsTag !== "" && shieldsAgain.response.status === 304);
  const snippets = await badges.GET("/api/badge/{slug}/snippets", { params: { path: { slug } } });
  check("snippets: the auto codes and each theme's", snippets.data?.badgeUrl === `${BADGE_URL}/api/badge/${slug}`
    && snippets.data.themes.dark.markdown.includes("theme=dark") && snippets.data.html.includes("theme=auto"));

  // ---- the widget and the click-through ----
  const widget = await badges.GET("/embed/{slug}", { params: { path: { slug }, query: { theme: "dark" } }, parseAs: "text" });
  check("widget: 200 HTML with ETag", widget.response.status === 200 && widget.response.headers.get("ETag") !== null
    && typeof widget.data === "string" && widget.data.startsWith("<!doctype html>"));
  const click = await badges.GET("/api/badge-click/{slug}", { params: { path: { slug }, query: { src: "readme" } }, redirect: "manual" });
  check("click-through: 302 to the review page", click.response.status === 302
    && (click.response.headers.get("Location") ?? "").startsWith(`${API_URL}/tool/${slug}?`));

  // ---- one error of each kind: problem+json with a stable type ----
  problem("400 names the slug", await badges.GET("/api/badge/{slug}/shields.json", { params: { path: { slug: "Not_A_Slug" } } }),
    400, "invalid-request", (p) => p.errors?.[0]?.field === "slug");
  const ghost = `${slug}-no-such-tool`;
  problem("404 for an unknown tool", await badges.GET("/api/badge/{slug}/snippets", { params: { path: { slug: ghost } } }),
    404, "not-found");
  const ghostPage = await fetch(`${BADGE_URL}/api/badge-click/${ghost}`, { headers: { Accept: "text/html" }, redirect: "manual" });
  check("404 click-through for a browser is a page", ghostPage.status === 404
    && (ghostPage.headers.get("Content-Type") ?? "").startsWith("text/html") && (await ghostPage.text()).includes("Unknown tool"));
  problem("406 for an Accept nothing answers", await badges.GET("/api/badge/{slug}/shields.json", {
    params: { path: { slug } }, headers: { Accept: "image/png" },
  }), 406, "not-acceptable");
  problem("401 without a token", await badges.GET("/api/makers/tools/{slug}/stats", { params: { path: { slug } } }),
    401, "unauthenticated", () => true);

  // ---- a maker reads their tool's numbers ----
  const admin = await signIn(required("ADMIN_EMAIL"), required("ADMIN_PASSWORD"));
  const email = `maker-${Date.now().toString(36)}@example.com`;
  const password = "a long and unguessable maker passphrase";
  const logBefore = readFileSync(required("API_LOG"), "utf8").length;
  const account = await api.POST("/api/accounts", { body: { email, password, displayName: "Contract Maker" } });
  check("the maker signs up", account.response.status === 201);
  const token = await mailedToken(logBefore);
  const verified = await api.POST("/api/accounts/verification", { body: { token } });
  check("the maker proves the address with the mailed link's token", verified.response.status === 200);
  const granted = await api.PUT("/api/tools/{slug}/makers/{email}", {
    params: { path: { slug, email } }, headers: bearer(admin),
  });
  check("an editor grants the tool", granted.response.status === 204, `${granted.response.status}`);
  const maker = await signIn(email, password);
  const other = list.data?.items.find((t) => t.slug !== slug);
  if (other) {
    problem("403 for another tool's stats", await badges.GET("/api/makers/tools/{slug}/stats", {
      params: { path: { slug: other.slug } }, headers: bearer(maker),
    }), 403, "forbidden");
  }
  let stats: MakerStats | undefined;
  // Counts are written behind (once a second): the badge, widget and click above show up within a few seconds.
  for (let i = 0; i < 20; i++) {
    const answer = await badges.GET("/api/makers/tools/{slug}/stats", {
      params: { path: { slug } }, headers: { ...bearer(maker), Accept: "application/json" },
    });
    // The operation answers JSON or CSV (Accept): the type says both; this asked for JSON.
    stats = typeof answer.data === "object" ? answer.data : undefined;
    if (stats && stats.totals.badge.total >= 1 && stats.totals.clicks >= 0 && stats.totals.embed.total >= 1) break;
    await sleep(500);
  }
  check("maker stats (JSON) with the maker's token", stats?.tool.slug === slug && stats.tool.name === tool.name
    && stats.days.length > 0
    && stats.totals.badge.total >= 1 && stats.totals.embed.total >= 1,
    stats ? `badge ${stats.totals.badge.total}, embed ${stats.totals.embed.total}, clicks ${stats.totals.clicks}` : "none");
  writeFileSync(STATE, JSON.stringify({ slug }));
}

/** After api stopped: a tool badge-service has seen is still shown (last known); a never-seen one is a 503 problem. */
async function apiDown(): Promise<void> {
  const { slug } = JSON.parse(readFileSync(STATE, "utf8")) as { slug: string };
  const known = await badges.GET("/api/badge/{slug}/shields.json", { params: { path: { slug } } });
  check("api down: a known tool's badge still answers", known.response.status === 200 && known.data?.schemaVersion === 1);
  problem("503 for a tool never seen while api is down", await badges.GET("/api/badge/{slug}/shields.json", {
    params: { path: { slug: `never-seen-${Date.now().toString(36)}` } },
  }), 503, "unavailable");
}

run("badge client", main);
