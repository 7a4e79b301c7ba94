/**
 * The page's one vocabulary for states, and their colours: the page's judgement of a node or GPU
 * (`GpuHealthState`: the Nodes table, the Overview, the node tab, slice maps), the steps of a
 * followed change, and the mig-manager's own label shown as the value it is.
 */
import type { FollowPhase } from '../../cluster/follow';
import type { GpuHealthState, MigConfigState } from '../../cluster/types';
import type { Translate } from './translate';

/** PatternFly Label `status`: colour and icon. Undefined is a plain grey label. */
export type StateStatus = 'success' | 'info' | 'warning' | 'danger' | undefined;

export const HEALTH_STATE_STATUS: Record<GpuHealthState, StateStatus> = {
  applied: 'success',
  pending: 'info',
  failed: 'danger',
  drifted: 'warning',
  invalid: 'danger',
  disabled: undefined,
};

export function healthStateText(t: Translate, state: GpuHealthState): string {
  switch (state) {
    case 'applied':
      return t('Applied');
    case 'pending':
      return t('Pending');
    case 'failed':
      return t('Failed');
    case 'drifted':
      return t('Drifted');
    case 'invalid':
      return t('Invalid');
    case 'disabled':
      return t('MIG disabled');
    default:
      return String(state);
  }
}

export const FOLLOW_PHASE_STATUS: Record<FollowPhase, StateStatus> = {
  waiting: 'info',
  pending: 'info',
  rebooting: 'info',
  stuck: 'warning',
  success: 'success',
  failed: 'danger',
  superseded: 'warning',
  gone: 'warning',
};

/** A followed change: the same words as the node's state where they mean the same. */
export function followPhaseText(t: Translate, phase: FollowPhase): string {
  switch (phase) {
    case 'waiting':
      return t('Waiting for the mig-manager');
    case 'pending':
      return healthStateText(t, 'pending');
    case 'rebooting':
      return t('Rebooting');
    case 'stuck':
      return t('Stuck in pending');
    case 'success':
      return healthStateText(t, 'applied');
    case 'failed':
      return healthStateText(t, 'failed');
    case 'superseded':
      return t('Label changed by someone else');
    default:
      return t('Node not found');
  }
}

/**
 * `nvidia.com/mig.config.state` as the value the mig-manager wrote (`success`, `pending`…): data,
 * not the page's judgement, which `healthStateText` words.
 */
export function configStateText(t: Translate, state: MigConfigState, raw?: string): string {
  switch (state) {
    case 'absent':
      return t('Not set');
    case 'unknown':
      return raw ?? t('Unknown');
    default:
      return state;
  }
}
