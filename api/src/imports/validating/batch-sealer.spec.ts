import { IdNumberVault } from '../../common/id-number-vault';
import { loadConfiguration } from '../../config/configuration';
import { BatchSealer } from './batch-sealer';

describe('BatchSealer', () => {
  const config = loadConfiguration({ NODE_ENV: 'test', ID_NUMBER_KEYS: `k2:${'ab'.repeat(32)},k1:${'cd'.repeat(32)}` });
  const vault = new IdNumberVault(config);
  const sealer = new BatchSealer(config);

  it('seals what IdNumberVault opens, with the same key id and hash, and a fresh IV each time', () => {
    const seen = new Set<string>();
    for (let index = 0; index < 5000; index++) {
      const id = `22010419850615${String(index % 1000).padStart(3, '0')}X`;
      const sealed = sealer.encrypt(id);
      expect(sealed.keyId).toBe('k2');
      expect(sealer.hash(id)).toBe(vault.hash(id));
      expect(vault.open(sealed.cipher, sealed.keyId)).toBe(id);
      seen.add(Buffer.from(sealed.cipher, 'base64').subarray(0, 12).toString('hex'));
    }
    expect(seen.size).toBe(5000);
  });
});
