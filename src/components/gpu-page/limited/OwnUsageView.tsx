import {
  Alert,
  Card,
  CardBody,
  CardTitle,
  Grid,
  GridItem,
  PageSection,
  Stack,
  StackItem,
} from '@patternfly/react-core';
import type { ReactNode } from 'react';
import type { ClusterGpuSummary, GpuNodeView } from '../../../cluster/types';
import type { PodVisibility } from '../../../hooks/useGpuPods';
import { usePluginTranslation } from '../../../hooks/usePluginTranslation';
import { useUserNamespaces } from '../../../hooks/useUserNamespaces';
import { UsableHardwareProfiles } from '../../openshift-ai/UsableHardwareProfiles';
import { AllocatableRequestCard } from './AllocatableRequestCard';
import { AllocatableTable } from './AllocatableTable';
import { OwnPodsScope } from './OwnPodsScope';
import { OwnUsageNodeList } from './OwnUsageNodeList';

interface OwnUsageViewProps {
  nodes: GpuNodeView[];
  /** Its `inUse` counts only the user's own pods; its `free` is never shown. */
  summary: ClusterGpuSummary;
  visibility: Extract<PodVisibility, { scope: 'namespaces' }>;
  /** The "Waiting for GPUs" card (the user's own pods, and why room cannot be worked out). */
  demand?: ReactNode;
}

/**
 * The page for a user who may read GPU nodes but not every pod (the chart's minimal role, a
 * project-scoped data scientist): what nodes offer (allocatable) and the slice maps, with only
 * their own pods' use shown, one line saying the rest is not visible to them, "Can I get N ×
 * profile?" in allocatable terms, and the OpenShift AI profiles they can use.
 */
export const OwnUsageView = ({ nodes, summary, visibility, demand }: OwnUsageViewProps) => {
  const { t } = usePluginTranslation();
  const user = useUserNamespaces(true);
  return (
    <PageSection hasBodyWrapper={false}>
      <Stack hasGutter>
        <StackItem>
          <Alert
            isInline
            variant="info"
            title={t(
              'Pods of other projects are not visible to you: the numbers below are what nodes offer (allocatable), not what is free.',
            )}
          >
            <OwnPodsScope visibility={visibility} user={user} />
          </Alert>
        </StackItem>
        <StackItem>
          <Grid hasGutter>
            <GridItem md={7}>
              <Card isFullHeight>
                <CardTitle component="h2">{t('Slices the nodes offer')}</CardTitle>
                <CardBody>
                  <AllocatableTable summary={summary} />
                </CardBody>
              </Card>
            </GridItem>
            <GridItem md={5}>
              <AllocatableRequestCard
                nodes={nodes}
                summary={summary}
                {...(summary.strategy ? { strategy: summary.strategy } : {})}
              />
            </GridItem>
          </Grid>
        </StackItem>
        {demand && <StackItem>{demand}</StackItem>}
        <StackItem>
          <UsableHardwareProfiles summary={summary} />
        </StackItem>
        <StackItem>
          <Card>
            <CardTitle component="h2">{t('GPU nodes')}</CardTitle>
            <CardBody>
              <OwnUsageNodeList nodes={nodes} />
            </CardBody>
          </Card>
        </StackItem>
      </Stack>
    </PageSection>
  );
};
