import { Inject, Injectable } from '@nestjs/common';
import type { SessionUser } from '../common/session-user';
import { APP_CONFIG, type AppConfig } from '../config/configuration';

/** Sessions kept at most; the oldest entry makes room (a busy instance sees far fewer live tokens). */
const MAX_ENTRIES = 10_000;

// A live session, as the session lookup found it, for SESSION_CACHE_MS (1 s by default): a
// client sending several requests a second costs one lookup a second instead of one per request.
// Only live sessions are kept. What any instance changes is evicted at once on every instance
// (logout, a password change, a disabled account: published with NOTIFY, session-evictions.ts);
// a session revoked straight in the database is refused within the cache time. Idle time is still measured: each lookup after the cache time
// refreshes last_seen_at. See docs/decisions/0004-sessions.md.
/** What to drop: one session (by token hash) or every session of a user. */
export type SessionEviction = { tokenHash: string } | { userId: string };

@Injectable()
export class SessionCache {
  private readonly entries = new Map<string, { user: SessionUser; until: number }>();
  /** tells the other instances (set by SessionEvictions) */
  publish: ((eviction: SessionEviction) => void) | null = null;

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  get(tokenHash: string): SessionUser | null {
    const entry = this.entries.get(tokenHash);
    if (!entry) return null;
    if (entry.until <= Date.now()) {
      this.entries.delete(tokenHash);
      return null;
    }
    return { ...entry.user };
  }

  set(user: SessionUser): void {
    const milliseconds = this.config.session.cacheMilliseconds;
    if (milliseconds <= 0) return;
    if (this.entries.size >= MAX_ENTRIES) this.entries.delete(this.entries.keys().next().value!);
    this.entries.set(user.sessionTokenHash, { user: { ...user }, until: Date.now() + milliseconds });
  }

  evictToken(tokenHash: string): void {
    this.evictLocally({ tokenHash });
    this.publish?.({ tokenHash });
  }

  evictUser(userId: string): void {
    this.evictLocally({ userId });
    this.publish?.({ userId });
  }

  /** An eviction from this instance or another one. */
  evictLocally(eviction: SessionEviction): void {
    if ('tokenHash' in eviction) {
      this.entries.delete(eviction.tokenHash);
      return;
    }
    for (const [hash, entry] of this.entries) if (entry.user.id === String(eviction.userId)) this.entries.delete(hash);
  }
}
