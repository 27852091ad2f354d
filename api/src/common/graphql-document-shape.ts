import {
  GraphQLError,
  Kind,
  Lexer,
  Source,
  TokenKind,
  visit,
  type DocumentNode,
  type FragmentDefinitionNode,
  type OperationDefinitionNode,
  type SelectionSetNode,
} from 'graphql';

// What a GraphQL document costs to look at, measured in time linear in its text: each fragment
// is measured once and its figures reused wherever it is spread, so a document of doubling
// fragment spreads (F0 spreads F1 twice, F1 spreads F2 twice, …) costs its length to measure,
// not 2^levels. These figures are taken before validation, whose own rules are not linear
// (OverlappingFieldsCanBeMerged compares every pair of same-named fields), so a document that
// is too big for them is refused before they run (docs/decisions/0710-graphql-document-limits.md).

export type DocumentLimit = 'documentSize' | 'tokens' | 'depth' | 'aliases' | 'fields' | 'directives' | 'fragmentCycle' | 'complexity';

export interface DocumentLimits {
  maxDocumentBytes: number;
  maxTokens: number;
  maxDepth: number;
  maxAliases: number;
  maxFields: number;
  maxDirectives: number;
}

export interface SelectionShape {
  /** deepest field below, introspection fields (`__schema` …) left out */
  depth: number;
  /** aliased fields, each time a fragment holding them is spread */
  aliases: number;
  /** fields once every fragment is expanded: what validation and execution walk */
  fields: number;
}

export interface DocumentShape {
  operations: { name: string | null; shape: SelectionShape }[];
  directives: number;
  /** a fragment that spreads itself, directly or through others */
  fragmentCycle: string | null;
}

/** Sums stay finite (2^60 spreads are as refused as 2^1000) and printable. */
const CEILING = 2 ** 53 - 1;
const EMPTY: SelectionShape = { depth: 0, aliases: 0, fields: 0 };

function add(a: number, b: number): number {
  return Math.min(CEILING, a + b);
}

export function limitError(limit: DocumentLimit, message: string, actual: number, maximum: number): GraphQLError {
  return new GraphQLError(message, {
    extensions: { code: 'QUERY_LIMIT_EXCEEDED', limit, actual, maximum, http: { status: 400 } },
  });
}

/**
 * Tokens of `source`, counted up to `stopAfter` + 1 (enough to refuse); null when the text
 * does not lex, which the parser then reports with its own syntax error.
 */
export function countTokens(source: string, stopAfter: number): number | null {
  const lexer = new Lexer(new Source(source));
  let count = 0;
  try {
    while (lexer.advance().kind !== TokenKind.EOF) {
      count += 1;
      if (count > stopAfter) break;
    }
  } catch {
    return null;
  }
  return count;
}

/** Size and token count of a document's text: refused before it is parsed. */
export function checkSource(source: string, limits: Pick<DocumentLimits, 'maxDocumentBytes' | 'maxTokens'>): void {
  // a UTF-8 byte count needs a pass over the text: skip it when even 3 bytes a character fit
  const bytes = source.length * 3 <= limits.maxDocumentBytes ? source.length : Buffer.byteLength(source, 'utf8');
  if (bytes > limits.maxDocumentBytes) {
    throw limitError('documentSize', `查询文本过长（${bytes} 字节，最多 ${limits.maxDocumentBytes} 字节）`, bytes, limits.maxDocumentBytes);
  }
  const tokens = countTokens(source, limits.maxTokens);
  if (tokens !== null && tokens > limits.maxTokens) {
    throw limitError('tokens', `查询过于复杂（超过 ${limits.maxTokens} 个记号）`, tokens, limits.maxTokens);
  }
}

/** Depth, aliases and expanded field count of every operation, each fragment measured once. */
export function measureDocument(document: DocumentNode): DocumentShape {
  const fragments = new Map<string, FragmentDefinitionNode>();
  const operations: OperationDefinitionNode[] = [];
  for (const definition of document.definitions) {
    if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);
    else if (definition.kind === Kind.OPERATION_DEFINITION) operations.push(definition);
  }
  const measured = new Map<string, SelectionShape>();
  const visiting = new Set<string>();
  let fragmentCycle: string | null = null;

  const ofFragment = (name: string): SelectionShape => {
    const known = measured.get(name);
    if (known) return known;
    const fragment = fragments.get(name);
    // an unknown fragment is for validation to name
    if (!fragment) return EMPTY;
    if (visiting.has(name)) {
      fragmentCycle ??= name;
      return EMPTY;
    }
    visiting.add(name);
    const shape = ofSet(fragment.selectionSet);
    visiting.delete(name);
    measured.set(name, shape);
    return shape;
  };

  const ofSet = (set: SelectionSetNode): SelectionShape => {
    let depth = 0;
    let aliases = 0;
    let fields = 0;
    for (const selection of set.selections) {
      let inner: SelectionShape;
      if (selection.kind === Kind.FIELD) {
        const below = selection.selectionSet ? ofSet(selection.selectionSet) : EMPTY;
        const introspection = selection.name.value.startsWith('__');
        inner = {
          depth: introspection ? 0 : 1 + below.depth,
          aliases: add(selection.alias ? 1 : 0, below.aliases),
          fields: add(1, below.fields),
        };
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        inner = ofSet(selection.selectionSet);
      } else {
        inner = ofFragment(selection.name.value);
      }
      depth = Math.max(depth, inner.depth);
      aliases = add(aliases, inner.aliases);
      fields = add(fields, inner.fields);
    }
    return { depth, aliases, fields };
  };

  const shapes = operations.map((operation) => ({ name: operation.name?.value ?? null, shape: ofSet(operation.selectionSet) }));
  // fragments no operation spreads are still validated: measure them too
  for (const name of fragments.keys()) ofFragment(name);

  let directives = 0;
  visit(document, { Directive: () => void (directives += 1) });
  return { operations: shapes, directives, fragmentCycle };
}

/** Refuses a parsed document that passes a limit, naming the limit, the figure and the maximum. */
export function checkDocument(document: DocumentNode, limits: Omit<DocumentLimits, 'maxDocumentBytes' | 'maxTokens'>): void {
  const { operations, directives, fragmentCycle } = measureDocument(document);
  if (fragmentCycle) {
    throw new GraphQLError(`片段 ${fragmentCycle} 直接或间接地引用了自身`, {
      extensions: { code: 'QUERY_LIMIT_EXCEEDED', limit: 'fragmentCycle', fragment: fragmentCycle, http: { status: 400 } },
    });
  }
  if (directives > limits.maxDirectives) {
    throw limitError('directives', `查询指令过多（${directives} 个，最多 ${limits.maxDirectives} 个）`, directives, limits.maxDirectives);
  }
  for (const { shape } of operations) {
    const { depth, aliases, fields } = shape;
    if (depth > limits.maxDepth) throw limitError('depth', `查询嵌套过深（${depth} 层，最多 ${limits.maxDepth} 层）`, depth, limits.maxDepth);
    if (aliases > limits.maxAliases) throw limitError('aliases', `查询别名过多（${aliases} 个，最多 ${limits.maxAliases} 个）`, aliases, limits.maxAliases);
    if (fields > limits.maxFields) {
      throw limitError('fields', `查询字段过多（展开片段后 ${fields} 个，最多 ${limits.maxFields} 个）`, fields, limits.maxFields);
    }
  }
}
