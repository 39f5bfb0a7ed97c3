/**
 * A token bucket per client: `burst` requests at once, refilled at `perMinute`.
 * In memory on purpose: `crosscheck serve` is one process, and a write is an
 * ingest that runs the whole pipeline, so a handful per minute is plenty.
 */
export interface RateLimiter {
  /** true when the client may go on; false when it must wait. */
  take(client: string): boolean;
  /** Seconds until the client's next request would be allowed. */
  retryAfter(client: string): number;
}

export interface RateLimitOptions {
  readonly perMinute?: number;
  readonly burst?: number;
  /** Injected in tests. */
  readonly now?: () => number;
}

/** Beyond this many tracked clients the oldest are forgotten, so a flood of addresses cannot grow memory. */
const MAX_CLIENTS = 10_000;

export function createRateLimiter({ perMinute = 10, burst = 5, now = Date.now }: RateLimitOptions = {}): RateLimiter {
  const buckets = new Map<string, { tokens: number; at: number }>();
  const perMs = perMinute / 60_000;
  const refill = (client: string): { tokens: number; at: number } => {
    const t = now();
    const bucket = buckets.get(client) ?? { tokens: burst, at: t };
    bucket.tokens = Math.min(burst, bucket.tokens + (t - bucket.at) * perMs);
    bucket.at = t;
    buckets.delete(client);
    buckets.set(client, bucket);
    if (buckets.size > MAX_CLIENTS) buckets.delete(buckets.keys().next().value!);
    return bucket;
  };
  return {
    take(client) {
      const bucket = refill(client);
      if (bucket.tokens < 1) return false;
      bucket.tokens -= 1;
      return true;
    },
    retryAfter(client) {
      const bucket = refill(client);
      return bucket.tokens >= 1 ? 0 : Math.ceil((1 - bucket.tokens) / perMs / 1000);
    },
  };
}
