import { Alert, Stack, StackItem } from '@patternfly/react-core';
import * as React from 'react';
import { useCustomMigConfig } from '../../hooks/useCustomMigConfig';
import type { GpuNodeViewsResult } from '../../hooks/useGpuNodeViews';
import { usePluginTranslation } from '../../hooks/usePluginTranslation';
import { ApplyMigConfigModal } from '../apply/ApplyMigConfigModal';
import { LayoutDesigner, type DesignResult } from './LayoutDesigner';
import { dataErrorText } from '../text/dataErrorText';
import { SaveConfigModal } from './SaveConfigModal';
import { WithGpuNodeViews } from '../gpu-page/shared/WithGpuNodeViews';

/** The "Layout designer" tab: design, save (or export), then apply to the nodes of that model. */
export const LayoutDesignerTab = () => (
  <WithGpuNodeViews>{(views) => <DesignerTab views={views} />}</WithGpuNodeViews>
);

const DesignerTab = ({ views }: { views: GpuNodeViewsResult }) => {
  const { t } = usePluginTranslation();
  const custom = useCustomMigConfig(views);
  const [design, setDesign] = React.useState<DesignResult>();
  const [applying, setApplying] = React.useState<{ config: string; nodes: string[] }>();

  const startApply = (configName: string) => {
    const modelId = design?.model.id;
    const nodes = custom.nodes
      .filter((node) => node.model?.id === modelId)
      .map((node) => node.name);
    setDesign(undefined);
    setApplying({ config: configName, nodes });
  };

  return (
    <Stack hasGutter>
      {custom.ownError && (
        <StackItem>
          <Alert isInline variant="warning" title={dataErrorText(t, custom.ownError)} />
        </StackItem>
      )}
      <StackItem>
        <LayoutDesigner nodes={custom.nodes} onSave={setDesign} />
      </StackItem>
      {design && (
        <SaveConfigModal
          design={design}
          custom={custom}
          onClose={() => setDesign(undefined)}
          onApply={startApply}
        />
      )}
      {applying && (
        <ApplyMigConfigModal
          isOpen
          onClose={() => setApplying(undefined)}
          nodeNames={applying.nodes}
          initialConfig={applying.config}
        />
      )}
    </Stack>
  );
};
