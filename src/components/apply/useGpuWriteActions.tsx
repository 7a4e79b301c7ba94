import { Flex, FlexItem } from '@patternfly/react-core';
import type { IAction } from '@patternfly/react-table';
import * as React from 'react';
import { ALL_DISABLED_CONFIG } from '../../cluster/applyPlan';
import type { ConfigChangeStep } from '../../cluster/availability';
import type { GpuNodeView } from '../../cluster/types';
import type { NodesWriteSlots } from '../gpu-page/nodes/NodesTab';
import { usePluginTranslation } from '../../hooks/usePluginTranslation';
import { StrategyModal } from '../strategy/StrategyModal';
import { ApplyMigConfigModal, type ApplyStepsPlan } from './ApplyMigConfigModal';
import {
  GuardedButton,
  ReadOnlyNotice,
  useDeniedReasons,
  useMigWritePermissions,
} from './writeAccess';

interface OpenModal {
  kind: 'apply' | 'strategy';
  nodeNames: string[];
  initialConfig?: string;
  plan?: ApplyStepsPlan;
}

export interface GpuWriteActions {
  /** The Nodes tab's slots: toolbar buttons for the selection, row actions, selectable rows. */
  nodes: NodesWriteSlots;
  /** Opens the apply dialog for these nodes with this config chosen (a suggested change). */
  openApply: (nodeNames: string[], initialConfig: string) => void;
  /**
   * Opens the apply dialog with suggested steps: one step as `openApply` does (its config chosen),
   * several as one plan, each node previewed and written with its step's config.
   */
  openPlan: (plan: ApplyStepsPlan) => void;
  /** The page's one read-only notice, when the user may not patch nodes or ClusterPolicies. */
  readOnlyNotice: React.ReactNode;
  /** Render once on the page: the open modal, if any. */
  modals: React.ReactNode;
}

const isMigCapable = (node: GpuNodeView) => node.migCapable;
const stepNodes = (step: ConfigChangeStep) => step.nodes;

/**
 * The write side of the GPU Partitioning page: "Change strategy", and "Apply MIG config…" and
 * "Disable MIG…" for the nodes selected in the table or for one node from its row. When the
 * access review says the user may not patch nodes (or ClusterPolicies), those actions are
 * disabled with the reason, and the page shows one read-only notice naming the permission.
 */
export const useGpuWriteActions = (): GpuWriteActions => {
  const { t } = usePluginTranslation();
  const permissions = useMigWritePermissions();
  const denied = useDeniedReasons();
  const [open, setOpen] = React.useState<OpenModal>();
  const nodesDeniedReason = permissions.nodesDenied ? denied.nodes : undefined;

  const selectionButton = (
    selected: GpuNodeView[],
    label: string,
    variant: 'primary' | 'secondary',
    initialConfig?: string,
  ) => (
    <GuardedButton
      label={label}
      variant={variant}
      disabledReason={
        nodesDeniedReason ??
        (selected.length === 0 ? t('Select MIG-capable nodes in the table first.') : undefined)
      }
      onClick={() =>
        setOpen({
          kind: 'apply',
          nodeNames: selected.map((node) => node.name),
          ...(initialConfig ? { initialConfig } : {}),
        })
      }
    />
  );

  const toolbarActions = (selected: GpuNodeView[]) => (
    <Flex spaceItems={{ default: 'spaceItemsSm' }}>
      <FlexItem>
        <GuardedButton
          label={t('Change strategy')}
          variant="secondary"
          disabledReason={permissions.policiesDenied ? denied.policies : undefined}
          onClick={() => setOpen({ kind: 'strategy', nodeNames: [] })}
        />
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

  // One function while the permissions and language are the same: the table's rows are memoised.
  const rowActions = React.useCallback(
    (node: GpuNodeView): IAction[] => {
      const deniedAction = nodesDeniedReason
        ? {
            isAriaDisabled: true,
            description: nodesDeniedReason,
            tooltipProps: { content: nodesDeniedReason },
          }
        : {};
      return node.migCapable
        ? [
            {
              title: t('Apply MIG config…'),
              ...deniedAction,
              onClick: () => setOpen({ kind: 'apply', nodeNames: [node.name] }),
            },
            {
              title: t('Disable MIG'),
              description: t('Preselects {{config}}', { config: ALL_DISABLED_CONFIG }),
              ...deniedAction,
              onClick: () =>
                setOpen({
                  kind: 'apply',
                  nodeNames: [node.name],
                  initialConfig: ALL_DISABLED_CONFIG,
                }),
            },
          ]
        : [];
    },
    [t, nodesDeniedReason],
  );

  const openApply = React.useCallback(
    (nodeNames: string[], initialConfig: string) =>
      setOpen({ kind: 'apply', nodeNames, initialConfig }),
    [],
  );

  const openPlan = React.useCallback((plan: ApplyStepsPlan) => {
    const [first, ...more] = plan.steps;
    if (!first) return;
    setOpen(
      more.length === 0
        ? { kind: 'apply', nodeNames: first.nodes, initialConfig: first.toConfig }
        : { kind: 'apply', nodeNames: plan.steps.flatMap(stepNodes), plan },
    );
  }, []);

  // An alert's fix (the config a typo'd name most likely meant): the usual preview, that config chosen.
  const applyConfig = React.useCallback(
    (node: GpuNodeView, config?: string) =>
      setOpen({
        kind: 'apply',
        nodeNames: [node.name],
        ...(config ? { initialConfig: config } : {}),
      }),
    [],
  );

  const close = () => setOpen(undefined);
  const modals =
    open?.kind === 'apply' ? (
      <ApplyMigConfigModal
        isOpen
        onClose={close}
        nodeNames={open.nodeNames}
        {...(open.initialConfig ? { initialConfig: open.initialConfig } : {})}
        {...(open.plan ? { plan: open.plan } : {})}
      />
    ) : open?.kind === 'strategy' ? (
      <StrategyModal isOpen onClose={close} />
    ) : null;

  return {
    nodes: { toolbarActions, rowActions, isSelectable: isMigCapable, applyConfig },
    openApply,
    openPlan,
    readOnlyNotice:
      permissions.nodesDenied || permissions.policiesDenied ? (
        <ReadOnlyNotice {...permissions} />
      ) : null,
    modals,
  };
};
