import { loadConfiguration } from '../config/configuration';
import { IdNumberVault } from './id-number-vault';

const ID = '220104198302280017';

describe('IdNumberVault', () => {
  it('seals without the plain number and opens it again', () => {
    const vault = new IdNumberVault(loadConfiguration({}));
    const sealed = vault.seal(ID);
    expect(sealed.cipher).not.toContain(ID);
    expect(Buffer.from(sealed.cipher, 'base64').toString('latin1')).not.toContain(ID);
    expect(vault.open(sealed.cipher, sealed.keyId)).toBe(ID);
  });

  it('gives the same keyed hash every time, and a different one under another key', () => {
    const a = new IdNumberVault(loadConfiguration({}));
    const b = new IdNumberVault(loadConfiguration({ ID_NUMBER_HASH_KEY: 'f'.repeat(64) }));
    expect(a.hash(ID)).toBe(a.hash(ID));
    expect(a.hash(ID)).not.toBe(b.hash(ID));
  });

  it('reads rows sealed under an older key after rotation', () => {
    const old = new IdNumberVault(loadConfiguration({ ID_NUMBER_KEYS: `k1:${'1'.repeat(64)}` }));
    const sealed = old.seal(ID);
    const rotated = new IdNumberVault(loadConfiguration({ ID_NUMBER_KEYS: `k2:${'2'.repeat(64)},k1:${'1'.repeat(64)}` }));
    expect(rotated.open(sealed.cipher, 'k1')).toBe(ID);
    expect(rotated.seal(ID).keyId).toBe('k2');
  });

  it('refuses a tampered ciphertext', () => {
    const vault = new IdNumberVault(loadConfiguration({}));
    const raw = Buffer.from(vault.seal(ID).cipher, 'base64');
    raw[raw.length - 1] ^= 1;
    expect(() => vault.open(raw.toString('base64'), 'demo')).toThrow();
  });
});
