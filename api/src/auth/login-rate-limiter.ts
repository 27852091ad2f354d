import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { createHmac } from 'node:crypto';
import { DataSource } from 'typeorm';
import { RegistryError } from '../common/registry-error';
import { APP_CONFIG, type AppConfig } from '../config/configuration';

/** Attempts per minute for one username from one address, and for one address in all. */
export const LOGIN_ATTEMPTS_PER_USERNAME = 10;
export const LOGIN_ATTEMPTS_PER_ADDRESS = 100;

const SWEEP_EVERY_MS = 60_000;

// One-minute sliding windows counted in PostgreSQL (login_attempt, migration LoginAttempts), so
// every API instance behind the load balancer shares one count (issue 16): ten attempts spread
// over two instances are ten, not five each. The row keys are HMACs (a key derived from
// ID_NUMBER_HASH_KEY, the same on every instance) of the address, and of the address and
// username: the table holds neither. A refused attempt is not counted. Two attempts racing at the
// limit may both pass (the count and the insert are one statement, not a lock): the limit is a
// brake, and the account lockout after 5 failures still holds per account in its own row.
@Injectable()
export class LoginRateLimiter {
  private readonly key: Buffer;
  private lastSweep = 0;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.key = createHmac('sha256', config.idNumberHashKey).update('login-rate-limit').digest();
  }

  /** Counts one attempt; throws TOO_MANY_REQUESTS (with the seconds to wait) when a window is full. */
  async check(address: string | null, username: string): Promise<void> {
    const userKey = this.windowKey(`user:${address ?? '-'}:${username.trim().toLowerCase()}`);
    const addressKey = this.windowKey(`address:${address ?? '-'}`);
    const [row]: { allowed: boolean; retry_after: number }[] = await this.dataSource.query(
      `with recent as (
         select client_key, count(*)::int as attempts, min(at) as oldest from login_attempt
         where client_key in ($1, $2) and at > clock_timestamp() - interval '1 minute' group by client_key),
       full_windows as (
         select oldest from recent where (client_key = $1 and attempts >= $3) or (client_key = $2 and attempts >= $4)),
       counted as (
         insert into login_attempt (client_key) select key from (values ($1), ($2)) keys (key)
         where not exists (select 1 from full_windows) returning 1)
       select not exists (select 1 from full_windows) as allowed,
         coalesce((select greatest(1, ceil(extract(epoch from (max(oldest) + interval '1 minute' - clock_timestamp()))))::int from full_windows), 0) as retry_after
       from (select count(*) from counted) written`,
      [userKey, addressKey, LOGIN_ATTEMPTS_PER_USERNAME, LOGIN_ATTEMPTS_PER_ADDRESS],
    );
    this.sweep();
    if (!row.allowed) {
      throw new RegistryError('TOO_MANY_REQUESTS', `登录尝试过于频繁，请 ${row.retry_after} 秒后再试`, undefined, { retryAfterSeconds: row.retry_after });
    }
  }

  private windowKey(subject: string): string {
    return createHmac('sha256', this.key).update(subject).digest('base64url').slice(0, 32);
  }

  private sweep(): void {
    const now = Date.now();
    if (now - this.lastSweep < SWEEP_EVERY_MS) return;
    this.lastSweep = now;
    void this.dataSource.query(`delete from login_attempt where at < clock_timestamp() - interval '2 minutes'`).catch(() => undefined);
  }
}
