/**
 * A short-lived cache of authenticated principals, keyed by the SHA-256 of the presented token,
 * so a busy key or session costs no query on most requests.
 *
 * Freshness: every audited identity write in this process (revoking a key, disabling an
 * account, changing roles or clearance, ending a session, …) empties the cache at once through
 * `IdentityStore.onChange`. A change made by another process (another API server, or the CLI on
 * the same database) is seen after at most `ttlMs`. A read that raced with a change cannot put
 * the old principal back: `set` is refused when a change happened since the read began
 * (`generation`).
 *
 * @module
 */

interface Cached<T> {
  readonly value: T;
  readonly storedAt: number;
}

/**
 * Principals by token hash, for at most `ttlMs` each.
 *
 * @example
 * const cache = new PrincipalCache<ApiKeyPrincipal>(5_000);
 * const generation = cache.generation;
 * const principal = cache.get(hash, Date.now()) ?? (await load());
 * cache.set(hash, principal, generation, Date.now());
 */
export class PrincipalCache<T> {
  readonly #entries = new Map<string, Cached<T>>();
  #generation = 0;

  /**
   * @param ttlMs how long an entry is trusted; 0 turns the cache off.
   * @param maxEntries entries kept at most; the oldest go first.
   */
  constructor(
    private readonly ttlMs: number,
    private readonly maxEntries = 10_000,
  ) {}

  /** Changes whenever the cache is invalidated; pass the value read before loading to `set`. */
  get generation(): number {
    return this.#generation;
  }

  /** The cached value of `key`, or undefined when absent or older than the TTL. */
  get(key: string, nowMs: number): T | undefined {
    const cached = this.#entries.get(key);
    if (cached === undefined) {
      return undefined;
    }
    if (nowMs - cached.storedAt >= this.ttlMs || nowMs < cached.storedAt) {
      this.#entries.delete(key);
      return undefined;
    }
    return cached.value;
  }

  /** Stores `value` unless the cache was invalidated since `generation` was read. */
  set(key: string, value: T, generation: number, nowMs: number): void {
    if (this.ttlMs <= 0 || generation !== this.#generation) {
      return;
    }
    this.#entries.delete(key);
    if (this.#entries.size >= this.maxEntries) {
      // Maps iterate in insertion order, so the first key is the oldest entry.
      const oldest = this.#entries.keys().next();
      if (oldest.done !== true) {
        this.#entries.delete(oldest.value);
      }
    }
    this.#entries.set(key, { value, storedAt: nowMs });
  }

  /** Replaces a cached value keeping its age (e.g. after recording a last use). */
  update(key: string, value: T): void {
    const cached = this.#entries.get(key);
    if (cached !== undefined) {
      this.#entries.set(key, { value, storedAt: cached.storedAt });
    }
  }

  /** Forgets everything and refuses `set`s of reads that began before now. */
  invalidate(): void {
    this.#generation += 1;
    this.#entries.clear();
  }
}
