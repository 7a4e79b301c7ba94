import { useK8sWatchResource } from '@openshift-console/dynamic-plugin-sdk';
import * as React from 'react';
import { classifyDataError } from '../cluster/errors';
import { GPU_NODE_SELECTOR } from '../cluster/labels';
import { NodeGroupVersionKind, type NodeKind } from '../cluster/models';
import type { DataResult } from './types';

const EMPTY: NodeKind[] = [];

/**
 * GPU nodes only (`nvidia.com/gpu.present=true`, see `GPU_NODE_SELECTOR`): the label selector is
 * applied by the API server, so a 1,000-node cluster streams only its GPU nodes.
 */
export const useGpuNodes = (): DataResult<NodeKind[]> => {
  const [data, loaded, loadError] = useK8sWatchResource<NodeKind[]>({
    groupVersionKind: NodeGroupVersionKind,
    isList: true,
    selector: GPU_NODE_SELECTOR,
  });
  // One object while the watch's answer is the same: the page's memos depend on it.
  return React.useMemo(() => {
    const error = classifyDataError(loadError, 'nodes');
    return { data: Array.isArray(data) ? data : EMPTY, loaded, ...(error ? { error } : {}) };
  }, [data, loaded, loadError]);
};

/** One node by name (the node tab), whatever its labels. */
export const useNode = (name: string | undefined): DataResult<NodeKind | undefined> => {
  const [data, loaded, loadError] = useK8sWatchResource<NodeKind>(
    name ? { groupVersionKind: NodeGroupVersionKind, name } : null,
  );
  const error = classifyDataError(loadError, { kind: 'node', name: name ?? '' });
  const node = data && data.metadata?.name ? data : undefined;
  return { data: node, loaded, ...(error ? { error } : {}) };
};
