import {
  Alert,
  Card,
  CardBody,
  CardTitle,
  Grid,
  GridItem,
  Skeleton,
  Stack,
  StackItem,
} from '@patternfly/react-core';
import { lazy, type ReactNode, Suspense } from 'react';
import type {
  ClusterGpuSummary,
  MigConfigSourceView,
  GpuHealthState,
  GpuNodeView,
} from '../../../cluster/types';
import { usePluginTranslation } from '../../../hooks/usePluginTranslation';
import { SliceUseCard } from '../../usage/SliceUseCard';
import { DataWarnings, MigNotEnabledBody } from '../shared/PageStates';
import { ClusterSummary } from './ClusterSummary';
import { ConfigSourceNotice } from './ConfigSourceNotice';
import { FragmentationCard } from './FragmentationCard';
import { ProfileAvailabilityTable } from './ProfileAvailabilityTable';
import { profileChartHeight } from './profileChartSize';
import type { DataErrorLike } from '../../text/dataErrorText';

// The chart library (victory, d3, lodash) is ~90 KiB gzipped, over 40% of the page's first
// download; the table above the chart carries the same numbers, so the chart can come a moment later.
const ProfileAvailabilityChart = lazy(() =>
  import(/* webpackChunkName: "profile-chart" */ './ProfileAvailabilityChart').then((module) => ({
    default: module.ProfileAvailabilityChart,
  })),
);

interface OverviewTabProps {
  summary: ClusterGpuSummary;
  nodeCount: number;
  configSource?: MigConfigSourceView;
  nodesInStateHref: (state: GpuHealthState) => string;
  nodesWithFreeHref: (profile: string) => string;
  /** The "Can I get N × profile?" form; rendered by the page, which owns the planning data. */
  planner?: ReactNode;
  /** The "Waiting for GPUs" card: pods no node has taken, and the changes that make room. */
  demand?: ReactNode;
  /** Data that could not be read; each message says what is affected and which role would help. */
  warnings?: DataErrorLike[];
  /** The node views, for the room left for MIG slices (free, placeable, fragmented). */
  nodes?: GpuNodeView[];
}

export const OverviewTab = ({
  summary,
  nodeCount,
  configSource,
  nodesInStateHref,
  nodesWithFreeHref,
  planner,
  demand,
  warnings = [],
  nodes,
}: OverviewTabProps) => {
  const { t } = usePluginTranslation();
  return (
    <Stack hasGutter>
      {warnings.length > 0 && (
        <StackItem>
          <DataWarnings warnings={warnings} />
        </StackItem>
      )}
      {configSource && (
        <StackItem>
          <ConfigSourceNotice source={configSource} />
        </StackItem>
      )}
      {summary.migEnabledGpus === 0 && (
        <StackItem>
          <Alert isInline variant="info" title={t('MIG is not enabled on any GPU')}>
            <MigNotEnabledBody />
          </Alert>
        </StackItem>
      )}
      <StackItem>
        <ClusterSummary
          summary={summary}
          nodeCount={nodeCount}
          nodesInStateHref={nodesInStateHref}
        />
      </StackItem>
      {demand && <StackItem>{demand}</StackItem>}
      {nodes && summary.migEnabledGpus > 0 && (
        <StackItem>
          <FragmentationCard nodes={nodes} />
        </StackItem>
      )}
      <StackItem>
        <Grid hasGutter>
          <GridItem xl={planner ? 8 : 12}>
            <Card>
              <CardTitle component="h2">{t('MIG instances per profile')}</CardTitle>
              <CardBody>
                {summary.profiles.length === 0 ? (
                  t(
                    'No node advertises MIG resources (nvidia.com/mig-<profile>). Under the single strategy MIG instances are advertised as nvidia.com/gpu; under none they are not advertised at all.',
                  )
                ) : (
                  <Stack hasGutter>
                    <StackItem>
                      <ProfileAvailabilityTable
                        profiles={summary.profiles}
                        nodesWithFreeHref={nodesWithFreeHref}
                      />
                    </StackItem>
                    <StackItem>
                      <Suspense
                        fallback={
                          <Skeleton
                            height={`${profileChartHeight(summary.profiles.length)}px`}
                            screenreaderText={t('Loading the chart')}
                          />
                        }
                      >
                        <ProfileAvailabilityChart profiles={summary.profiles} />
                      </Suspense>
                    </StackItem>
                  </Stack>
                )}
              </CardBody>
            </Card>
          </GridItem>
          {planner && <GridItem xl={4}>{planner}</GridItem>}
        </Grid>
      </StackItem>
      <StackItem>
        <SliceUseCard />
      </StackItem>
    </Stack>
  );
};
