import { Button, Flex, FlexItem, Tooltip } from '@patternfly/react-core';
import type { IAction } from '@patternfly/react-table';
import * as React from 'react';
import { ALL_DISABLED_CONFIG } from '../../cluster/applyPlan';
import type { GpuNodeView } from '../../cluster/types';
import type { NodesWriteSlots } from '../gpu-page/nodes/NodesTab';
import { useNodePatchAccess } from '../../hooks/useMigWriteAccess';
import { usePluginTranslation } from '../../hooks/usePluginTranslation';
import { StrategyModal } from '../strategy/StrategyModal';
import { ApplyMigConfigModal } from './ApplyMigConfigModal';

interface OpenModal {
  kind: 'apply' | 'strategy';
  nodeNames: string[];
  initialConfig?: string;
}

export interface GpuWriteActions {
  /** The Nodes tab's slots: toolbar buttons for the selection, row actions, selectable rows. */
  nodes: NodesWriteSlots;
  /** Render once on the page: the open modal, if any. */
  modals: React.ReactNode;
}

const isMigCapable = (node: GpuNodeView) => node.migCapable;

/**
 * The write side of the GPU Partitioning page: "Change strategy", and "Apply MIG config…" and
 * "Disable MIG…" for the nodes selected in the table or for one node from its row. Users who may
 * not patch still open the previews; the modals disable the final step and say why.
 */
export const useGpuWriteActions = (): GpuWriteActions => {
  const { t } = usePluginTranslation();
  const access = useNodePatchAccess();
  const [open, setOpen] = React.useState<OpenModal>();
  const previewOnly = !access.loading && !access.allowed;
  const previewNote = previewOnly ? t('Preview only: you may not patch nodes') : undefined;

  const selectionButton = (
    selected: GpuNodeView[],
    label: string,
    variant: 'primary' | 'secondary',
    initialConfig?: string,
  ) => {
    const button = (
      <Button
        variant={variant}
        // Aria-disabled, not disabled: the tooltip saying why must stay reachable by keyboard.
        isAriaDisabled={selected.length === 0}
        onClick={() =>
          setOpen({
            kind: 'apply',
            nodeNames: selected.map((node) => node.name),
            ...(initialConfig ? { initialConfig } : {}),
          })
        }
      >
        {label}
      </Button>
    );
    return selected.length === 0 ? (
      <Tooltip content={t('Select MIG-capable nodes in the table first.')}>{button}</Tooltip>
    ) : (
      button
    );
  };

  const toolbarActions = (selected: GpuNodeView[]) => (
    <Flex spaceItems={{ default: 'spaceItemsSm' }}>
      <FlexItem>
        <Button variant="secondary" onClick={() => setOpen({ kind: 'strategy', nodeNames: [] })}>
          {t('Change strategy')}
        </Button>
      </FlexItem>
      <FlexItem>
        {selectionButton(
          selected,
          selected.length === 0
            ? t('Apply MIG config…')
            : t('Apply MIG config to {{count}} node…', { count: selected.length }),
          'primary',
        )}
      </FlexItem>
      <FlexItem>
        {selectionButton(
          selected,
          selected.length === 0
            ? t('Disable MIG…')
            : t('Disable MIG on {{count}} node…', { count: selected.length }),
          'secondary',
          ALL_DISABLED_CONFIG,
        )}
      </FlexItem>
    </Flex>
  );

  const rowActions = (node: GpuNodeView): IAction[] =>
    node.migCapable
      ? [
          {
            title: t('Apply MIG config…'),
            ...(previewNote ? { description: previewNote } : {}),
            onClick: () => setOpen({ kind: 'apply', nodeNames: [node.name] }),
          },
          {
            title: t('Disable MIG'),
            description: previewNote ?? t('Preselects {{config}}', { config: ALL_DISABLED_CONFIG }),
            onClick: () =>
              setOpen({
                kind: 'apply',
                nodeNames: [node.name],
                initialConfig: ALL_DISABLED_CONFIG,
              }),
          },
        ]
      : [];

  const close = () => setOpen(undefined);
  const modals =
    open?.kind === 'apply' ? (
      <ApplyMigConfigModal
        isOpen
        onClose={close}
        nodeNames={open.nodeNames}
        {...(open.initialConfig ? { initialConfig: open.initialConfig } : {})}
      />
    ) : open?.kind === 'strategy' ? (
      <StrategyModal isOpen onClose={close} />
    ) : null;

  return { nodes: { toolbarActions, rowActions, isSelectable: isMigCapable }, modals };
};
