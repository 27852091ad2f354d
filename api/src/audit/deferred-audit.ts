import { BeforeApplicationShutdown, Injectable, Logger } from '@nestjs/common';
import type { Response } from 'express';
import { runAsOwner } from '../auth/request-database';

const ATTEMPTS = 3;

// Audit rows that must not make an answer slower than its twin: a refusal of a record outside
// the jurisdiction answers exactly like a missing one, so its ACCESS_DENIED row (and the lookup
// that tells the two apart) is written once the response has gone out, as the owner, off the
// request's connection. Such a row is not lost: a failed insert is tried again, and the
// application waits for every pending row before it shuts down.
@Injectable()
export class DeferredAudit implements BeforeApplicationShutdown {
  private readonly logger = new Logger('Audit');
  private readonly pending = new Set<Promise<void>>();

  /** Runs `work` after `response` has finished (at once when there is none, or it already has). */
  afterResponse(response: Response | undefined, work: () => Promise<void>): void {
    let started = false;
    const start = () => {
      if (started) return;
      started = true;
      const running = runAsOwner(() => this.withRetries(work)).finally(() => this.pending.delete(running));
      this.pending.add(running);
    };
    if (!response || response.writableFinished || response.destroyed) {
      setImmediate(start);
      return;
    }
    response.once('finish', start);
    response.once('close', start);
  }

  /** Resolves when every row handed over so far has been written (or given up on). */
  async settled(): Promise<void> {
    while (this.pending.size > 0) await Promise.allSettled([...this.pending]);
  }

  async beforeApplicationShutdown(): Promise<void> {
    await this.settled();
  }

  private async withRetries(work: () => Promise<void>): Promise<void> {
    for (let attempt = 1; ; attempt++) {
      try {
        await work();
        return;
      } catch (error) {
        if (attempt >= ATTEMPTS) {
          this.logger.error(`an access-denial audit row could not be written: ${(error as Error).message}`);
          return;
        }
        await new Promise((resolve) => setTimeout(resolve, 100 * attempt));
      }
    }
  }
}
