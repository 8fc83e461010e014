// The GraphQL figures' same-run floor: a bare node:http server that answers every
// POST with one fixed, real GraphQL response (same bytes on the wire), measured
// with the same autocannon set-up. What it cannot do, no query path can; what
// lies between it and `serve` is GraphQL, Apollo and the store.
import { spawn } from "node:child_process";
import { cpuOf } from "./serve.js";
import type { RunningServe } from "./serve.js";

const SERVER = `
const http = require("node:http");
const body = Buffer.from(process.env.BENCH_BODY);
const server = http.createServer((req, res) => {
  req.resume();
  req.on("end", () => {
    res.writeHead(200, { "content-type": "application/json; charset=utf-8", "content-length": body.length });
    res.end(body);
  });
});
server.listen(0, "127.0.0.1", () => console.log("listening " + server.address().port));
`;

export async function startBareHttp(body: string): Promise<RunningServe> {
  const proc = spawn(process.execPath, ["-e", SERVER], {
    env: { ...process.env, BENCH_BODY: body },
    stdio: ["ignore", "pipe", "inherit"],
  });
  const port = await new Promise<string>((resolve, reject) => {
    let out = "";
    proc.stdout.on("data", (d: Buffer) => {
      out += d.toString();
      const m = /listening (\d+)/.exec(out);
      if (m) resolve(m[1]!);
    });
    proc.once("exit", (code) => reject(new Error(`bare HTTP server exited with ${code}`)));
  });
  return {
    url: `http://127.0.0.1:${port}`,
    cpuSeconds: () => cpuOf(proc.pid!),
    stop: async () => {
      const exited = new Promise((resolve) => proc.once("exit", resolve));
      proc.kill("SIGTERM");
      await exited;
    },
  };
}
