import * as React from 'react';
import type { GpuNodeView } from '../../cluster/types';
import type { GpuModel } from '../../geometry';
import {
  designReducer,
  fleetModelId,
  initialDesign,
  modelOf,
  type DesignAction,
  type LayoutDesign,
} from './designReducer';

/**
 * Where a design outlives the designer: the page unmounts a tab when another is selected, and a
 * design should still be there when the user comes back (until the page is reloaded).
 */
export interface DesignDraft {
  design?: LayoutDesign;
}

/** The draft of this browser tab's designer. */
export const sessionDraft: DesignDraft = {};

export interface LayoutDesignState {
  design: LayoutDesign;
  dispatch: React.Dispatch<DesignAction>;
  model: GpuModel | undefined;
  /** The nodes a design can start from: those whose GPU model the catalog knows. */
  nodesWithModel: GpuNodeView[];
  /** The node the design started from, while it is still listed (node mode). */
  node: GpuNodeView | undefined;
  /** Node mode: start from the chosen node, or else the first node the catalog knows. */
  designForNode: () => void;
  chooseNode: (name: string) => void;
}

export function useLayoutDesign(
  nodes: GpuNodeView[],
  { initialModelId, draft = sessionDraft }: { initialModelId?: string; draft?: DesignDraft } = {},
): LayoutDesignState {
  const [design, dispatch] = React.useReducer(
    designReducer,
    undefined,
    () => draft.design ?? initialDesign(initialModelId),
  );
  React.useEffect(() => {
    draft.design = design;
  }, [draft, design]);

  const nodesWithModel = React.useMemo(() => nodes.filter((node) => node.model), [nodes]);
  const defaultModelId = React.useMemo(() => fleetModelId(nodesWithModel), [nodesWithModel]);
  React.useEffect(() => {
    if (defaultModelId) dispatch({ type: 'fleet-model', modelId: defaultModelId });
  }, [defaultModelId]);

  const node =
    design.source === 'node'
      ? nodesWithModel.find((candidate) => candidate.name === design.nodeName)
      : undefined;
  const chooseNode = (name: string) => {
    const chosen = nodesWithModel.find((candidate) => candidate.name === name);
    if (chosen) dispatch({ type: 'design-for-node', node: chosen });
  };
  const designForNode = () => {
    const chosen =
      nodesWithModel.find((candidate) => candidate.name === design.nodeName) ?? nodesWithModel[0];
    if (chosen) dispatch({ type: 'design-for-node', node: chosen });
  };
  return {
    design,
    dispatch,
    model: modelOf(design),
    nodesWithModel,
    node,
    designForNode,
    chooseNode,
  };
}
