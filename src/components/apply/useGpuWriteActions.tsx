import { Button, Flex, FlexItem } from '@patternfly/react-core';
import type { IAction } from '@patternfly/react-table';
import * as React from 'react';
import { ALL_DISABLED_CONFIG } from '../../cluster/applyPlan';
import type { GpuNodeView } from '../../cluster/types';
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
  /** For the Nodes tab toolbar slot. */
  toolbar: React.ReactNode;
  /** For the Nodes table's row-action slot. */
  rowActions: (node: GpuNodeView) => IAction[];
  /** Render once on the page: the open modal, if any. */
  modals: React.ReactNode;
}

/**
 * The write side of the GPU Partitioning page: "Change strategy" and "Apply MIG config…" in the
 * toolbar, "Apply MIG config…" and "Disable MIG" per node. Users who may not patch still open the
 * previews; the modals disable the final step and say why.
 */
export const useGpuWriteActions = (nodes: GpuNodeView[]): GpuWriteActions => {
  const { t } = usePluginTranslation();
  const access = useNodePatchAccess();
  const [open, setOpen] = React.useState<OpenModal>();
  const migCapable = nodes.filter((node) => node.migCapable).map((node) => node.name);
  const previewOnly = !access.loading && !access.allowed;
  const previewNote = previewOnly ? t('Preview only: you may not patch nodes') : undefined;

  const toolbar = (
    <Flex spaceItems={{ default: 'spaceItemsSm' }}>
      <FlexItem>
        <Button variant="secondary" onClick={() => setOpen({ kind: 'strategy', nodeNames: [] })}>
          {t('Change strategy')}
        </Button>
      </FlexItem>
      <FlexItem>
        <Button
          variant="primary"
          isDisabled={migCapable.length === 0}
          onClick={() => setOpen({ kind: 'apply', nodeNames: migCapable })}
        >
          {t('Apply MIG config to {{count}} MIG-capable node…', { count: migCapable.length })}
        </Button>
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

  return { toolbar, rowActions, modals };
};
