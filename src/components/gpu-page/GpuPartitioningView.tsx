import { PageSection, Tab, Tabs, TabTitleText } from '@patternfly/react-core';
import type { ReactNode } from 'react';
import { useSearchParams } from 'react-router-dom-v5-compat';
import type {
  ClusterGpuSummary,
  GpuHealthState,
  GpuNodeView,
  MigConfigSourceView,
} from '../../cluster/types';
import type { PodVisibility } from '../../hooks/useGpuPods';
import { usePluginTranslation } from '../../hooks/usePluginTranslation';
import { dataErrorText, type DataErrorLike } from '../text/dataErrorText';
import { InstanceUsageProvider } from '../usage/InstanceUsageContext';
import { OwnUsageView } from './limited/OwnUsageView';
import { NodesTab, type NodesWriteSlots } from './nodes/NodesTab';
import { OverviewTab } from './overview/OverviewTab';
import {
  ErrorState,
  ForbiddenState,
  LoadingSkeleton,
  NoGpuNodesState,
  OperatorNotInstalledState,
} from './shared/PageStates';
import './gpu-page.css';

/** What the page needs from the data layer (a subset of `useGpuNodeViews()`). */
export interface GpuPageData {
  nodes: GpuNodeView[];
  summary: ClusterGpuSummary;
  configSource?: MigConfigSourceView;
  loaded: boolean;
  /** False when the ClusterPolicy CRD is missing: the GPU operator is not installed. */
  operatorInstalled?: boolean;
  /** The error that blocks the page (nodes unreadable). */
  error?: PageDataError;
  /** Other errors (pods, ClusterPolicy, ConfigMaps): the page renders and warns inline. */
  warnings?: PageDataError[];
  /**
   * Whose pods the views count (`useGpuPods`). Only the user's own namespaces: the page shows
   * allocatable and the own pods' use, never a free count (`OwnUsageView`).
   */
  podVisibility?: PodVisibility;
}

export type PageDataError = DataErrorLike;

export type GpuPageTab = 'overview' | 'nodes';

/** A tab contributed by another feature (layout designer, OpenShift AI), after Overview and Nodes. */
export interface ExtraGpuPageTab {
  /** `?tab=` value. */
  key: string;
  title: string;
  content: ReactNode;
}

interface GpuPartitioningViewProps {
  data: GpuPageData;
  /** The "Can I get N × profile?" card on the Overview. */
  planner?: ReactNode;
  /** The "Waiting for GPUs" card, on the Overview and on a project-scoped user's page. */
  demand?: ReactNode;
  /** Slots for the write side. */
  nodesWrite?: NodesWriteSlots;
  /** Above the tabs: the notice that the user may only read (see `ReadOnlyNotice`). */
  notice?: ReactNode;
  extraTabs?: ExtraGpuPageTab[];
}

/** Query links that switch to the Nodes tab with filters; used by the Overview. */
export const nodesTabHref = (filter: Record<string, string>) =>
  `?${new URLSearchParams({ tab: 'nodes', ...filter }).toString()}`;

const nodesInStateHref = (state: GpuHealthState) => nodesTabHref({ health: state });
const nodesWithFreeHref = (profile: string) => nodesTabHref({ free: profile });

/**
 * Body of the GPU Partitioning page below the header: the data states first (loading,
 * forbidden, operator missing, error, no GPU nodes), then the Overview and Nodes tabs. The
 * selected tab lives in `?tab=` so links and reloads keep it.
 */
export const GpuPartitioningView = ({
  data,
  planner,
  demand,
  nodesWrite,
  notice,
  extraTabs = [],
}: GpuPartitioningViewProps) => {
  const { t } = usePluginTranslation();
  const [searchParams, setSearchParams] = useSearchParams();
  const requestedTab = searchParams.get('tab');
  const activeTab: string =
    requestedTab === 'nodes' || extraTabs.some((tab) => tab.key === requestedTab)
      ? (requestedTab as string)
      : 'overview';

  const selectTab = (tab: string) => {
    const next = new URLSearchParams(searchParams);
    if (tab === 'overview') next.delete('tab');
    else next.set('tab', tab);
    setSearchParams(next);
  };

  const body = () => {
    if (data.error?.kind === 'forbidden') {
      // The missing permission and the bindings say it all; the error's own words would repeat it.
      return <ForbiddenState {...(data.error.resource ? { resource: data.error.resource } : {})} />;
    }
    if (data.operatorInstalled === false || data.error?.kind === 'no-model') {
      return <OperatorNotInstalledState />;
    }
    if (data.error && data.nodes.length === 0)
      return <ErrorState message={dataErrorText(t, data.error)} />;
    if (!data.loaded) return <LoadingSkeleton />;
    if (data.nodes.length === 0) return <NoGpuNodesState />;
    if (data.podVisibility?.scope === 'namespaces') {
      return (
        <OwnUsageView
          nodes={data.nodes}
          summary={data.summary}
          visibility={data.podVisibility}
          demand={demand}
        />
      );
    }
    const tabs = (
      <Tabs
        activeKey={activeTab}
        onSelect={(_event, key) => selectTab(String(key))}
        aria-label={t('GPU partitioning views')}
        mountOnEnter
        unmountOnExit
      >
        {[
          <Tab
            key="overview"
            eventKey="overview"
            title={<TabTitleText>{t('Overview')}</TabTitleText>}
          >
            <PageSection hasBodyWrapper={false}>
              <OverviewTab
                summary={data.summary}
                nodeCount={data.nodes.length}
                configSource={data.configSource}
                nodesInStateHref={nodesInStateHref}
                nodesWithFreeHref={nodesWithFreeHref}
                planner={planner}
                demand={demand}
                warnings={data.warnings}
                nodes={data.nodes}
              />
            </PageSection>
          </Tab>,
          <Tab
            key="nodes"
            eventKey="nodes"
            title={
              <TabTitleText>
                {t('Nodes')} ({data.nodes.length})
              </TabTitleText>
            }
          >
            <PageSection hasBodyWrapper={false}>
              <NodesTab nodes={data.nodes} {...(nodesWrite ? { write: nodesWrite } : {})} />
            </PageSection>
          </Tab>,
          ...extraTabs.map((tab) => (
            <Tab key={tab.key} eventKey={tab.key} title={<TabTitleText>{tab.title}</TabTitleText>}>
              <PageSection hasBodyWrapper={false}>{tab.content}</PageSection>
            </Tab>
          )),
        ]}
      </Tabs>
    );
    // One poll of slice use (Prometheus) for the Overview's card and every slice map.
    return (
      <InstanceUsageProvider nodes={data.nodes}>
        {notice ? (
          <>
            <PageSection hasBodyWrapper={false}>{notice}</PageSection>
            {tabs}
          </>
        ) : (
          tabs
        )}
      </InstanceUsageProvider>
    );
  };

  return (
    <PageSection hasBodyWrapper={false} padding={{ default: 'noPadding' }}>
      {body()}
    </PageSection>
  );
};
