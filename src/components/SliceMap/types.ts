import type * as React from 'react';
import type { GpuHealthState, SliceInstanceView } from '../../cluster/types';
import type { GpuModel } from '../../geometry/types';

/**
 * One MIG instance as the slice map draws it. Compatible with `SliceInstanceView`, but `inUse` and
 * `resourceName` are optional so planned (not yet created) instances can be drawn too.
 */
export type SliceMapInstance = Pick<
  SliceInstanceView,
  'id' | 'profile' | 'start' | 'size' | 'computeSlices'
> &
  Partial<Pick<SliceInstanceView, 'inUse' | 'podName' | 'resourceName'>> & {
    /** Namespace of `podName`; shown as `namespace/name`. */
    podNamespace?: string;
    /**
     * True when the pod-to-instance assignment was inferred (the API names the resource a pod
     * holds, not the instance). Undefined → inferred whenever the placement is `predicted`.
     */
    assignmentInferred?: boolean;
    /**
     * True when pods the user cannot see may hold it (they may not read other projects' pods):
     * not `inUse` means "in use or free", never "free".
     */
    usageUnknown?: boolean;
  };

export interface SliceMapProps {
  /** Undefined (or a model without a placement grid) → an "unknown GPU model" fallback. */
  model?: GpuModel;
  gpuIndex: number;
  instances: SliceMapInstance[];
  /** False → the whole GPU is drawn as one block, in use or free (`wholeGpuInUse`). */
  migEnabled: boolean;
  /** `unknown`: pods hold some of the node's whole GPUs, and the API does not say which. */
  wholeGpuInUse?: boolean | 'unknown';
  /** Shown as a state label and a coloured border. */
  state?: GpuHealthState;
  /** Default true: placements are predicted (the driver chooses starts), and the map says so. */
  predicted?: boolean;
  /** Defaults to "GPU <index> · <model>". */
  title?: React.ReactNode;
  /** Denser layout for table rows and before/after previews. */
  compact?: boolean;
  /** Instances to emphasise (added/changed in an apply preview or the designer). */
  highlightInstanceIds?: string[];
  /** Text of the highlight marker and of its screen-reader description; default "Changed". */
  highlightLabel?: string;
  /** When set, each instance is a button (keyboard accessible) that reports its id. */
  onInstanceClick?: (id: string) => void;
  /** Extra class on the outer element. */
  className?: string;
}
