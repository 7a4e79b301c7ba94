import * as React from 'react';
import type { NodeKind } from '../cluster/models';
import { ApplyMigConfigModal } from '../components/apply/ApplyMigConfigModal';
import { NodeGpuActions } from '../components/apply/NodeGpuActions';
import { NodeGpuDetails } from '../components/gpu-page/node-tab/NodeGpuDetails';
import { InstanceUsageProvider } from '../components/usage/InstanceUsageContext';
import { useGpuNodeView } from '../hooks/useGpuNodeView';
import { useMigStateHistory } from '../hooks/useMigStateHistory';

interface NodeGpuTabProps {
  /** The Node the console's horizontal nav gives the tab. */
  obj: NodeKind;
}

/** Node → GPU tab: the same node view the Nodes table uses, in full. */
const NodeGpuTab = ({ obj }: NodeGpuTabProps) => {
  const nodeName = obj?.metadata?.name ?? '';
  const result = useGpuNodeView(obj);
  const { transitions } = useMigStateHistory(nodeName);
  // An alert's fix (a config name the source lacks → the nearest one) opens the usual preview.
  const [fix, setFix] = React.useState<{ config?: string }>();
  // The slice maps show each instance's engine activity when the cluster's Prometheus has it.
  const viewList = React.useMemo(() => (result.view ? [result.view] : []), [result.view]);
  return (
    <>
      <NodeGpuActions
        view={result.view}
        history={transitions}
        namespace={result.configSource.namespace}
      />
      <InstanceUsageProvider nodes={viewList} onlyNode={nodeName}>
        <NodeGpuDetails
          nodeName={nodeName}
          view={result.view}
          loaded={result.loaded}
          operatorInstalled={result.operatorInstalled}
          error={result.error}
          warnings={result.errors.filter((error) => error !== result.error)}
          strategy={result.strategy}
          configSource={result.configSource.shared.view}
          history={transitions}
          onApplyConfig={(config) => setFix(config ? { config } : {})}
        />
      </InstanceUsageProvider>
      {fix && (
        <ApplyMigConfigModal
          isOpen
          onClose={() => setFix(undefined)}
          nodeNames={[nodeName]}
          {...(fix.config ? { initialConfig: fix.config } : {})}
        />
      )}
    </>
  );
};

export default NodeGpuTab;
