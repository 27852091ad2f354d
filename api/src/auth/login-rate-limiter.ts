import { Injectable } from '@nestjs/common';
import { RegistryError } from '../common/registry-error';

/** Attempts per minute for one username from one address, and for one address in all. */
export const LOGIN_ATTEMPTS_PER_USERNAME = 10;
export const LOGIN_ATTEMPTS_PER_ADDRESS = 100;
const WINDOW_MS = 60_000;

// In-memory sliding windows (one process; several instances each keep their own, which only
// loosens the limit by the instance count). The account lockout after 5 failures still holds
// per account in the database; this slows password spraying across accounts and guessing.
@Injectable()
export class LoginRateLimiter {
  private readonly attempts = new Map<string, number[]>();

  /** Counts one attempt; throws TOO_MANY_REQUESTS when a window is full. */
  check(address: string | null, username: string, now = Date.now()): void {
    this.sweep(now);
    const keys: [string, number][] = [
      [`user:${address ?? '-'}:${username.trim().toLowerCase()}`, LOGIN_ATTEMPTS_PER_USERNAME],
      [`address:${address ?? '-'}`, LOGIN_ATTEMPTS_PER_ADDRESS],
    ];
    for (const [key, limit] of keys) {
      const recent = (this.attempts.get(key) ?? []).filter((at) => at > now - WINDOW_MS);
      if (recent.length >= limit) {
        const retryAfterSeconds = Math.max(1, Math.ceil((recent[0] + WINDOW_MS - now) / 1000));
        throw new RegistryError('TOO_MANY_REQUESTS', `登录尝试过于频繁，请 ${retryAfterSeconds} 秒后再试`, undefined, { retryAfterSeconds });
      }
    }
    for (const [key] of keys) {
      const recent = (this.attempts.get(key) ?? []).filter((at) => at > now - WINDOW_MS);
      recent.push(now);
      this.attempts.set(key, recent);
    }
  }

  private lastSweep = 0;

  private sweep(now: number): void {
    if (now - this.lastSweep < WINDOW_MS) return;
    this.lastSweep = now;
    for (const [key, times] of this.attempts) {
      if (times[times.length - 1] <= now - WINDOW_MS) this.attempts.delete(key);
    }
  }
}
