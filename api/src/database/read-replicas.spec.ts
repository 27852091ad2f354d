import { isPlainRead, SETS_SCOPE } from '../auth/request-database';
import { isConnectionError, isPoolBusy, lsnValue, ReadReplicas, type Replica } from './read-replicas';

describe('read replicas', () => {
  it('reads LSNs as numbers that order like the WAL', () => {
    expect(lsnValue('0/3001178')).toBe(0x3001178n);
    expect(lsnValue('16/B374D848')).toBe((0x16n << 32n) + 0xb374d848n);
    expect(lsnValue('1/0')! > lsnValue('0/FFFFFFFF')!).toBe(true);
    expect(lsnValue(null)).toBeNull();
  });

  it('sends only plain reads to a replica', () => {
    expect(isPlainRead('select id, name from coordinator where id = $1')).toBe(true);
    expect(isPlainRead('/* list */ with page as (select 1) select * from page')).toBe(true);
    expect(isPlainRead('select updated_at, locked_until from app_user')).toBe(true);
    for (const sql of [
      'insert into audit_log (action) values ($1)',
      'update coordinator set name = $2 where id = $1',
      'with gone as (delete from x returning 1) select count(*) from gone',
      'select * from coordinator where id = $1 for update',
      'select * from enterprise for no key update',
      'select nextval($1)',
      'select pg_notify($1, $2)',
      'select pg_try_advisory_lock(1)',
      "select set_config('app.scope_path', $1, false)",
      'begin',
      'commit',
      `${SETS_SCOPE} select 1`,
    ]) {
      expect([sql, isPlainRead(sql)]).toEqual([sql, false]);
    }
  });

  it('tells a lost replica from a busy pool and from an error of the statement', () => {
    expect(isConnectionError(Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5433'), { code: 'ECONNREFUSED' }))).toBe(true);
    expect(isConnectionError(new Error('Connection terminated unexpectedly'))).toBe(true);
    expect(isConnectionError(Object.assign(new Error('terminating connection due to administrator command'), { code: '57P01' }))).toBe(true);
    expect(isConnectionError(Object.assign(new Error('invalid input syntax for type bigint'), { code: '22P02' }))).toBe(false);
    const busy = new Error('timeout exceeded when trying to connect');
    expect(isPoolBusy(busy)).toBe(true);
    expect(isConnectionError(busy)).toBe(false);
  });

  it('measures a replica\'s lag as the age of the oldest primary position it has not replayed', () => {
    const replicas = new ReadReplicas('postgres://u@primary/r', ['postgres://u@replica/r'], { url: 'postgres://u@primary/r', options: undefined }, { type: 'postgres' }, {
      maxLagMilliseconds: 1000,
      checkMilliseconds: 100,
    });
    const samples = (replicas as unknown as { samples: { at: number; lsn: bigint }[] }).samples;
    samples.push({ at: 10_000, lsn: 100n }, { at: 10_100, lsn: 200n }, { at: 10_200, lsn: 200n }, { at: 10_300, lsn: 300n });
    const replica = { replayLsn: 300n } as Replica;
    expect(replicas.lagMilliseconds(replica, 10_400)).toBe(0);
    replica.replayLsn = 200n; // has not replayed what the primary had at 10 300
    expect(replicas.lagMilliseconds(replica, 10_400)).toBe(100);
    replica.replayLsn = 150n; // nor what it had at 10 100
    expect(replicas.lagMilliseconds(replica, 12_000)).toBe(1900);
  });

  it('remembers only the latest write position of each user', () => {
    const replicas = new ReadReplicas('postgres://u@primary/r', [], { url: 'postgres://u@primary/r', options: undefined }, { type: 'postgres' }, {
      maxLagMilliseconds: 1000,
      checkMilliseconds: 100,
    });
    replicas.noteWrite('7', 500n);
    replicas.noteWrite('7', 400n);
    expect(replicas.requiredLsn('7')).toBe(500n);
    expect(replicas.requiredLsn('8')).toBe(0n);
    expect(replicas.requiredLsn(undefined)).toBe(0n);
  });
});
