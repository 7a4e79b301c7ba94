import { Flex, FlexItem, PageSection, Stack, StackItem } from '@patternfly/react-core';
import * as React from 'react';
import { ALL_DISABLED_CONFIG } from '../../cluster/applyPlan';
import type { MigStateTransition } from '../../cluster/stateHistory';
import type { GpuNodeView } from '../../cluster/types';
import type { FollowTarget } from '../../hooks/useFollowMigChange';
import { usePluginTranslation } from '../../hooks/usePluginTranslation';
import { ApplyMigConfigModal } from './ApplyMigConfigModal';
import { MigChangeProgress } from './MigChangeProgress';
import {
  GuardedButton,
  ReadOnlyNotice,
  useDeniedReasons,
  useMigWritePermissions,
} from './writeAccess';

interface NodeGpuActionsProps {
  view?: GpuNodeView;
  /** Observed state transitions (for "back to the previous config"). */
  history: MigStateTransition[];
  namespace: string;
}

/** The config the node had before its current one, as far as this browser saw. */
function previousConfigOf(view: GpuNodeView, history: MigStateTransition[]): string | undefined {
  for (let index = history.length - 1; index >= 0; index -= 1) {
    const config = history[index].migConfig;
    if (config !== undefined && config !== view.migConfig) return config;
  }
  return undefined;
}

/**
 * When the change under way (or failed) began, as the cluster recorded it: the state's time while
 * pending or rebooting (the same time the state label shows), the config label's once failed.
 * Only without a record, now (the follow then times from this page).
 */
function changeStartedAt(view: GpuNodeView): string {
  const settled = view.migConfigState === 'failed';
  return (
    (settled ? view.configSetAt : view.stateSince?.at) ??
    view.configSetAt ??
    new Date().toISOString()
  );
}

/**
 * Node → GPU tab: Apply / Disable MIG buttons, and while the node is pending, stuck or failed, the
 * same progress panel (reason from the mig-manager log, recovery) as after an apply. A user who
 * may not patch nodes sees the buttons disabled with the reason and the read-only notice.
 */
export const NodeGpuActions = ({ view, history, namespace }: NodeGpuActionsProps) => {
  const { t } = usePluginTranslation();
  const [open, setOpen] = React.useState<string | null>();
  const permissions = useMigWritePermissions();
  const denied = useDeniedReasons();
  const deniedReason = permissions.nodesDenied ? denied.nodes : undefined;
  const state = view?.migConfigState;
  // A name the config source lacks has its own alert and fix: a retry could only fail again.
  const following =
    view?.migConfig &&
    (state === 'pending' || state === 'failed' || state === 'rebooting') &&
    !view.conditions.some((condition) => condition.facts?.code === 'config-not-found');
  const target = React.useMemo<FollowTarget | undefined>(() => {
    if (!view?.migConfig || !following) return undefined;
    const previous = previousConfigOf(view, history);
    return {
      nodeName: view.name,
      configName: view.migConfig,
      startedAt: changeStartedAt(view),
      initialState: 'unknown',
      ...(previous ? { previousConfig: previous } : {}),
    };
    // Re-target only when the node's config or state changes, not on every view refresh.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [view?.name, view?.migConfig, following]);
  const targets = React.useMemo(() => (target ? [target] : []), [target]);
  const views = React.useMemo(() => (view ? [view] : []), [view]);
  if (!view || !view.migCapable) return null;
  return (
    <PageSection>
      <Stack hasGutter>
        {permissions.nodesDenied && (
          <StackItem>
            <ReadOnlyNotice nodesDenied policiesDenied={false} />
          </StackItem>
        )}
        <StackItem>
          <Flex spaceItems={{ default: 'spaceItemsSm' }}>
            <FlexItem>
              <GuardedButton
                label={t('Apply MIG config…')}
                variant="primary"
                disabledReason={deniedReason}
                onClick={() => setOpen(null)}
              />
            </FlexItem>
            <FlexItem>
              <GuardedButton
                label={t('Disable MIG')}
                variant="secondary"
                disabledReason={deniedReason}
                onClick={() => setOpen(ALL_DISABLED_CONFIG)}
              />
            </FlexItem>
          </Flex>
        </StackItem>
      </Stack>
      {targets.length > 0 && (
        <div className="gpu-partitioning-apply__pods">
          <MigChangeProgress targets={targets} views={views} namespace={namespace} />
        </div>
      )}
      {open !== undefined && (
        <ApplyMigConfigModal
          isOpen
          onClose={() => setOpen(undefined)}
          nodeNames={[view.name]}
          {...(open ? { initialConfig: open } : {})}
        />
      )}
    </PageSection>
  );
};
