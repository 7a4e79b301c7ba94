/**
 * Pieces the planning cards ("can I get N × profile", "Waiting for GPUs") say alike: lists of
 * names, the nodes left out and why, what a change means for the pods already on a node, and how
 * they open the apply dialog with their changes.
 */
import { List, ListItem } from '@patternfly/react-core';
import type { ConfigChangeStep, NodeLeftOut } from '../../../cluster/availability';
import { usePluginTranslation } from '../../../hooks/usePluginTranslation';
import { nodeLeftOutReasonText } from '../../text/profileRequestText';

/** Opens the apply dialog with these steps (one or more), all previewed and applied together. */
export type PreviewSteps = (step: ConfigChangeStep, ...more: ConfigChangeStep[]) => void;

/** How many names a sentence lists before "and N more". */
export const MAX_LISTED = 5;

/** Up to MAX_LISTED names, then "and N more". */
export const useNameList = () => {
  const { t } = usePluginTranslation();
  return (names: string[]) =>
    names.length > MAX_LISTED
      ? t('{{names}} and {{more}} more', {
          names: names.slice(0, MAX_LISTED).join(', '),
          more: names.length - MAX_LISTED,
        })
      : names.join(', ');
};

/** Nodes left out, grouped by why: "a100-40-02, a100-40-03: its last MIG change failed". */
export const LeftOutNodes = ({ title, nodes }: { title: string; nodes: NodeLeftOut[] }) => {
  const { t } = usePluginTranslation();
  const names = useNameList();
  if (nodes.length === 0) return null;
  const reasons = Array.from(new Set(nodes.map((node) => node.why)));
  return (
    <div>
      {title}
      <List isPlain>
        {reasons.map((why) => (
          <ListItem key={why}>
            {t('{{nodes}}: {{reason}}', {
              nodes: names(nodes.filter((node) => node.why === why).map((node) => node.name)),
              reason: nodeLeftOutReasonText(t, why),
            })}
          </ListItem>
        ))}
      </List>
    </div>
  );
};

/** A change on a node with GPU pods: their GPUs stay, the operands around them restart. */
export const GpuPodsStayNote = ({ pods }: { pods: number }) => {
  const { t } = usePluginTranslation();
  if (pods === 0) return null;
  return (
    <div>
      {t(
        '{{pods}} GPU pods run there on GPUs the change leaves as they are; the GPU operands restart around them.',
        { pods },
      )}
    </div>
  );
};
