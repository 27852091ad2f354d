// A refusal that answers like "does not exist" although the record exists outside the caller's
// jurisdiction: the error carries what the audit trail needs, kept beside it (never sent to the
// client, unlike RegistryError.details).
export interface ScopeDenial {
  objectType: string;
  objectId: string;
  regionPath: string | null;
}

const denials = new WeakMap<Error, ScopeDenial>();

/** Marks `error` as a refusal of something outside the scope; returns it for `throw`. */
export function outsideScope<E extends Error>(error: E, denial: ScopeDenial): E {
  denials.set(error, denial);
  return error;
}

export function scopeDenialOf(error: unknown): ScopeDenial | undefined {
  return error instanceof Error ? denials.get(error) : undefined;
}
