// Probing TCP ports on the loopback interface: is a port free to bind, and does a
// Bolt server answer on it.
import net from "node:net";

/** True when nothing listens on host:port (we could bind it ourselves). */
export function isPortFree(host: string, port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = net.createServer();
    server.once("error", () => resolve(false));
    server.listen({ host, port, exclusive: true }, () => server.close(() => resolve(true)));
  });
}

// Bolt handshake: magic preamble, then four proposed versions (newest first).
// Any 4-byte reply, even "no version agreed", proves a Bolt server is listening.
const BOLT_MAGIC = [0x60, 0x60, 0xb0, 0x17];
const BOLT_VERSIONS = [
  [0, 0, 8, 5],
  [0, 0, 4, 4],
  [0, 0, 0, 4],
  [0, 0, 0, 3],
];

/** Whether a Bolt server completes the handshake on host:port within timeoutMs. */
export function boltAnswers(host: string, port: number, timeoutMs = 2000): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ host, port });
    let received = 0;
    const finish = (ok: boolean) => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(timeoutMs, () => finish(false));
    socket.once("error", () => finish(false));
    socket.once("connect", () => socket.write(Buffer.from([...BOLT_MAGIC, ...BOLT_VERSIONS.flat()])));
    socket.on("data", (chunk) => {
      received += chunk.length;
      if (received >= 4) finish(true);
    });
    socket.once("end", () => finish(received >= 4));
  });
}
