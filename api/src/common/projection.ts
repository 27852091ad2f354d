import { Kind, type GraphQLResolveInfo, type SelectionSetNode } from 'graphql';

// Lists read only the columns their GraphQL selection needs: a 20-row page of names and
// employers then neither reads, sends nor parses the forty other columns of each row.

/**
 * The names (not aliases) of the fields selected at `path` below the field being resolved, with
 * fragments followed; null when the path is not selected. @include/@skip are not evaluated: a
 * skipped field costs at most a column too many.
 */
export function selectedFields(info: GraphQLResolveInfo, path: string[]): Set<string> | null {
  let sets: SelectionSetNode[] = info.fieldNodes.flatMap((node) => (node.selectionSet ? [node.selectionSet] : []));
  for (const name of path) {
    sets = sets.flatMap((set) => fieldsOf(set, info).flatMap((field) => (field.name === name && field.selectionSet ? [field.selectionSet] : [])));
    if (sets.length === 0) return null;
  }
  return new Set(sets.flatMap((set) => fieldsOf(set, info).map((field) => field.name)));
}

function fieldsOf(set: SelectionSetNode, info: GraphQLResolveInfo): { name: string; selectionSet?: SelectionSetNode }[] {
  return set.selections.flatMap((selection) => {
    if (selection.kind === Kind.FIELD) return [{ name: selection.name.value, selectionSet: selection.selectionSet }];
    if (selection.kind === Kind.INLINE_FRAGMENT) return fieldsOf(selection.selectionSet, info);
    const fragment = info.fragments[selection.name.value];
    return fragment ? fieldsOf(fragment.selectionSet, info) : [];
  });
}

/**
 * The columns that `fields` read, by `fieldColumns` (a field mapped to [] needs only the key),
 * plus `always`; every column when a field is not in the map (a field added later reads all
 * until mapped) or when no selection is known.
 */
export function columnsFor(fields: Set<string> | null | undefined, fieldColumns: Record<string, readonly string[]>, all: readonly string[], always: readonly string[]): string[] {
  if (!fields) return [...all];
  const columns = new Set(always);
  for (const field of fields) {
    const needed = fieldColumns[field];
    if (!needed) return [...all];
    needed.forEach((column) => columns.add(column));
  }
  return all.filter((column) => columns.has(column));
}
