/**
 * The WHERE clause of a filtered list, built condition by condition, each value bound as the
 * next `$n`: `new SqlConditions().add((p) => \`e.active = ${p}\`, true)`.
 */
export class SqlConditions {
  readonly parameters: unknown[] = [];
  private readonly conditions: string[] = [];

  add(sql: (parameter: string) => string, value: unknown): this {
    this.parameters.push(value);
    this.conditions.push(sql(`$${this.parameters.length}`));
    return this;
  }

  /** A condition without a value of its own. */
  addSql(sql: string): this {
    this.conditions.push(sql);
    return this;
  }

  /** `a and b and …`; `true` when nothing was added. */
  get where(): string {
    return this.conditions.length > 0 ? this.conditions.join(' and ') : 'true';
  }
}

/** A text to match literally inside LIKE: %, _ and \\ lose their meaning. */
export function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (match) => `\\${match}`);
}
