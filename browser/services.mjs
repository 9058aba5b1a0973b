// The services a browser test runs against: the built api and badge-service jars on PostgreSQL (a database of the
// test's own, dropped at the end), a fresh JWT key pair, free loopback ports; and the helpers both tests share.
//
// Environment: BUILD_DIR (the jars' Maven output folder, default "target"), PGHOST/PGPORT/PGUSER (default 127.0.0.1,
// 5432, postgres), CHROMIUM (default /usr/bin/chromium).
import { spawn, execFileSync } from 'node:child_process';
import { createServer as createNetServer } from 'node:net';
import { mkdtempSync, mkdirSync, existsSync, openSync, closeSync, rmSync, copyFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const HERE = dirname(fileURLToPath(import.meta.url));
export const ROOT = resolve(HERE, '..');
/** Screenshots and the services' logs. */
export const OUT = join(HERE, 'target');
export const BUILD_DIR = process.env.BUILD_DIR || 'target';
export const CHROMIUM = process.env.CHROMIUM || '/usr/bin/chromium';
export const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
  '--disable-component-update', '--no-first-run', '--disable-sync'];
export const PG = { host: process.env.PGHOST || '127.0.0.1', port: process.env.PGPORT || '5432', user: process.env.PGUSER || 'postgres' };

export const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

export function freePort() {
  return new Promise((res, rej) => {
    const s = createNetServer();
    s.once('error', rej);
    s.listen(0, '127.0.0.1', () => { const { port } = s.address(); s.close(() => res(port)); });
  });
}

export function psql(...commands) {
  const args = ['-q', '-h', PG.host, '-p', PG.port, '-U', PG.user, '-d', 'postgres', '-v', 'ON_ERROR_STOP=1'];
  for (const c of commands) args.push('-c', c);
  execFileSync('psql', args, { stdio: ['ignore', 'ignore', 'inherit'], env: { ...process.env, PGOPTIONS: '-c client_min_messages=warning' } });
}

const jar = (module) => join(ROOT, module, BUILD_DIR, 'quarkus-app', 'quarkus-run.jar');

/**
 * api and badge-service for one test file. prepare() makes the work folder, the key pair, the database and picks the
 * ports (so a test can point its own servers at api and badge first); start() runs both jars and waits until both are
 * ready; stop() stops them, keeps their logs in browser/target/ and drops the database. stop() may run twice (the
 * deadline and after()).
 */
export class Services {
  constructor(database, work, apiPort, badgePort) {
    this.database = database;
    this.work = work;
    this.apiPort = apiPort;
    this.badgePort = badgePort;
    this.api = `http://127.0.0.1:${apiPort}`;
    this.badge = `http://127.0.0.1:${badgePort}`;
    this.processes = [];
  }

  /** database: the test's own; tmpPrefix: its work folder under the system's temp folder. */
  static async prepare({ database, tmpPrefix }) {
    mkdirSync(OUT, { recursive: true });
    const work = mkdtempSync(join(tmpdir(), tmpPrefix));
    execFileSync('openssl', ['genrsa', '-out', join(work, 'rsa.pem'), '2048'], { stdio: 'ignore' });
    execFileSync('openssl', ['pkcs8', '-topk8', '-nocrypt', '-in', join(work, 'rsa.pem'), '-out', join(work, 'jwt-private.pem')]);
    execFileSync('openssl', ['rsa', '-in', join(work, 'rsa.pem'), '-pubout', '-out', join(work, 'jwt-public.pem')], { stdio: 'ignore' });
    psql(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`, `CREATE DATABASE ${database}`);
    return new Services(database, work, await freePort(), await freePort());
  }

  /**
   * Starts api (demo data, the admin account, signing with the fresh key, no digest) and badge-service (verdicts and
   * keys from that api), both on 127.0.0.1, and waits for both /q/health/ready. common, api and badge add to (or
   * override) the environment of both, of api and of badge-service.
   */
  async start({ admin, common = {}, api = {}, badge = {} }) {
    const shared = {
      SHIPORSKIP_DB_URL: `postgresql://${PG.host}:${PG.port}/${this.database}`, SHIPORSKIP_DB_USER: PG.user,
      SHIPORSKIP_DB_PASSWORD: '', SHIPORSKIP_SITE_BASE_URL: this.api,
      SHIPORSKIP_JWT_PUBLIC_KEY: join(this.work, 'jwt-public.pem'), QUARKUS_HTTP_HOST: '127.0.0.1', ...common,
    };
    const apiProcess = this.spawn('api', jar('api'), {
      ...shared, SHIPORSKIP_API_PORT: String(this.apiPort), SHIPORSKIP_API_PUBLIC_URL: this.api,
      SHIPORSKIP_SITE_BADGE_URL: this.badge, SHIPORSKIP_DEMO_DATA: 'true',
      SHIPORSKIP_JWT_PRIVATE_KEY: join(this.work, 'jwt-private.pem'),
      SHIPORSKIP_ADMIN_EMAIL: admin.email, SHIPORSKIP_ADMIN_PASSWORD: admin.password, SHIPORSKIP_DIGEST_CRON: 'off',
      ...api,
    });
    // badge-service starts fine while api is still starting (it reads verdicts and keys on demand).
    const badgeProcess = this.spawn('badge-service', jar('badge-service'), {
      ...shared, SHIPORSKIP_BADGE_PORT: String(this.badgePort), SHIPORSKIP_API_URL: this.api,
      SHIPORSKIP_BADGE_PUBLIC_URL: this.badge, ...badge,
    });
    await Promise.all([waitReady(apiProcess, this.api), waitReady(badgeProcess, this.badge)]);
  }

  /** SIGTERM, SIGKILL after 10 s; logs to browser/target/<logPrefix><name>.log; the database dropped. */
  async stop(logPrefix = '') {
    for (const p of this.processes) if (!p.exited) p.child.kill('SIGTERM');
    for (const p of this.processes) {
      for (let i = 0; i < 100 && !p.exited; i++) await sleep(100);
      if (!p.exited) p.child.kill('SIGKILL');
    }
    for (const p of this.processes) { try { copyFileSync(p.logFile, join(OUT, `${logPrefix}${p.name}.log`)); } catch { /* none */ } }
    try { psql(`DROP DATABASE IF EXISTS ${this.database} WITH (FORCE)`); } catch { /* best effort */ }
    rmSync(this.work, { recursive: true, force: true });
  }

  spawn(name, jarFile, env) {
    if (!existsSync(jarFile)) throw new Error(`${jarFile} is missing: build first (./mvnw -B package -DskipTests${BUILD_DIR === 'target' ? '' : ' -Dbuild.dir=' + BUILD_DIR})`);
    const logFile = join(this.work, `${name}.log`);
    const fd = openSync(logFile, 'w');
    const child = spawn('java', ['-jar', jarFile], { env: { ...process.env, ...env }, stdio: ['ignore', fd, fd] });
    closeSync(fd);
    const p = { name, child, logFile, exited: false };
    child.on('exit', () => { p.exited = true; });
    this.processes.push(p);
    return p;
  }
}

async function waitReady(p, base) {
  for (let i = 0; i < 240; i++) {
    if (p.exited) throw new Error(`${p.name} exited during startup; see ${p.logFile}`);
    try {
      if ((await fetch(`${base}/q/health/ready`)).ok) return;
    } catch { /* not listening yet */ }
    await sleep(250);
  }
  throw new Error(`${p.name} was not ready in 60 s; see ${p.logFile}`);
}
