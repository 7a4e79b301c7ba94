/**
 * The page's one way of saying how long something took and when it happened. Durations are whole
 * minutes: the page refreshes its clock once a minute, so seconds would be stale as soon as shown.
 */
import type { Translate } from './translate';

const MINUTE_MS = 60_000;

/** `under a minute`, `12 min`, `1 h 5 min`, `3 d 4 h`; negative or unreadable spans read as none. */
export function durationText(t: Translate, ms: number): string {
  const minutes = Number.isFinite(ms) ? Math.max(0, Math.floor(ms / MINUTE_MS)) : 0;
  if (minutes < 1) return t('under a minute');
  if (minutes < 60) return t('{{count}} min', { count: minutes });
  const hours = Math.floor(minutes / 60);
  if (hours < 48) {
    return minutes % 60 === 0
      ? t('{{count}} h', { count: hours })
      : t('{{hours}} h {{minutes}} min', { hours, minutes: minutes % 60 });
  }
  const days = Math.floor(hours / 24);
  return hours % 24 === 0
    ? t('{{count}} d', { count: days })
    : t('{{days}} d {{hours}} h', { days, hours: hours % 24 });
}

/** Milliseconds from an ISO time to `now`; undefined when the time is not a date. */
export function elapsedSince(
  iso: string | undefined,
  now: number = Date.now(),
): number | undefined {
  if (iso === undefined) return undefined;
  const start = Date.parse(iso);
  return Number.isNaN(start) ? undefined : Math.max(0, now - start);
}

/** An ISO time in the reader's locale (`Sep 1, 2026, 10:00 AM`); the raw text when not a date. */
export function clockTime(iso: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime())
    ? iso
    : date.toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });
}
