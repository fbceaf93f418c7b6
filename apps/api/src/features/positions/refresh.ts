/**
 * Keeps a read cache fresh: loads it now (a failure is reported, and the next round retries) and
 * every `everyMs` after. Returns the function that stops it.
 */
export async function keepFresh(reload: () => Promise<void>, everyMs: number, onError: (error: unknown) => void): Promise<() => void> {
  await reload().catch(onError);
  const timer = setInterval(() => {
    reload().catch(onError);
  }, everyMs);
  timer.unref();
  return () => clearInterval(timer);
}
