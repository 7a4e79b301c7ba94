import type { StatusComponentProps } from '@openshift-console/dynamic-plugin-sdk';
import { Tooltip } from '@patternfly/react-core';
import * as React from 'react';

type StatusIconAndTextProps = StatusComponentProps & { icon?: React.ReactElement; spin?: boolean };

/** An icon followed by a status text; `iconOnly` keeps the text as a tooltip. */
export const StatusIconAndText: React.FC<StatusIconAndTextProps> = ({
  icon,
  title,
  spin,
  iconOnly,
  noTooltip,
  className,
}) => {
  if (!title) return <>-</>;
  const renderedIcon =
    icon &&
    React.cloneElement(icon, {
      className: [spin ? 'fa-spin' : '', icon.props.className, iconOnly ? '' : 'host-status__icon']
        .filter(Boolean)
        .join(' '),
    });
  const content = (
    <span className={['host-status', className].filter(Boolean).join(' ')} data-test="status-text">
      {renderedIcon}
      {!iconOnly && title}
    </span>
  );
  return iconOnly && !noTooltip ? <Tooltip content={title}>{content}</Tooltip> : content;
};
