import { statusOfError } from './writeErrors';

/** How many times a refused write guarded by the resourceVersion is rebuilt on a re-read object. */
export const RESOURCE_VERSION_RETRIES = 2;

/**
 * Sends the write `send` builds from `snapshot` (what the preview saw); resolves to the snapshot it
 * was last built from and the API server's answer. When the API server refuses a write that
 * `guardedByResourceVersion` (a value test needs no re-read: its refusal is a real change), the
 * object is re-read and, while `mayRetry(sent, fresh)` says the preview still holds (only a
 * write guarded by the resourceVersion can: see `mayRetryOnFreshResourceVersion`), the write is
 * rebuilt on the fresh snapshot and sent again, at most `RESOURCE_VERSION_RETRIES` times.
 * Otherwise, or when the re-read fails, the refusal is thrown: nothing is overwritten.
 */
export async function sendGuardedWrite<S>({
  snapshot,
  send,
  guardedByResourceVersion,
  reRead,
  mayRetry,
}: {
  snapshot: S;
  send: (snapshot: S) => Promise<unknown>;
  guardedByResourceVersion: (snapshot: S) => boolean;
  reRead: () => Promise<S>;
  mayRetry: (sent: S, fresh: S) => boolean;
}): Promise<{ sent: S; response: unknown }> {
  let sent = snapshot;
  for (let retry = 0; ; retry += 1) {
    try {
      return { sent, response: await send(sent) };
    } catch (error) {
      const mayReRead =
        retry < RESOURCE_VERSION_RETRIES &&
        guardedByResourceVersion(sent) &&
        statusOfError(error).status === 'conflict';
      const fresh = mayReRead ? await reRead().catch(() => undefined) : undefined;
      if (fresh === undefined || !mayRetry(sent, fresh)) throw error;
      sent = fresh;
    }
  }
}
