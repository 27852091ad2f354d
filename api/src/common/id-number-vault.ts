import { Inject, Injectable } from '@nestjs/common';
import { createCipheriv, createHmac, randomBytes } from 'node:crypto';
import { APP_CONFIG, type AppConfig } from '../config/configuration';
import { openIdNumber } from './id-number-cipher';

export interface SealedIdNumber {
  cipher: string;
  keyId: string;
  hash: string;
}

// Resident ID numbers at rest: AES-256-GCM with the key id stored beside the ciphertext (so
// keys rotate: new writes use the first key, reads use whichever key sealed the row), and an
// HMAC-SHA-256 under a separate key for uniqueness and lookup without decrypting.
@Injectable()
export class IdNumberVault {
  private readonly keys: Map<string, Buffer>;
  private readonly current: { id: string; key: Buffer };

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {
    this.keys = new Map(config.idNumberKeys.map((entry) => [entry.id, entry.key]));
    this.current = config.idNumberKeys[0];
  }

  hash(normalized: string): string {
    return createHmac('sha256', this.config.idNumberHashKey).update(normalized).digest('hex');
  }

  seal(normalized: string): SealedIdNumber {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.current.key, iv);
    const body = Buffer.concat([cipher.update(normalized, 'utf8'), cipher.final()]);
    const sealed = Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64');
    return { cipher: sealed, keyId: this.current.id, hash: this.hash(normalized) };
  }

  open(sealed: string, keyId: string): string {
    const key = this.keys.get(keyId);
    if (!key) throw new Error(`ID number key "${keyId}" is not configured (ID_NUMBER_KEYS)`);
    return openIdNumber(key, sealed);
  }
}
