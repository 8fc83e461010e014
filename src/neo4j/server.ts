// The managed server's life cycle: start (installing first if needed), stop, status.
// Everything an instance owns lives under .neo4j/<instance>/; the pid recorded there
// is the only process `stop` ever signals.
import { existsSync, readFileSync } from "node:fs";
import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { UserError } from "../cli/errors.js";
import { settlePassword, generatePassword, storedPassword } from "./auth.js";
import { browserConfig, collectBrowserSetup, publishBrowserAssets } from "./browser.js";
import { javaArgs, renderNeo4jConf } from "./conf.js";
import { installNeo4j, isInstalled, pinnedNeo4jVersion } from "./install.js";
import { acquireLock } from "./lock.js";
import { instancePaths, neo4jUser, portSettings, resolveOptions } from "./options.js";
import type { InstanceName, InstancePaths, OptionInput } from "./options.js";
import { boltAnswers, isPortFree } from "./ports.js";
import { assertJava, clearState, launch, processAlive, runningServer, terminate } from "./process.js";
import type { ServerState } from "./process.js";

export interface Neo4jConnection {
  uri: string;
  user: string;
  password: string;
}

export interface StartResult extends Neo4jConnection {
  httpUrl: string;
  browserUrl: string;
  pid: number;
  version: string;
  alreadyRunning: boolean;
  /** True when this start generated the password (worth printing prominently). */
  generatedPassword: boolean;
  /** Seconds from launching the JVM until Bolt and HTTP answered (0 when already running). */
  startSeconds: number;
  /**
   * True when the server was already running with a neo4j.conf that differs from the one a
   * start would write now (e.g. the Browser style or guide changed): Neo4j reads its conf
   * only at start, so it needs a restart to pick the change up.
   */
  confStale: boolean;
}

