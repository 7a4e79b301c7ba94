import { Label, Tooltip } from '@patternfly/react-core';
import {
  BanIcon,
  CheckCircleIcon,
  ExclamationCircleIcon,
  ExclamationTriangleIcon,
  InProgressIcon,
  MinusCircleIcon,
  OutlinedQuestionCircleIcon,
  PowerOffIcon,
} from '@patternfly/react-icons';
import type { ReactElement } from 'react';
import type { GpuHealthState, MigConfigState } from '../../../cluster/types';
import { usePluginTranslation } from '../../../hooks/usePluginTranslation';
import { formatElapsed } from './format';

type LabelColor = 'green' | 'blue' | 'orange' | 'red' | 'grey' | 'purple';
interface LabelLook {
  text: string;
  color: LabelColor;
  icon: ReactElement;
}

/** Words and look of the mig-manager's `nvidia.com/mig.config.state` values. */
export const useConfigStateText = () => {
  const { t } = usePluginTranslation();
  return (state: MigConfigState): LabelLook => {
    switch (state) {
      case 'success':
        return { text: t('Success'), color: 'green', icon: <CheckCircleIcon /> };
      case 'pending':
        return { text: t('Pending'), color: 'blue', icon: <InProgressIcon /> };
      case 'rebooting':
        return { text: t('Rebooting'), color: 'blue', icon: <PowerOffIcon /> };
      case 'failed':
        return { text: t('Failed'), color: 'red', icon: <ExclamationCircleIcon /> };
      case 'absent':
        return { text: t('Not set'), color: 'grey', icon: <MinusCircleIcon /> };
      default:
        return { text: t('Unknown'), color: 'grey', icon: <OutlinedQuestionCircleIcon /> };
    }
  };
};

/** Words and look of the page's summary state of a node or GPU. */
export const useHealthStateText = () => {
  const { t } = usePluginTranslation();
  return (state: GpuHealthState): LabelLook => {
    switch (state) {
      case 'applied':
        return { text: t('Applied'), color: 'green', icon: <CheckCircleIcon /> };
      case 'pending':
        return { text: t('Pending'), color: 'blue', icon: <InProgressIcon /> };
      case 'failed':
        return { text: t('Failed'), color: 'red', icon: <ExclamationCircleIcon /> };
      case 'drifted':
        return { text: t('Drifted'), color: 'orange', icon: <ExclamationTriangleIcon /> };
      case 'invalid':
        return { text: t('Invalid'), color: 'red', icon: <BanIcon /> };
      case 'disabled':
        return { text: t('MIG disabled'), color: 'grey', icon: <MinusCircleIcon /> };
      default:
        return { text: t('Unknown'), color: 'grey', icon: <OutlinedQuestionCircleIcon /> };
    }
  };
};

interface ConfigStateLabelProps {
  state: MigConfigState;
  /** When the node entered `pending`/`rebooting`, if observed: shows how long it has waited. */
  since?: string;
  /** Raw label value, shown in a tooltip when the state is `unknown` (garbage stays visible). */
  rawValue?: string;
}

/** `nvidia.com/mig.config.state` as a label with an icon; pending shows the time spent waiting. */
export const ConfigStateLabel = ({ state, since, rawValue }: ConfigStateLabelProps) => {
  const { t } = usePluginTranslation();
  const look = useConfigStateText()(state);
  const elapsed = state === 'pending' || state === 'rebooting' ? formatElapsed(since) : undefined;
  const label = (
    <Label isCompact color={look.color} icon={look.icon}>
      {elapsed ? t('{{state}} for {{elapsed}}', { state: look.text, elapsed }) : look.text}
    </Label>
  );
  return state === 'unknown' && rawValue ? (
    <Tooltip content={t('Unrecognised value: {{value}}', { value: rawValue })}>{label}</Tooltip>
  ) : (
    label
  );
};

interface HealthStateLabelProps {
  state: GpuHealthState;
  since?: string;
}

/** The most urgent state of a node (or GPU): applied, pending, failed, drifted, invalid, disabled. */
export const HealthStateLabel = ({ state, since }: HealthStateLabelProps) => {
  const { t } = usePluginTranslation();
  const look = useHealthStateText()(state);
  const elapsed = state === 'pending' ? formatElapsed(since) : undefined;
  return (
    <Label isCompact color={look.color} icon={look.icon}>
      {elapsed ? t('{{state}} for {{elapsed}}', { state: look.text, elapsed }) : look.text}
    </Label>
  );
};

/** A profile as people read it; whole GPUs (`nvidia.com/gpu`, profile `gpu`) get words. */
export const useProfileName = () => {
  const { t } = usePluginTranslation();
  return (profile: string) => (profile === 'gpu' ? t('Whole GPU') : profile);
};
