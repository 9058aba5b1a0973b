/**
 * What both example clients share: the environment they run in, the api client (badge-example.ts needs api too, to
 * sign in and grant a tool), one line per check with the closing "N passed, N failed" line, and the problem+json rule
 * every error answer keeps.
 */
import { readFileSync } from "node:fs";
import createClient from "openapi-fetch";
import type { components, paths } from "./schema.js";

/** shared-model's ProblemDetail: the same schema in both services' documents. */
export type ProblemDetail = components["schemas"]["ProblemDetail"];

export function required(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set`);
  return value;
}

export const API_URL = required("API_URL");
export const api = createClient<paths>({ baseUrl: API_URL });

let passed = 0;
let failed = 0;

export function check(name: string, ok: boolean, detail = ""): void {
  if (ok) {
    passed++;
    console.log(`ok   ${name}${detail ? ` (${detail})` : ""}`);
  } else {
    failed++;
    console.log(`FAIL ${name}${detail ? ` (${detail})` : ""}`);
  }
}

/** An error answer: that status, problem+json, `urn:shiporskip:problem:<code>`, and whatever `more` asks. */
export function problem(name: string, answer: { error?: unknown; response: Response }, status: number, code: string,
    more: (p: ProblemDetail) => boolean = () => true): void {
  // openapi-fetch types the error as the union of the documented error bodies; both services document ProblemDetail.
  const p = answer.error as ProblemDetail | undefined;
  check(name, answer.response.status === status && p !== undefined && p.status === status
    && p.type === `urn:shiporskip:problem:${code}`
    && (answer.response.headers.get("Content-Type") ?? "").startsWith("application/problem+json") && more(p),
    p === undefined ? `status ${answer.response.status}` : `${p.status} ${p.type}`);
}

/** An access token from api's POST /api/auth/token; the answer's type and lifetime are checked on the way. */
export async function signIn(email: string, password: string): Promise<string> {
  const { data, error } = await api.POST("/api/auth/token", { body: { email, password } });
  if (error) throw new Error(`sign-in as ${email}: ${error.status} ${error.detail ?? error.title}`);
  check(`sign-in as ${email.split("@")[0]}`, data.tokenType === "Bearer" && data.expiresIn > 0);
  return data.accessToken;
}

export function bearer(token: string): { Authorization: string } {
  return { Authorization: `Bearer ${token}` };
}

export const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** Runs the example; an exception is one more failure; the exit code says whether all checks passed. */
export function run(label: string, main: () => Promise<void>): void {
  main()
    .catch((e: unknown) => {
      failed++;
      console.log(`FAIL ${e instanceof Error ? e.message : String(e)}`);
    })
    .finally(() => {
      console.log(`${label}: ${passed} passed, ${failed} failed`);
      process.exitCode = failed === 0 ? 0 : 1;
    });
}

/**
 * The token of the confirmation link api mailed after the sign-up. The contract run's api keeps mails in its mock
 * mailbox, which logs each one: the link is read from the api's log (API_LOG) past where it stood before the sign-up.
 */
export async function mailedToken(from: number): Promise<string> {
  for (let i = 0; i < 50; i++) {
    const found = /verification\?token=([A-Za-z0-9_-]+)/.exec(readFileSync(required("API_LOG"), "utf8").slice(from));
    if (found?.[1]) return found[1];
    await sleep(100);
  }
  throw new Error("no confirmation mail in the api's log");
}
