import * as React from 'react';
import type { ApplyOutcome, ApplyWrites } from '../../cluster/applyOutcome';
import {
  configOfNode,
  configOptions,
  planApply,
  planApplySteps,
  type ApplyPlan,
  type ConfigTargets,
} from '../../cluster/applyPlan';
import type { ConfigChangeStep } from '../../cluster/availability';
import type { FollowTarget } from '../../cluster/follow';
import { MIG_CONFIG_LABEL, MIG_CONFIG_STATE_LABEL, nodeLabels } from '../../cluster/labels';
import type { NodeKind } from '../../cluster/models';
import type { GpuNodeView } from '../../cluster/types';
import type { MigStrategy } from '../../geometry/types';
import { useApplyMigConfig } from '../../hooks/useApplyMigConfig';
import { useGpuNodes } from '../../hooks/useGpuNodes';
import type { GpuNodeViewsResult } from '../../hooks/useGpuNodeViews';
import { useNodePatchAccess } from '../../hooks/useMigWriteAccess';
import { useOpenShiftAiProfileList } from '../../hooks/useOpenShiftAiProfiles';

/** What the dialog reads of the page's node views (`useGpuNodeViews()`), shared, not rebuilt. */
export type ApplyDialogData = Pick<
  GpuNodeViewsResult,
  'nodes' | 'loaded' | 'strategy' | 'configSource' | 'clusterPolicy'
>;

/** The data a preview was computed from, and its config or steps; every write tests against it. */
type PreviewBasis = ConfigTargets & {
  views: GpuNodeView[];
  nodes: NodeKind[];
  strategy?: MigStrategy;
  /** Every GPU node, for what the change costs the cluster. */
  clusterViews: GpuNodeView[];
};

export interface ApplyDialogState {
  /** The config chosen (one config for every node; a plan of several steps has none). */
  configName?: string;
  basis?: PreviewBasis;
  cordon: string[];
  acknowledged: boolean;
  /** An apply that wrote no node: why, above the refreshed preview. */
  unwritten?: ApplyOutcome;
  /** An apply that wrote at least one node, and the nodes followed (fixed at apply time). */
  followed?: { outcome: ApplyOutcome; targets: FollowTarget[] };
}

type ApplyDialogAction =
  | { type: 'choose'; configName: string }
  | { type: 'preview'; basis: PreviewBasis }
  | { type: 'cordon'; nodeName: string; checked: boolean }
  | { type: 'acknowledge'; checked: boolean }
  | { type: 'applying' }
  | { type: 'applied'; outcome: ApplyOutcome };

/** Why Apply is disabled, for the view to word. */
export type ApplyBlock =
  'not-allowed' | 'no-config' | 'plan-blocked' | 'nothing-to-write' | 'unacknowledged';

const wroteAny = (outcome: ApplyOutcome) =>
  outcome.results.some((result) => result.status === 'written');

/** The written nodes to follow, each from the state its view had in the preview. */
function followTargets(outcome: ApplyOutcome, basis: PreviewBasis | undefined): FollowTarget[] {
  return outcome.results.flatMap((result) => {
    const configName = configOfNode(outcome, result.nodeName);
    if (result.status !== 'written' || configName === undefined) return [];
    return [
      {
        nodeName: result.nodeName,
        configName,
        startedAt: outcome.startedAt,
        initialState:
          basis?.views.find((view) => view.name === result.nodeName)?.migConfigState ?? 'unknown',
        cordonedByPlugin: result.cordoned,
        ...(result.previousConfig !== undefined ? { previousConfig: result.previousConfig } : {}),
      },
    ];
  });
}

