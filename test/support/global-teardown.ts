import { rmSync } from 'node:fs';

export default async function globalTeardown(): Promise<void> {
  const state = (globalThis as Record<string, unknown>).__EMBEDDED_PG__ as
    | { embedded: { stop(): Promise<void> }; base: string }
    | undefined;
  if (!state) return;
  await state.embedded.stop();
  rmSync(state.base, { recursive: true, force: true });
}
