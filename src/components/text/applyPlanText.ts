/** The apply dialog's heading for a plan of several configs, said by whose plan it is. */
import type { ConfigChangeStep } from '../../cluster/availability';
import type { Translate } from './translate';

/** Whose steps: "Make room" for waiting pods, or the changes a "can I get" request suggests. */
export type StepsPurpose = 'make-room' | 'profile-request';

/** Title and description of the apply dialog for `steps` (each node its step's config). */
export function planHeading(
  t: Translate,
  plan: { steps: ConfigChangeStep[]; purpose: StepsPurpose },
): { title: string; description: string } {
  const nodes = new Set(plan.steps.flatMap((step) => step.nodes)).size;
  return plan.purpose === 'make-room'
    ? {
        title: t('Make room: apply the plan'),
        description: t(
          'Applies the make-room plan: sets the nvidia.com/mig.config label on {{count}} node, each to the config of its step. The NVIDIA mig-manager on each node then repartitions its GPUs.',
          { count: nodes },
        ),
      }
    : {
        title: t('Apply the suggested changes'),
        description: t(
          'Applies the changes suggested for your request: sets the nvidia.com/mig.config label on {{count}} node, each to the config of its step. The NVIDIA mig-manager on each node then repartitions its GPUs.',
          { count: nodes },
        ),
      };
}
