import { Client } from 'pg';
import { IdNumberVault } from '../common/id-number-vault';
import { loadConfiguration, type AppConfig } from '../config/configuration';

// Key rotation for ID numbers (README "Keys"): after a new key is put first in ID_NUMBER_KEYS,
// this re-seals every row still under an older key, in batches, as the database owner. The
// keyed hash (ID_NUMBER_HASH_KEY) is not touched, so uniqueness and lookups hold throughout;
// rows are not versioned or audited one by one (nothing a user sees changes), one audit row
// records the run. Once it reports 0 left, the old keys can leave ID_NUMBER_KEYS.
export async function resealIdNumbers(
  databaseUrl: string,
  config: AppConfig,
  options: { batchSize?: number; log?: (line: string) => void } = {},
): Promise<{ resealed: number; remaining: number }> {
  const vault = new IdNumberVault(config);
  const current = config.idNumberKeys[0].id;
  const batchSize = options.batchSize ?? 1000;
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  let resealed = 0;
  try {
    for (;;) {
      const { rows } = await client.query<{ id: string; id_number_cipher: string; id_number_key_id: string }>(
        `select id, id_number_cipher, id_number_key_id from coordinator where id_number_key_id <> $1 order by id limit $2`,
        [current, batchSize],
      );
      if (rows.length === 0) break;
      const sealed = rows.map((row) => vault.seal(vault.open(row.id_number_cipher, row.id_number_key_id)));
      // the key id in the WHERE keeps a concurrent rewrite of the same row from being undone
      await client.query(
        `update coordinator c set id_number_cipher = n.cipher, id_number_key_id = $4
         from unnest($1::bigint[], $2::text[], $3::varchar[]) as n(id, cipher, old_key)
         where c.id = n.id and c.id_number_key_id = n.old_key`,
        [rows.map((row) => row.id), sealed.map((entry) => entry.cipher), rows.map((row) => row.id_number_key_id), current],
      );
      resealed += rows.length;
      options.log?.(`re-sealed ${resealed} ID numbers under key "${current}"`);
    }
    const [{ remaining }] = (
      await client.query(`select count(*)::int as remaining from coordinator where id_number_key_id <> $1`, [current])
    ).rows;
    await client.query(`insert into audit_log (action, object_type, detail) values ('ID_NUMBER_KEY_ROTATION', 'coordinator', $1)`, [
      JSON.stringify({ key: current, resealed, remaining }),
    ]);
    return { resealed, remaining };
  } finally {
    await client.end();
  }
}

// `node dist/api/auth/id-number-rotation.js` with DATABASE_URL and ID_NUMBER_KEYS set.
if (require.main === module) {
  const config = loadConfiguration();
  if (!config.databaseUrl) {
    console.error('DATABASE_URL is required');
    process.exit(2);
  }
  resealIdNumbers(config.databaseUrl, config, { log: (line) => console.log(line) })
    .then(({ resealed, remaining }) => console.log(`done: ${resealed} re-sealed, ${remaining} left under older keys`))
    .catch((error) => {
      console.error(error instanceof Error ? error.message : error);
      process.exit(1);
    });
}
