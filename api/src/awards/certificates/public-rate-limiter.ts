import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { createHmac } from 'node:crypto';
import { DataSource } from 'typeorm';
import { RegistryError } from '../../common/registry-error';
import { APP_CONFIG, type AppConfig } from '../../config/configuration';

const SWEEP_EVERY_MS = 60_000;

// The public (no-login) queries are limited per address to PUBLIC_REQUESTS_PER_MINUTE in fixed
// one-minute windows counted in PostgreSQL, so every API instance behind the load balancer
// shares one count. The row key is an HMAC of the address (the key derived from
// ID_NUMBER_HASH_KEY, the same on every instance): the table never holds an address, and its
// rows are swept a few minutes after their window.
@Injectable()
export class PublicRateLimiter {
  private readonly key: Buffer;
  private lastSweep = 0;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    this.key = createHmac('sha256', config.idNumberHashKey).update('public-rate-limit').digest();
  }

  clientKey(address: string | null | undefined): string {
    return createHmac('sha256', this.key).update(address ?? '-').digest('base64url').slice(0, 32);
  }

  /** Counts one public request of `address`; throws TOO_MANY_REQUESTS past the limit. */
  async hit(address: string | null | undefined): Promise<void> {
    const [row]: { count: number; retryAfterSeconds: number }[] = await this.dataSource.query(
      `insert into public_request_count (client_key, window_start, count) values ($1, date_trunc('minute', now()), 1)
       on conflict (client_key, window_start) do update set count = public_request_count.count + 1
       returning count, greatest(1, ceil(extract(epoch from (window_start + interval '1 minute' - now()))))::int as "retryAfterSeconds"`,
      [this.clientKey(address)],
    );
    this.sweep();
    if (row.count > this.config.publicRequestsPerMinute) {
      throw new RegistryError('TOO_MANY_REQUESTS', `查询过于频繁，请 ${row.retryAfterSeconds} 秒后再试`, undefined, {
        retryAfterSeconds: row.retryAfterSeconds,
      });
    }
  }

  private sweep(): void {
    const now = Date.now();
    if (now - this.lastSweep < SWEEP_EVERY_MS) return;
    this.lastSweep = now;
    void this.dataSource.query(`delete from public_request_count where window_start < now() - interval '5 minutes'`).catch(() => undefined);
  }
}
