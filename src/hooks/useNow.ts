import * as React from 'react';

/** The current time, refreshed every `intervalMs` (for "pending for 40 min" and stuck checks). */
export const useNow = (intervalMs = 60_000): Date => {
  const [now, setNow] = React.useState(() => new Date());
  React.useEffect(() => {
    const timer = setInterval(() => setNow(new Date()), intervalMs);
    return () => clearInterval(timer);
  }, [intervalMs]);
  return now;
};
