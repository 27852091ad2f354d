// The AES-256-GCM format of stored ID numbers (base64 of iv ‖ GCM tag ‖ ciphertext), without
// Nest: IdNumberVault opens with it, and so does the export worker (imports/exporting/export-worker.ts).
import { createDecipheriv } from 'node:crypto';

export function openIdNumber(key: Uint8Array, sealed: string): string {
  const raw = Buffer.from(sealed, 'base64');
  const decipher = createDecipheriv('aes-256-gcm', key, raw.subarray(0, 12));
  decipher.setAuthTag(raw.subarray(12, 28));
  return Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]).toString('utf8');
}
