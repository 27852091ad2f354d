/**
 * Waits until `check` resolves to a value that passes `done`, polling; fails after `timeoutMs`
 * (generous: work that follows a response, such as a deferred audit row, takes milliseconds).
 */
export async function eventually<T>(check: () => Promise<T>, done: (value: T) => boolean, timeoutMs = 10_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (done(value) || Date.now() > deadline) return value;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}
