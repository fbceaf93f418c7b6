// Housekeeping: sessions past their expiry and idempotency keys older than a day are deleted. Neither
// lets anyone in or replays anything once past its time; kept, they only grow (and hold callers' data).

const IDEMPOTENCY_TTL_MS = 24 * 3_600_000;

export function createPurgeJob(deps: {
  auth: { purgeExpired(): Promise<number> };
  /** where the dispatch's idempotency keys are kept (incidents/repository.ts) */
  idempotencyKeys: { deleteIdempotencyKeysBefore(before: Date): Promise<number> };
  log: { info: (obj: object, msg: string) => void; error: (obj: object, msg: string) => void };
  now?: () => Date;
}) {
  const now = deps.now ?? (() => new Date());
  let timer: NodeJS.Timeout | undefined;
  const run = async () => {
    const sessions = await deps.auth.purgeExpired();
    const keys = await deps.idempotencyKeys.deleteIdempotencyKeysBefore(new Date(now().getTime() - IDEMPOTENCY_TTL_MS));
    if (sessions + keys > 0) deps.log.info({ sessions, idempotencyKeys: keys }, "purged expired sessions and idempotency keys");
    return { sessions, idempotencyKeys: keys };
  };
  return {
    run,
    start(everyMs: number) {
      const tick = () => void run().catch((error: unknown) => deps.log.error({ err: error }, "purge failed"));
      setTimeout(tick, 5_000).unref();
      timer = setInterval(tick, everyMs);
      timer.unref();
    },
    stop() {
      clearInterval(timer);
    },
  };
}
