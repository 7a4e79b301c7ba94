export { SliceMap, default } from './SliceMap';
export { SliceMapLegend, type SliceMapLegendProps } from './SliceMapLegend';
export {
  sliceMapDescription,
  type SliceMapDescription,
  type SliceMapDescriptionInput,
} from './sliceMapDescription';
export { layoutSliceMap, sliceColorFor, type SliceMapLayout } from './sliceMapLayout';
export type { SliceMapInstance, SliceMapProps } from './types';
