import type { GpuHealthState } from '../../cluster/types';

/** PF Label status (colour and icon) for each GPU state; `disabled` is a plain grey label. */
export const STATE_LABEL_STATUS: Record<
  GpuHealthState,
  'success' | 'info' | 'warning' | 'danger' | undefined
> = {
  applied: 'success',
  pending: 'info',
  failed: 'danger',
  drifted: 'warning',
  invalid: 'danger',
  disabled: undefined,
};
