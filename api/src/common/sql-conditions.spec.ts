import { escapeLike, SqlConditions } from './sql-conditions';

describe('SqlConditions', () => {
  it('binds each value as the next $n, in order', () => {
    const sql = new SqlConditions()
      .add((p) => `a = ${p}`, 1)
      .addSql('b is null')
      .add((p) => `c = any(${p})`, ['x']);
    expect(sql.where).toBe('a = $1 and b is null and c = any($2)');
    expect(sql.parameters).toEqual([1, ['x']]);
  });

  it('matches everything when nothing was added', () => {
    expect(new SqlConditions().where).toBe('true');
  });
});

describe('escapeLike', () => {
  it('makes %, _ and backslash literal', () => {
    expect(escapeLike('50%_a\\b')).toBe('50\\%\\_a\\\\b');
  });
});
