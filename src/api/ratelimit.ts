// Per-client rate limit: a token bucket per remote address, refilled
// continuously. Forwarding headers are not trusted (the server binds to
// loopback by default; behind a proxy, limit at the proxy).
export interface RateLimiter {
  /** Take one token; returns 0 when allowed, else the seconds until the next token. */
  take(client: string): number;
}

export function createRateLimiter(perMinute: number, now: () => number = Date.now): RateLimiter {
  if (perMinute <= 0) return { take: () => 0 };
  const capacity = perMinute;
  const perMs = perMinute / 60_000;
  const buckets = new Map<string, { tokens: number; at: number }>();
  let lastSweep = now();
  return {
    take(client) {
      const t = now();
      // Drop full buckets now and then so that many one-off clients cannot grow the map without bound.
      if (t - lastSweep > 60_000) {
        for (const [key, b] of buckets) if (b.tokens + (t - b.at) * perMs >= capacity) buckets.delete(key);
        lastSweep = t;
      }
      const bucket = buckets.get(client) ?? { tokens: capacity, at: t };
      bucket.tokens = Math.min(capacity, bucket.tokens + (t - bucket.at) * perMs);
      bucket.at = t;
      buckets.set(client, bucket);
      if (bucket.tokens >= 1) {
        bucket.tokens -= 1;
        return 0;
      }
      return Math.ceil((1 - bucket.tokens) / perMs / 1000);
    },
  };
}