export function applyDialogReducer(
  state: ApplyDialogState,
  action: ApplyDialogAction,
): ApplyDialogState {
  switch (action.type) {
    case 'choose':
      return { ...state, configName: action.configName };
    case 'preview':
      return { ...state, basis: action.basis, acknowledged: false };
    case 'cordon': {
      const others = state.cordon.filter((name) => name !== action.nodeName);
      return { ...state, cordon: action.checked ? [...others, action.nodeName] : others };
    }
    case 'acknowledge':
      return { ...state, acknowledged: action.checked };
    case 'applying': {
      const { unwritten: _dropped, ...rest } = state;
      return rest;
    }
    case 'applied':
      return wroteAny(action.outcome)
        ? {
            ...state,
            followed: {
              outcome: action.outcome,
              targets: followTargets(action.outcome, state.basis),
            },
          }
        : { ...state, unwritten: action.outcome };
  }
}

/** What of a node, if changed after the preview, makes the preview stale. */
const nodeFingerprint = (node: NodeKind | undefined) => {
  const labels = nodeLabels(node);
  return [labels[MIG_CONFIG_LABEL], labels[MIG_CONFIG_STATE_LABEL], node?.spec?.unschedulable]
    .map(String)
    .join('|');
};

/** The same array while the names are the same (callers pass a new array on every render). */
function useSameNames(names: string[]): ReadonlySet<string> {
  const key = names.join('\n');
  return React.useMemo(() => new Set(key === '' ? [] : key.split('\n')), [key]);
}

/** The same steps while they say the same (a caller may pass a new array on every render). */
function useSameSteps(steps: ConfigChangeStep[] | undefined): ConfigChangeStep[] | undefined {
  const key = steps ? JSON.stringify(steps) : undefined;
  return React.useMemo(
    () => (key === undefined ? undefined : (JSON.parse(key) as ConfigChangeStep[])),
    [key],
  );
}

const configNameOf = (targets: ConfigTargets | undefined) =>
  targets && 'configName' in targets ? targets.configName : undefined;

/** The plan's targets, for the request and for previewing again. */
const targetsOf = (plan: ApplyPlan): ConfigTargets =>
  'configName' in plan ? { configName: plan.configName } : { steps: plan.steps };

/** The previewed nodes the plan writes, with their configs, in the plan's order. */
function writesOf(plan: ApplyPlan, basis: PreviewBasis): ApplyWrites {
  const written = (names: string[]) =>
    basis.nodes.filter((node) => {
      const name = node.metadata?.name ?? '';
      return names.includes(name) && plan.writes.includes(name);
    });
  return 'configName' in plan
    ? { configName: plan.configName, nodes: written(plan.writes) }
    : {
        steps: plan.steps
          .map((step) => ({ toConfig: step.toConfig, nodes: written(step.nodes) }))
          .filter((step) => step.nodes.length > 0),
      };
}

/**
 * The apply dialog's state and what follows from it: the options for the selected nodes, the
 * preview (frozen when computed), what changed since, why Apply is disabled, and the actions.
 * With `steps` (a plan of several configs, "Make room") each step's nodes are previewed and
 * written with its config, and no config is chosen.
 */
