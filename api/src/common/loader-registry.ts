import DataLoader from 'dataloader';

// One registry per GraphQL request (created in the context factory): field resolvers ask it
// for a named loader, so all rows of a page are fetched in one statement per relation.
export class LoaderRegistry {
  private readonly loaders = new Map<string, DataLoader<string, unknown>>();

  get<V>(name: string, batch: (keys: readonly string[]) => Promise<V[]>): DataLoader<string, V> {
    let loader = this.loaders.get(name);
    if (!loader) {
      loader = new DataLoader<string, V>(batch, { maxBatchSize: 1000 }) as DataLoader<string, unknown>;
      this.loaders.set(name, loader);
    }
    return loader as DataLoader<string, V>;
  }
}

export interface GraphQLContext {
  req: import('./session-user').RequestWithUser;
  loaders: LoaderRegistry;
}

/** Groups rows by a key, in the order of `keys`, for one-to-many loaders. */
export function groupByKey<T>(keys: readonly string[], rows: T[], keyOf: (row: T) => string): T[][] {
  const groups = new Map<string, T[]>(keys.map((key) => [key, []]));
  for (const row of rows) groups.get(keyOf(row))?.push(row);
  return keys.map((key) => groups.get(key) ?? []);
}
