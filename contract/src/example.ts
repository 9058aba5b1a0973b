/**
 * A front-end's use of the api through a client generated from its OpenAPI document (openapi-typescript types +
 * openapi-fetch). Every path, parameter, body and answer below is typed by src/schema.d.ts: a field the document
 * forbids, or a nullable one used as if always set, is a compile error (tsc --strict).
 *
 * Run against a live api: API_URL, ADMIN_EMAIL and ADMIN_PASSWORD (an account of role admin), API_LOG (the api's log,
 * where its mock mailbox writes the confirmation mail the reader follows before voting).
 */
import type { components, paths } from "./schema.js";
import { readFileSync } from "node:fs";
import { api, bearer, check, mailedToken, problem, required, run, signIn } from "./checks.js";

type ToolSummary = components["schemas"]["ToolSummary"];

async function main(): Promise<void> {
  // ---- the catalog: every page until nextCursor is null ----
  const seen: ToolSummary[] = [];
  let cursor: string | null = null;
  let pages = 0;
  do {
    const query: NonNullable<paths["/api/tools"]["get"]["parameters"]["query"]> =
      cursor === null ? { limit: 2, sort: "name" } : { limit: 2, sort: "name", cursor };
    const { data, error } = await api.GET("/api/tools", { params: { query } });
    if (error) throw new Error(`list: ${error.title}`);
    seen.push(...data.items);
    cursor = data.nextCursor; // string | null: the type says when to stop
    pages++;
  } while (cursor !== null && pages < 100);
  check("pagination reaches the last page", cursor === null && pages > 1, `${pages} pages`);
  check("no tool twice", new Set(seen.map((t) => t.slug)).size === seen.length, `${seen.length} tools`);

  // ---- an editor creates a tool: no reviews, no votes ----
  const admin = await signIn(required("ADMIN_EMAIL"), required("ADMIN_PASSWORD"));
  const slug = `contract-${Date.now().toString(36)}`;
  const created = await api.POST("/api/tools", {
    headers: bearer(admin),
    body: {
      slug,
      name: "Contract Probe",
      vendor: "Ship or Skip",
      tagline: "A tool made by the contract check",
      description: "Created by contract/src/example.ts: no reviews, no votes.",
      category: "Developer Tools",
      pricing: "Free",
      entryPrice: "Free",
    },
  });
  check("POST /api/tools answers 201 with Location", created.response.status === 201
    && created.response.headers.get("Location") !== null);
  const tool = created.data;
  if (!tool) throw new Error("no tool created");
  // The nullable fields: the compiler made us say what null means here.
  check("no reviews: no verdict numbers", tool.verdict.decision === "NONE"
    && tool.verdict.shipPercent === null && tool.verdict.meanScore === null);
  check("no votes: no community percentage", tool.community.state === "NO_VOTES" && tool.community.shipPercent === null);
  check("unset license and website are null", tool.license === null && tool.website === null);
  const shown = await api.GET("/api/tools/{slug}", { params: { path: { slug } } });
  check("the new tool reads back", shown.data?.slug === slug && shown.data.reviews.length === 0);

  // ---- a comparison: the new tool has an empty cell in every scorecard row ----
  const other = seen.find((t) => t.slug !== slug && t.verdict.reviewCount > 0);
  if (!other) throw new Error("the demo catalog has no reviewed tool");
  const comparison = await api.GET("/api/comparisons", { params: { query: { tools: `${other.slug},${slug}` } } });
  const rows = comparison.data?.scorecard ?? [];
  check("comparison columns follow the order asked", comparison.data?.tools.map((c) => c.slug).join() === `${other.slug},${slug}`);
  check("no review: a null scorecard cell", rows.length > 0 && rows.every((row) => row.cells[1] === null));
  check("a scorecard cell names its tool as {slug, name}", rows.some((row) => row.cells[0]?.tool.slug === other.slug
    && row.cells[0]?.tool.name === other.name));

  // ---- a reader signs up, signs in, votes, withdraws, bookmarks ----
  const email = `reader-${Date.now().toString(36)}@example.com`;
  const password = "a long and unguessable passphrase";
  const logBefore = readFileSync(required("API_LOG"), "utf8").length;
  const account = await api.POST("/api/accounts", { body: { email, password, displayName: "Contract Reader" } });
  check("sign-up answers 201", account.response.status === 201 && account.data?.roles.includes("reader") === true);
  const reader = await signIn(email, password);

  // Only a proved address votes: 403 saying how to prove it, then the mailed link, then the vote counts.
  problem("an unproved account's vote is refused", await api.PUT("/api/tools/{slug}/vote", {
    params: { path: { slug } }, headers: bearer(reader), body: { decision: "SHIP" },
  }), 403, "forbidden", (p) => (p.detail ?? "").includes("/api/me/verification-mail"));
  const proved = await api.POST("/api/accounts/verification", { body: { token: await mailedToken(logBefore) } });
  check("the reader proves the address with the mailed link's token", proved.response.status === 200);

  const voted = await api.PUT("/api/tools/{slug}/vote", {
    params: { path: { slug } }, headers: bearer(reader), body: { decision: "SHIP" },
  });
  check("a vote counts at once", voted.data?.decision === "SHIP" && voted.data.community.votes === 1
    && voted.data.tool.slug === slug && voted.data.tool.name === "Contract Probe"
    && voted.data.community.shipPercent === 100);
  const withdrawn = await api.DELETE("/api/tools/{slug}/vote", { params: { path: { slug } }, headers: bearer(reader) });
  check("a withdrawn vote has decision null", withdrawn.data?.decision === null
    && withdrawn.data.community.state === "NO_VOTES");

  const marked = await api.PUT("/api/me/bookmarks/{slug}", { params: { path: { slug } }, headers: bearer(reader) });
  check("bookmark answers 204", marked.response.status === 204);
  const bookmarks = await api.GET("/api/me/bookmarks", { params: { query: { limit: 10 } }, headers: bearer(reader) });
  check("the bookmark is listed", bookmarks.data?.items.some((b) => b.tool.slug === slug) === true
    && bookmarks.data.nextCursor === null);
  const unmarked = await api.DELETE("/api/me/bookmarks/{slug}", { params: { path: { slug } }, headers: bearer(reader) });
  check("unbookmark answers 204", unmarked.response.status === 204);

  // ---- one of each error kind: problem+json with a stable type ----
  const bad = await api.GET("/api/tools", { params: { query: { limit: 0 } } });
  problem("400 names the parameter", bad, 400, "invalid-request", (p) => p.errors?.[0]?.field === "limit");
  const anonymous = await api.GET("/api/me");
  problem("401 with a challenge", anonymous, 401, "unauthenticated",
    () => anonymous.response.headers.get("WWW-Authenticate") === "Bearer");
  const forbidden = await api.POST("/api/tools", {
    headers: bearer(reader),
    body: { name: "Nope", vendor: "Nope", tagline: "Nope", description: "Nope", category: "Nope", pricing: "Nope", entryPrice: "Nope" },
  });
  problem("403 for a reader on an editor's route", forbidden, 403, "forbidden");
  const missing = await api.GET("/api/tools/{slug}", { params: { path: { slug: `${slug}-missing` } } });
  problem("404 for an unknown slug", missing, 404, "not-found");
  const again = await api.POST("/api/accounts", { body: { email, password, displayName: "Again" } });
  problem("409 for a taken e-mail", again, 409, "conflict");
}

run("client", main);