export function useApplyDialogState(
  data: ApplyDialogData,
  nodeNames: string[],
  initialConfig: string | undefined,
  planSteps?: ConfigChangeStep[],
) {
  const rawNodes = useGpuNodes();
  const access = useNodePatchAccess();
  const openShiftAi = useOpenShiftAiProfileList();
  const [applyState, applyControls] = useApplyMigConfig();
  const steps = useSameSteps(planSteps);
  const [state, dispatch] = React.useReducer(applyDialogReducer, {
    ...(initialConfig && !planSteps ? { configName: initialConfig } : {}),
    cordon: [],
    acknowledged: false,
  });
  const { configName, basis } = state;

  const names = useSameNames(steps ? steps.flatMap((step) => step.nodes) : nodeNames);
  const selectedViews = React.useMemo(
    () => data.nodes.filter((view) => names.has(view.name)),
    [data.nodes, names],
  );
  const selectedNodes = React.useMemo(
    () => rawNodes.data.filter((node) => names.has(node.metadata?.name ?? '')),
    [rawNodes.data, names],
  );
  const sources = data.configSource;
  const sourceFor = React.useCallback((name: string) => sources.forNode(name), [sources]);
  // A plan's configs are given, not chosen: it has no options.
  const options = React.useMemo(
    () => (steps ? [] : configOptions(selectedViews, sourceFor)),
    [steps, selectedViews, sourceFor],
  );
  const ready = data.loaded && rawNodes.loaded && selectedViews.length > 0;

  const takePreview = React.useCallback(
    (targets: ConfigTargets) =>
      dispatch({
        type: 'preview',
        basis: {
          ...targets,
          views: selectedViews,
          nodes: selectedNodes,
          ...(data.strategy ? { strategy: data.strategy } : {}),
          clusterViews: data.nodes,
        },
      }),
    [selectedViews, selectedNodes, data.strategy, data.nodes],
  );

  // The preview is frozen when computed: later changes show as "changed since the preview"
  // instead of silently altering what the user is about to confirm.
  const basisConfig = configNameOf(basis);
  React.useEffect(() => {
    if (!ready) return;
    if (steps) {
      if (!basis) takePreview({ steps });
    } else if (configName && basisConfig !== configName) {
      takePreview({ configName });
    }
  }, [ready, steps, basis, configName, basisConfig, takePreview]);

  const withReboot = data.clusterPolicy.withReboot;
  const plan = React.useMemo(() => {
    if (!basis) return undefined;
    const input = {
      nodes: basis.views,
      ...(basis.strategy ? { strategy: basis.strategy } : {}),
      sourceFor,
      withReboot,
      clusterNodes: basis.clusterViews,
      openShiftAiProfiles: openShiftAi.profiles,
    };
    return 'configName' in basis
      ? planApply({ ...input, configName: basis.configName })
      : planApplySteps({ ...input, steps: basis.steps });
  }, [basis, sourceFor, withReboot, openShiftAi.profiles]);

  const changedSincePreview = React.useMemo(() => {
    if (!basis) return [];
    return basis.nodes
      .filter((node) => {
        const live = selectedNodes.find((n) => n.metadata?.name === node.metadata?.name);
        return nodeFingerprint(live) !== nodeFingerprint(node);
      })
      .map((node) => node.metadata?.name ?? '');
  }, [basis, selectedNodes]);

  const writes = plan?.writes ?? [];
  const block: ApplyBlock | undefined =
    !access.loading && !access.allowed
      ? 'not-allowed'
      : !plan
        ? 'no-config'
        : plan.blocked
          ? 'plan-blocked'
          : writes.length === 0
            ? 'nothing-to-write'
            : plan.needsAcknowledgement && !state.acknowledged
              ? 'unacknowledged'
              : undefined;

  const apply = async () => {
    if (!plan || !basis) return;
    dispatch({ type: 'applying' });
    const outcome = await applyControls.run({
      ...writesOf(plan, basis),
      cordon: state.cordon.filter((name) => writes.includes(name)),
    });
    dispatch({ type: 'applied', outcome });
    // Nothing was written: the dialog shows why and previews again from the current state.
    if (!wroteAny(outcome)) takePreview(targetsOf(plan));
  };

  const refreshPreview = () => {
    if (steps) takePreview({ steps });
    else if (configName) takePreview({ configName });
  };

  return {
    state,
    ready,
    selectedCount: selectedViews.length,
    options,
    plan,
    writes,
    changedSincePreview,
    block,
    canCordon: access.allowed,
    applyState,
    actions: {
      choose: (name: string) => dispatch({ type: 'choose', configName: name }),
      refreshPreview,
      cordon: (nodeName: string, checked: boolean) =>
        dispatch({ type: 'cordon', nodeName, checked }),
      acknowledge: (checked: boolean) => dispatch({ type: 'acknowledge', checked }),
      apply,
      stop: applyControls.stop,
    },
  };
}
