import { Label } from '@patternfly/react-core';
import type { GpuHealthState } from '../../cluster/types';
import type { GpuModel } from '../../geometry/types';
import { CircleIcon, ExclamationCircleIcon, OutlinedCircleIcon } from '@patternfly/react-icons';
import { usePluginTranslation } from '../../hooks/usePluginTranslation';
import { HEALTH_STATE_STATUS, healthStateText } from '../text/stateText';
import type { Translate } from './sliceMapDescription';
import { colouredComputeSizes, sliceColorFor } from './sliceMapLayout';
import './SliceMap.css';

const BLOCK = 'gpu-partitioning-slice-map-legend';
const MAP = 'gpu-partitioning-slice-map';

const ALL_STATES: GpuHealthState[] = [
  'applied',
  'pending',
  'drifted',
  'failed',
  'invalid',
  'disabled',
];

export interface SliceMapLegendProps {
  /** Show only the compute sizes this model's profiles have; default: every coloured size. */
  model?: GpuModel;
  /** Explicit compute sizes to list (wins over `model`). */
  computeSizes?: number[];
  /** Also explain the GPU state labels. */
  showStates?: boolean;
  className?: string;
}

function legendSizes({ model, computeSizes }: SliceMapLegendProps): number[] {
  const sizes = computeSizes ?? model?.profiles.map((profile) => profile.computeSlices);
  const distinct = [...new Set((sizes ?? colouredComputeSizes()).filter((size) => size > 0))];
  return distinct.sort((a, b) => a - b);
}

const Swatch = ({ modifiers, icon }: { modifiers: string[]; icon?: React.ReactNode }) => (
  <span
    aria-hidden="true"
    className={[`${BLOCK}__swatch`, ...modifiers.map((name) => `${MAP}__slice--${name}`)].join(' ')}
  >
    {icon}
  </span>
);

/** What the slice map's colours, fills and state labels mean. */
export const SliceMapLegend = (props: SliceMapLegendProps) => {
  const { t: i18nT } = usePluginTranslation();
  const t = i18nT as Translate;
  return (
    <div className={[BLOCK, props.className].filter(Boolean).join(' ')}>
      <ul className={`${BLOCK}__group`} aria-label={t('Colour by compute slices')}>
        {legendSizes(props).map((slices) => (
          <li key={slices} className={`${BLOCK}__item`}>
            <Swatch modifiers={[sliceColorFor(slices), 'in-use']} />
            {t('{{slices}}g profiles', { slices })}
          </li>
        ))}
      </ul>
      <ul className={`${BLOCK}__group`} aria-label={t('Usage')}>
        <li className={`${BLOCK}__item`}>
          <Swatch modifiers={['gray', 'in-use']} icon={<CircleIcon />} />
          {t('In use by a pod (filled)')}
        </li>
        <li className={`${BLOCK}__item`}>
          <Swatch modifiers={['gray', 'free']} icon={<OutlinedCircleIcon />} />
          {t('Free instance (outlined)')}
        </li>
        <li className={`${BLOCK}__item`}>
          <Swatch modifiers={['unallocated']} />
          {t('Unallocated memory slices (dashed)')}
        </li>
        <li className={`${BLOCK}__item`}>
          <Swatch modifiers={['overlapping']} icon={<ExclamationCircleIcon />} />
          {t('Overlapping instance (red dashed)')}
        </li>
      </ul>
      {props.showStates && (
        <ul className={`${BLOCK}__group`} aria-label={t('GPU states')}>
          {ALL_STATES.map((state) => (
            <li key={state} className={`${BLOCK}__item`}>
              <Label
                isCompact
                status={HEALTH_STATE_STATUS[state]}
                variant={state === 'disabled' ? 'outline' : 'filled'}
              >
                {healthStateText(t, state)}
              </Label>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
};

export default SliceMapLegend;
