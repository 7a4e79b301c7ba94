import type { TimestampProps } from '@openshift-console/dynamic-plugin-sdk';
import { Tooltip } from '@patternfly/react-core';
import { GlobeAmericasIcon } from '@patternfly/react-icons';
import * as React from 'react';

const MINUTE = 60_000;
const absoluteFormat = new Intl.DateTimeFormat(undefined, {
  dateStyle: 'medium',
  timeStyle: 'short',
});
const relativeFormat = new Intl.RelativeTimeFormat(undefined, { numeric: 'auto' });

const relativeText = (date: Date, now: number, omitSuffix?: boolean) => {
  const elapsedMs = now - date.getTime();
  const units: [Intl.RelativeTimeFormatUnit, number][] = [
    ['day', 24 * 60 * MINUTE],
    ['hour', 60 * MINUTE],
    ['minute', MINUTE],
  ];
  if (Math.abs(elapsedMs) < MINUTE) return 'Just now';
  // Beyond a week the console shows the absolute date.
  if (Math.abs(elapsedMs) > 7 * 24 * 60 * MINUTE) return absoluteFormat.format(date);
  const [unit, size] = units.find(([, ms]) => Math.abs(elapsedMs) >= ms) ?? units[2];
  const amount = Math.round(elapsedMs / size);
  return omitSuffix
    ? `${amount} ${unit}${amount === 1 ? '' : 's'}`
    : relativeFormat.format(-amount, unit);
};

/** A relative time ("5 minutes ago") with the absolute time in a tooltip, refreshed each minute. */
export const Timestamp: React.FC<TimestampProps> = ({
  timestamp,
  simple,
  omitSuffix,
  className,
}) => {
  const [now, setNow] = React.useState(Date.now);
  React.useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), MINUTE);
    return () => clearInterval(timer);
  }, []);
  if (timestamp === '' || timestamp == null) return <>-</>;
  const date = new Date(timestamp);
  if (Number.isNaN(date.getTime())) return <>-</>;
  const text = relativeText(date, now, omitSuffix);
  if (simple) return <>{text}</>;
  return (
    <span className={['host-timestamp', className].filter(Boolean).join(' ')}>
      <Tooltip content={absoluteFormat.format(date)}>
        <span data-test="timestamp">
          <GlobeAmericasIcon className="host-timestamp__icon" /> {text}
        </span>
      </Tooltip>
    </span>
  );
};
