import { ValidationPipe, type ArgumentMetadata, type PipeTransform } from '@nestjs/common';
import { plainToInstance, type ClassConstructor } from 'class-transformer';
import { validate } from 'class-validator';
import { validationErrorToRegistryError } from './graphql-errors';
import { RegistryError } from './registry-error';

// Every input enters through one gate: GraphQL arguments and REST parameters, queries and bodies
// pass the global RegistryValidationPipe, and JSON a REST endpoint takes as text (an export's
// filter) goes through validateInput with the GraphQL input class it mirrors. A string holding a
// NUL character (PostgreSQL cannot store one) is refused wherever it stands, then the class's
// class-validator rules apply. A bad value answers BAD_USER_INPUT naming the field; nothing of
// it reaches the database.

/** What a client sends: GraphQL arguments, REST bodies, queries and path parameters (not the context or the request). */
const CLIENT_INPUT = new Set(['args', 'body', 'query', 'param']);

/** The dotted path of the first string under `value` holding a NUL character, or null (plain data only). */
export function nulCharacterAt(value: unknown, path: string, depth = 0): string | null {
  if (typeof value === 'string') return value.includes('\u0000') ? path : null;
  if (depth > 32 || !value || typeof value !== 'object') return null;
  if (Array.isArray(value)) {
    for (let index = 0; index < value.length; index++) {
      const found = nulCharacterAt(value[index], `${path}[${index}]`, depth + 1);
      if (found) return found;
    }
    return null;
  }
  const prototype = Object.getPrototypeOf(value);
  // GraphQL hands input objects over as plain objects (null prototype); anything else is not input
  if (prototype !== null && prototype !== Object.prototype) return null;
  for (const [key, inner] of Object.entries(value)) {
    const found = nulCharacterAt(inner, path ? `${path}.${key}` : key, depth + 1);
    if (found) return found;
  }
  return null;
}

function refuseNulCharacters(value: unknown, field: string): void {
  const at = nulCharacterAt(value, field);
  if (at) throw RegistryError.badInput(at, '不能包含空字符（U+0000）');
}

export class RegistryValidationPipe extends ValidationPipe {
  constructor() {
    super({ transform: true, forbidUnknownValues: false, exceptionFactory: validationErrorToRegistryError });
  }

  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    // fields are named as class-validator names them: inside an input object, without the argument's name
    if (CLIENT_INPUT.has(metadata.type)) refuseNulCharacters(value, value && typeof value === 'object' ? '' : (metadata.data ?? ''));
    return super.transform(value, metadata);
  }
}

/**
 * `plain` (parsed JSON) as an instance of `type`, validated by its class-validator rules; a
 * failure names the field under `field` (filter.categories[0]).
 */
export async function validateInput<T extends object>(type: ClassConstructor<T>, plain: unknown, field: string): Promise<T> {
  if (!plain || typeof plain !== 'object' || Array.isArray(plain)) throw RegistryError.badInput(field, '应为对象');
  refuseNulCharacters(plain, field);
  const instance = plainToInstance(type, plain);
  const errors = await validate(instance, { forbidUnknownValues: false });
  if (errors.length) {
    const refusal = validationErrorToRegistryError(errors);
    throw RegistryError.badInput(`${field}.${refusal.field}`, String(refusal.details.reason));
  }
  return instance;
}

/**
 * A free-text argument given as a bare String (not in an input class): at most `maxLength`
 * characters, as its column holds. `@Args('reason', new TextArgument('reason', 1000))`.
 */
export class TextArgument implements PipeTransform<unknown, unknown> {
  constructor(
    private readonly field: string,
    private readonly maxLength: number,
  ) {}

  transform(value: unknown): unknown {
    if (value === null || value === undefined) return value;
    const texts = Array.isArray(value) ? value : [value];
    for (const text of texts) {
      if (typeof text !== 'string') throw RegistryError.badInput(this.field, '应为文本');
      if (text.length > this.maxLength) throw RegistryError.badInput(this.field, `最多 ${this.maxLength} 个字`);
    }
    return value;
  }
}