export interface StartOptions extends OptionInput {
  instance?: InstanceName;
  /** Maven local repository for an install that start triggers. */
  mavenRepo?: string;
  log?: (line: string) => void;
  startTimeoutMs?: number;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function urls(state: Pick<ServerState, "host" | "boltPort" | "httpPort">) {
  const httpUrl = `http://${state.host}:${state.httpPort}`;
  return { uri: `bolt://${state.host}:${state.boltPort}`, httpUrl, browserUrl: `${httpUrl}/browser/` };
}

function lockFile(paths: InstancePaths): string {
  return path.join(paths.run, "lifecycle.lock");
}

async function httpAnswers(url: string): Promise<boolean> {
  try {
    const response = await fetch(url, { signal: AbortSignal.timeout(2000) });
    await response.body?.cancel();
    return response.ok;
  } catch {
    return false;
  }
}

/** First ERROR line of Neo4j's log, or the tail of the JVM's console output. */
function startupFailure(paths: InstancePaths): string {
  for (const file of [path.join(paths.logs, "neo4j.log"), paths.consoleLog]) {
    if (!existsSync(file)) continue;
    const lines = readFileSync(file, "utf8").trim().split("\n");
    const error = lines.find((l) => / ERROR /.test(l) || /^Error|Exception/.test(l));
    if (error) return error.trim();
  }
  return "no error was logged";
}

async function waitUntilUp(
  pid: number,
  host: string,
  boltPort: number,
  httpUrl: string,
  paths: InstancePaths,
  timeoutMs: number,
) {
  const deadline = Date.now() + timeoutMs;
  let boltUp = false;
  while (Date.now() < deadline) {
    if (!processAlive(pid)) {
      throw new UserError(`Neo4j exited during start-up (${startupFailure(paths)}); logs in ${paths.logs}`);
    }
    boltUp ||= await boltAnswers(host, boltPort, 1000);
    if (boltUp && (await httpAnswers(httpUrl))) return;
    await sleep(250);
  }
  throw new UserError(
    `Neo4j did not answer on Bolt/HTTP within ${timeoutMs / 1000} s; logs in ${paths.logs}`,
  );
}

function confMatches(paths: InstancePaths, expected: string): boolean {
  try {
    return readFileSync(path.join(paths.conf, "neo4j.conf"), "utf8") === expected;
  } catch {
    return false;
  }
}

async function assertPortsFree(host: string, ports: [number, string, string][]): Promise<void> {
  for (const [port, what, hint] of ports) {
    if (!(await isPortFree(host, port))) {
      throw new UserError(`${what} port ${host}:${port} is already in use; choose another with ${hint}`);
    }
  }
}

export async function startNeo4j(options: StartOptions = {}): Promise<StartResult> {
  const instance = options.instance ?? "server";
  const opts = resolveOptions(instance, options);
  const paths = instancePaths(instance);
  const log = options.log ?? (() => {});
  const lock = await acquireLock(lockFile(paths), 300_000, () =>
    log(`Waiting for another policygraph process that is starting or stopping .neo4j/${instance} …`),
  );
  try {
    const running = runningServer(paths);
    if (running) {
      const password = opts.password ?? storedPassword(paths);
      if (password === undefined)
        throw new UserError(`${paths.passwordFile} is missing; pass the password with --password`);
      const { uri, httpUrl, browserUrl } = urls(running);
      // Refresh the published style and guide, so edits to cypher/ show without a restart.
      const setup = collectBrowserSetup({ httpUrl });
      await publishBrowserAssets(setup.assets);
      const current = { ...opts, host: running.host, boltPort: running.boltPort, httpPort: running.httpPort };
      const confStale = !confMatches(
        paths,
        renderNeo4jConf(current, paths, browserConfig({ httpUrl }, setup)),
      );
      if (confStale)
        log(`.neo4j/${instance} runs with an outdated neo4j.conf; restart it to apply the change`);
      if (opts.password !== undefined && opts.password !== storedPassword(paths)) {
        await settlePassword(uri, paths, opts.password);
      }
      return {
        uri,
        httpUrl,
        browserUrl,
        user: neo4jUser,
        password,
        pid: running.pid,
        version: running.version,
        alreadyRunning: true,
        generatedPassword: false,
        startSeconds: 0,
        confStale,
      };
    }
    await clearState(paths);

    if (!isInstalled()) {
      const installed = await installNeo4j({
        log,
        ...(options.mavenRepo ? { mavenRepo: options.mavenRepo } : {}),
      });
      log(`Installed Neo4j ${installed.version} in ${installed.seconds.toFixed(1)} s.`);
    }
    assertJava();
    const ports = portSettings(instance);
    const flag = (name: string, env: string) => (instance === "server" ? `--${name} or ${env}` : env);
    await assertPortsFree(opts.host, [
      [opts.boltPort, "the Bolt", flag("bolt-port", ports.boltEnv)],
      [opts.httpPort, "the HTTP", flag("http-port", ports.httpEnv)],
    ]);

    const version = pinnedNeo4jVersion();
    const state = {
      host: opts.host,
      boltPort: opts.boltPort,
      httpPort: opts.httpPort,
      version,
      startedAt: new Date().toISOString(),
    };
    const { uri, httpUrl, browserUrl } = urls(state);
    const setup = collectBrowserSetup({ httpUrl });
    await publishBrowserAssets(setup.assets);
    for (const dir of [paths.conf, paths.data, paths.logs, paths.run]) await mkdir(dir, { recursive: true });
    await writeFile(
      path.join(paths.conf, "neo4j.conf"),
      renderNeo4jConf(opts, paths, browserConfig({ httpUrl }, setup)),
    );

    log(`Starting Neo4j ${version} (.neo4j/${instance}, heap ${opts.heap}, page cache ${opts.pagecache}) …`);
    const launched = performance.now();
    const pid = await launch(javaArgs(opts, paths), paths, state);
    try {
      await waitUntilUp(pid, opts.host, opts.boltPort, httpUrl, paths, options.startTimeoutMs ?? 180_000);
      const startSeconds = (performance.now() - launched) / 1000;
      const stored = storedPassword(paths);
      const password = opts.password ?? stored ?? generatePassword();
      await settlePassword(uri, paths, password);
      return {
        uri,
        httpUrl,
        browserUrl,
        user: neo4jUser,
        password,
        pid,
        version,
        alreadyRunning: false,
        generatedPassword: opts.password === undefined && stored === undefined,
        startSeconds,
        confStale: false,
      };
    } catch (err) {
      await terminate(pid, 30_000);
      await clearState(paths);
      throw err;
    }
  } finally {
    lock.release();
  }
}

/** Start the instance if it is not running; the connection either way. */
export async function ensureNeo4j(options: StartOptions = {}): Promise<Neo4jConnection> {
  const { uri, user, password } = await startNeo4j(options);
  return { uri, user, password };
}

export interface StopResult {
  wasRunning: boolean;
  pid?: number;
  how?: "stopped" | "killed";
}

export async function stopNeo4j(options: { instance?: InstanceName } = {}): Promise<StopResult> {
  const paths = instancePaths(options.instance ?? "server");
  const lock = await acquireLock(lockFile(paths), 300_000);
  try {
    const running = runningServer(paths);
    if (!running) {
      await clearState(paths);
      return { wasRunning: false };
    }
    const how = await terminate(running.pid);
    await clearState(paths);
    return { wasRunning: true, pid: running.pid, how };
  } finally {
    lock.release();
  }
}

export interface StatusResult {
  instance: InstanceName;
  running: boolean;
  installed: boolean;
  version: string;
  home: string;
  passwordFile?: string;
  pid?: number;
  uri?: string;
  httpUrl?: string;
  browserUrl?: string;
  /** Whether Bolt completed a handshake just now (a starting server is running but not answering). */
  boltAnswering?: boolean;
}

export async function neo4jStatus(options: { instance?: InstanceName } = {}): Promise<StatusResult> {
  const instance = options.instance ?? "server";
  const paths = instancePaths(instance);
  const running = runningServer(paths);
  const base: StatusResult = {
    instance,
    running: Boolean(running),
    installed: isInstalled(),
    version: running?.version ?? pinnedNeo4jVersion(),
    home: paths.home,
    ...(existsSync(paths.passwordFile) ? { passwordFile: paths.passwordFile } : {}),
  };
  if (!running) return base;
  return {
    ...base,
    pid: running.pid,
    ...urls(running),
    boltAnswering: await boltAnswers(running.host, running.boltPort, 1000),
  };
}
