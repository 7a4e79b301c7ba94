import { DocumentTitle, ListPageHeader } from '@openshift-console/dynamic-plugin-sdk';
import { useMemo } from 'react';
import { GpuPartitioningView, type GpuPageData } from '../components/gpu-page/GpuPartitioningView';
import { ProfileRequestCard } from '../components/gpu-page/overview/ProfileRequestCard';
import { WaitingPodsCard } from '../components/gpu-page/overview/WaitingPodsCard';
import { useGpuWriteActions } from '../components/apply/useGpuWriteActions';
import { LayoutDesignerTab } from '../components/designer/LayoutDesignerTab';
import { OpenShiftAiProfilesSection } from '../components/openshift-ai/OpenShiftAiProfiles';
import type { ConfigChangeStep } from '../cluster/availability';
import type { StepsPurpose } from '../components/text/applyPlanText';
import { useGpuNodeViews } from '../hooks/useGpuNodeViews';
import { SharedGpuNodeViewsProvider } from '../hooks/useSharedGpuNodeViews';
import { usePluginTranslation } from '../hooks/usePluginTranslation';

/** Route `/gpu-partitioning`: console chrome + data hook; everything else is in gpu-page/. */
const GpuPartitioningPage = () => {
  const { t } = usePluginTranslation();
  const result = useGpuNodeViews();
  const writeActions = useGpuWriteActions();
  const data = useMemo<GpuPageData>(
    () => ({
      nodes: result.nodes,
      summary: result.summary,
      configSource: result.configSource.shared.view,
      loaded: result.loaded,
      operatorInstalled: result.operatorInstalled,
      error: result.error,
      warnings: result.errors.filter((error) => error !== result.error),
      podVisibility: result.podVisibility,
    }),
    [result],
  );
  // Suggested changes open the apply dialog's preview: one step as the usual dialog with its
  // config chosen, several as one plan (each node its step's config).
  const previewSteps =
    (purpose: StepsPurpose) =>
    (...steps: ConfigChangeStep[]) =>
      writeActions.openPlan({ steps, purpose });
  // The dialogs the page opens (apply, strategy) use the page's node views, not their own.
  return (
    <SharedGpuNodeViewsProvider value={result}>
      <DocumentTitle>{t('GPU Partitioning')}</DocumentTitle>
      <ListPageHeader title={t('GPU Partitioning')} />
      <GpuPartitioningView
        data={data}
        nodesWrite={writeActions.nodes}
        notice={writeActions.readOnlyNotice}
        extraTabs={[
          { key: 'designer', title: t('Layout designer'), content: <LayoutDesignerTab /> },
          {
            key: 'openshift-ai',
            title: t('OpenShift AI'),
            content: <OpenShiftAiProfilesSection />,
          },
        ]}
        planner={
          <ProfileRequestCard
            nodes={result.nodes}
            summary={result.summary}
            strategy={result.strategy}
            configSources={result.configSource}
            waitingPods={result.waitingPods}
            onPreviewChange={previewSteps('profile-request')}
          />
        }
        demand={
          <WaitingPodsCard
            nodes={result.nodes}
            strategy={result.strategy}
            configSources={result.configSource}
            waitingPods={result.waitingPods}
            loaded={result.loaded}
            // A project-scoped user reads their own projects' pods (the error stays: forbidden).
            podsReadable={result.podsAvailable || result.podVisibility.scope === 'namespaces'}
            visibility={result.podVisibility}
            onPreviewChange={previewSteps('make-room')}
          />
        }
      />
      {writeActions.modals}
    </SharedGpuNodeViewsProvider>
  );
};

export default GpuPartitioningPage;
