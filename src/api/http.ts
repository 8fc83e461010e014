// The HTTP server: one port for GraphQL (POST/GET /graphql), the offline IDE
// (GET /graphql in a browser), /health and the explorer site at `/` (a hook).
// Plain node:http around Apollo's executeHTTPGraphQLRequest, so that the body
// limit, rate limit, API key, CORS and timeouts are ours and visible here.
import { createHash, timingSafeEqual } from "node:crypto";
import http from "node:http";
import type { IncomingMessage, ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { HeaderMap } from "@apollo/server";
import type { ApolloServer, HTTPGraphQLResponse } from "@apollo/server";
import type { GraphStore } from "../graph/store.js";
import { createContext } from "./context.js";
import type { ApiContext } from "./context.js";
import { ErrorCode, scrubSecrets } from "./errors.js";
import { IDE_ASSET_PREFIX, sendIdeAsset, sendIdePage, wantsIde } from "./ide.js";
import { DEFAULT_LIMITS } from "./limits.js";
import type { ApiLimits } from "./limits.js";
import { createRateLimiter } from "./ratelimit.js";
import { createApolloServer } from "./server.js";

/**
 * Serves the explorer site (src/web) for any path other than /graphql and
 * /health; resolves true when it answered the request, false to fall through.
 */
export type SiteHandler = (req: IncomingMessage, res: ServerResponse) => boolean | Promise<boolean>;

export interface HttpServerOptions {
  store: GraphStore;
  host?: string;
  /** 0 picks a free port. */
  port?: number;
  /** When set, /graphql needs `Authorization: Bearer <key>` or `X-API-Key: <key>`. */
  apiKey?: string;
  /** Origins allowed to call the API from a browser; none (CORS off) by default. */
  corsOrigins?: string[];
  limits?: Partial<ApiLimits>;
  site?: SiteHandler;
  log?: (message: string) => void;
  /** How long close() waits for requests in flight before cutting connections. */
  drainMs?: number;
  /** Under `serve --replicas`: this process's number, shown by /health. */
  replica?: number;
}

export interface RunningServer {
  url: string;
  port: number;
  server: http.Server;
  apollo: ApolloServer<ApiContext>;
  /** Stop accepting, let requests in flight finish (up to drainMs), stop Apollo. Idempotent. */
  close(): Promise<void>;
}

interface Reply {
  status: number;
  headers?: Record<string, string>;
  body: unknown;
}

function sendJson(res: ServerResponse, { status, headers, body }: Reply): void {
  if (res.headersSent) return;
  const text = JSON.stringify(body);
  res.writeHead(status, {
    "content-type": "application/json; charset=utf-8",
    "content-length": Buffer.byteLength(text),
    ...headers,
  });
  res.end(text);
}

const errorBody = (message: string, code: string) => ({ errors: [{ message, extensions: { code } }] });

class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly code: string,
  ) {
    super(message);
  }
}

async function readBody(req: IncomingMessage, maxBytes: number): Promise<string> {
  const declared = Number(req.headers["content-length"] ?? 0);
  if (declared > maxBytes)
    throw new HttpError(413, `request body is larger than ${maxBytes} bytes`, "PAYLOAD_TOO_LARGE");
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > maxBytes)
      throw new HttpError(413, `request body is larger than ${maxBytes} bytes`, "PAYLOAD_TOO_LARGE");
    chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString("utf8");
}

function parseBody(text: string, contentType: string | undefined): unknown {
  if (!/json/i.test(contentType ?? "")) return text;
  if (text.trim() === "") return {};
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new HttpError(400, "request body is not valid JSON", "BAD_REQUEST");
  }
}

function keyMatches(given: string | undefined, expected: string): boolean {
  if (!given) return false;
  // Hashing first makes the comparison constant-time whatever the lengths.
  const a = createHash("sha256").update(given).digest();
  const b = createHash("sha256").update(expected).digest();
  return timingSafeEqual(a, b);
}

function presentedKey(req: IncomingMessage): string | undefined {
  const auth = req.headers.authorization;
  const bearer = auth && /^Bearer\s+(.+)$/i.exec(auth.trim());
  if (bearer) return bearer[1];
  const header = req.headers["x-api-key"];
  return Array.isArray(header) ? header[0] : header;
}

