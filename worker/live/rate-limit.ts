// Per-station token buckets, kept in the project's Durable Object (every post passes through it).
// Pure apart from the Map; time comes in as an argument so tests can drive it.
export interface BucketConfig {
  /** Requests allowed in a burst. */
  capacity: number;
  /** Sustained requests per second. */
  refillPerSecond: number;
}

export const STATION_LIMIT: BucketConfig = { capacity: 40, refillPerSecond: 20 };

export class RateLimiter {
  private readonly buckets = new Map<string, { tokens: number; at: number }>();

  constructor(private readonly config: BucketConfig = STATION_LIMIT) {}

  /** Takes one token; returns 0 when allowed, else the milliseconds until one is available. */
  take(key: string, now: number): number {
    const { capacity, refillPerSecond } = this.config;
    const b = this.buckets.get(key) ?? { tokens: capacity, at: now };
    b.tokens = Math.min(capacity, b.tokens + ((now - b.at) / 1000) * refillPerSecond);
    b.at = now;
    this.buckets.set(key, b);
    if (b.tokens >= 1) {
      b.tokens -= 1;
      return 0;
    }
    return Math.ceil(((1 - b.tokens) / refillPerSecond) * 1000);
  }
}
