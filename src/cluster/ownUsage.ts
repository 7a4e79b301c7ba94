/**
 * Views for a user who may read only their own projects' pods: what their pods hold is in use,
 * everything else is unknown (another project's pod may hold it), never free.
 */
import type { GpuNodeView } from './types';

/** The view with every slice not held by the user's pods marked `usageUnknown`. */
export function ownPodsOnly(view: GpuNodeView): GpuNodeView {
  return {
    ...view,
    ownPodsOnly: true,
    gpus: view.gpus.map((gpu) => ({
      ...gpu,
      instances: gpu.instances.map((instance) =>
        instance.inUse ? instance : { ...instance, usageUnknown: true },
      ),
    })),
  };
}