const FALLBACK_HOME = `<!doctype html>
<html lang="zh"><head><meta charset="utf-8"><title>PolicyGraph</title></head>
<body style="font-family: sans-serif; max-width: 40em; margin: 3em auto">
<h1>PolicyGraph</h1>
<p>A knowledge graph of Chinese industrial-policy news.</p>
<ul><li><a href="/graphql">GraphQL IDE</a> — query the graph (POST /graphql for programs)</li>
<li><a href="/health">/health</a> — store kind and counts</li></ul>
</body></html>
`;

async function writeGraphQLResponse(res: ServerResponse, response: HTTPGraphQLResponse): Promise<void> {
  const headers: Record<string, string> = {};
  for (const [name, value] of response.headers) headers[name] = value;
  if (response.body.kind === "complete") {
    // A length instead of chunked encoding: one write of headers and body.
    headers["content-length"] = String(Buffer.byteLength(response.body.string));
    res.writeHead(response.status ?? 200, headers);
    res.end(response.body.string);
    return;
  }
  res.writeHead(response.status ?? 200, headers);
  for await (const chunk of response.body.asyncIterator) res.write(chunk);
  res.end();
}

export async function startHttpServer(options: HttpServerOptions): Promise<RunningServer> {
  const limits: ApiLimits = { ...DEFAULT_LIMITS, ...options.limits };
  const log = options.log ?? ((message: string) => console.error(message));
  const apollo = createApolloServer({ limits, log });
  await apollo.start();
  const rateLimiter = createRateLimiter(limits.rateLimitPerMinute);
  const corsOrigins = new Set(options.corsOrigins ?? []);
  const inFlight = new Set<Promise<void>>();
  let draining = false;

  function applyCors(req: IncomingMessage, res: ServerResponse): void {
    const origin = req.headers.origin;
    if (!origin || !corsOrigins.has(origin)) return;
    res.setHeader("access-control-allow-origin", origin);
    res.setHeader("vary", "Origin");
    if (req.method === "OPTIONS") {
      res.setHeader("access-control-allow-methods", "GET, POST, OPTIONS");
      res.setHeader(
        "access-control-allow-headers",
        "content-type, authorization, x-api-key, apollo-require-preflight, x-apollo-operation-name",
      );
      res.setHeader("access-control-max-age", "600");
    }
  }

  async function health(res: ServerResponse): Promise<void> {
    if (draining)
      return sendJson(res, { status: 503, body: { status: "shutting-down", store: options.store.kind } });
    try {
      const s = await options.store.stats();
      const sum = (r: Record<string, number>) => Object.values(r).reduce((a, b) => a + b, 0);
      sendJson(res, {
        status: 200,
        headers: { "cache-control": "no-store" },
        body: {
          status: "ok",
          store: options.store.kind,
          entities: sum(s.nodes),
          relationships: sum(s.relations),
          documents: s.documents,
          evidence: s.evidence,
          labels: s.nodes,
          relationTypes: s.relations,
          ...(options.replica ? { replica: options.replica } : {}),
        },
      });
    } catch (err) {
      log(`health: ${scrubSecrets(err instanceof Error ? err.message : String(err))}`);
      sendJson(res, { status: 503, body: { status: "unavailable", store: options.store.kind } });
    }
  }

  async function graphql(req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
    const wait = rateLimiter.take(req.socket.remoteAddress ?? "unknown");
    if (wait > 0) {
      return sendJson(res, {
        status: 429,
        headers: { "retry-after": String(wait) },
        body: errorBody("too many requests; slow down", "RATE_LIMITED"),
      });
    }
    if (options.apiKey && !keyMatches(presentedKey(req), options.apiKey)) {
      return sendJson(res, {
        status: 401,
        headers: { "www-authenticate": 'Bearer realm="policygraph"' },
        body: errorBody(
          "an API key is required (Authorization: Bearer <key> or X-API-Key)",
          "UNAUTHENTICATED",
        ),
      });
    }
    const method = (req.method ?? "GET").toUpperCase();
    const body =
      method === "POST"
        ? parseBody(await readBody(req, limits.maxBodyBytes), req.headers["content-type"])
        : undefined;
    const headers = new HeaderMap();
    for (const [name, value] of Object.entries(req.headers)) {
      if (value !== undefined) headers.set(name, Array.isArray(value) ? value.join(", ") : value);
    }
    // Abandoned when the time is up or the client hangs up; resolvers then stop calling the store.
    const controller = new AbortController();
    // Only a response closed before it was sent is abandoned; aborting after every
    // response would build a DOMException (with its stack) per request.
    res.once("close", () => {
      if (!res.writableFinished) controller.abort();
    });
    let timer: NodeJS.Timeout | undefined;
    const timedOut = new Promise<"timeout">((resolve) => {
      timer = setTimeout(() => {
        controller.abort();
        resolve("timeout");
      }, limits.timeoutMs);
    });
    try {
      const outcome = await Promise.race([
        apollo.executeHTTPGraphQLRequest({
          httpGraphQLRequest: { method, headers, search: url.search, body },
          context: async () =>
            createContext(options.store, { signal: controller.signal, timeoutMs: limits.timeoutMs }),
        }),
        timedOut,
      ]);
      if (outcome === "timeout") {
        return sendJson(res, {
          status: 503,
          body: errorBody(`query timed out after ${limits.timeoutMs} ms`, ErrorCode.TIMEOUT),
        });
      }
      await writeGraphQLResponse(res, outcome);
    } finally {
      clearTimeout(timer);
    }
  }

  async function route(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? "/", "http://localhost");
    res.setHeader("x-content-type-options", "nosniff");
    applyCors(req, res);
    if (req.method === "OPTIONS") {
      res.writeHead(204, { allow: "GET, POST, OPTIONS" });
      return void res.end();
    }
    if (draining) {
      return sendJson(res, {
        status: 503,
        headers: { connection: "close" },
        body: errorBody("server is shutting down", "SHUTTING_DOWN"),
      });
    }
    const pathname = url.pathname.replace(/\/+$/, "") || "/";
    if (pathname === "/health") return health(res);
    if (pathname.startsWith(IDE_ASSET_PREFIX.slice(0, -1)) && req.method === "GET") {
      if (await sendIdeAsset(res, pathname.slice(IDE_ASSET_PREFIX.length))) return;
    }
    if (pathname === "/graphql") {
      if (wantsIde(req, url)) return sendIdePage(res, Boolean(options.apiKey));
      return graphql(req, res, url);
    }
    if (options.site && (await options.site(req, res))) return;
    if (pathname === "/" && (req.method === "GET" || req.method === "HEAD")) {
      res.writeHead(200, { "content-type": "text/html; charset=utf-8" });
      return void res.end(req.method === "HEAD" ? undefined : FALLBACK_HOME);
    }
    sendJson(res, {
      status: 404,
      body: errorBody(`no such path: ${url.pathname.slice(0, 100)}`, "NOT_FOUND"),
    });
  }

  const server = http.createServer((req, res) => {
    const done = route(req, res)
      .catch((err: unknown) => {
        if (err instanceof HttpError) {
          return sendJson(res, {
            status: err.status,
            headers: err.status === 413 ? { connection: "close" } : {},
            body: errorBody(err.message, err.code),
          });
        }
        log(`http: ${scrubSecrets(err instanceof Error ? err.message : String(err))}`);
        if (!res.headersSent)
          sendJson(res, { status: 500, body: errorBody("internal server error", "INTERNAL_SERVER_ERROR") });
        else res.destroy();
      })
      .finally(() => inFlight.delete(done));
    inFlight.add(done);
  });
  // Slow or silent clients must not hold sockets forever.
  server.headersTimeout = 10_000;
  server.requestTimeout = Math.max(30_000, limits.timeoutMs + 5_000);
  server.keepAliveTimeout = 5_000;

  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 4000, options.host ?? "127.0.0.1", () => {
      server.off("error", reject);
      resolve();
    });
  });
  const address = server.address() as AddressInfo;
  const hostForUrl = address.family === "IPv6" ? `[${address.address}]` : address.address;

  let closing: Promise<void> | undefined;
  const close = (): Promise<void> => {
    closing ??= (async () => {
      draining = true;
      const stopped = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeIdleConnections();
      const drainMs = options.drainMs ?? 10_000;
      await Promise.race([
        Promise.allSettled([...inFlight]),
        new Promise((r) => setTimeout(r, drainMs).unref()),
      ]);
      server.closeAllConnections();
      await stopped;
      await apollo.stop();
    })();
    return closing;
  };

  return { url: `http://${hostForUrl}:${address.port}`, port: address.port, server, apollo, close };
}
