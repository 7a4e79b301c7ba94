/**
 * Stand-in for the SliceMap in this folder's unit tests: they check which GPUs get a map and with
 * which props; the SliceMap's own tests cover its drawing.
 */
import type { SliceMapProps } from '../../SliceMap/types';

export const SliceMapStub = ({ gpuIndex, instances, migEnabled, compact }: SliceMapProps) => (
  <figure aria-label={`Slice map GPU ${gpuIndex}`} data-compact={compact ? 'true' : 'false'}>
    {migEnabled ? instances.map((instance) => instance.profile).join(' ') : 'MIG off'}
  </figure>
);

export const SliceMapLegendStub = () => <div>Slice map legend</div>;

/** `jest.mock('<path>/SliceMap', () => sliceMapModuleStub())` */
export const sliceMapModuleStub = () => ({
  SliceMap: SliceMapStub,
  SliceMapLegend: SliceMapLegendStub,
});
