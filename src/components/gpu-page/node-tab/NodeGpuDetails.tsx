import {
  Card,
  CardBody,
  CardTitle,
  DescriptionList,
  DescriptionListDescription,
  DescriptionListGroup,
  DescriptionListTerm,
  Grid,
  GridItem,
  PageSection,
  Stack,
  StackItem,
} from '@patternfly/react-core';
import type { MigStateTransition } from '../../../cluster/stateHistory';
import type { GpuNodeView, MigConfigSourceView } from '../../../cluster/types';
import type { MigStrategy } from '../../../geometry/types';
import { usePluginTranslation } from '../../../hooks/usePluginTranslation';
import { SliceMapLegend } from '../../SliceMap';
import { NodeSliceMaps } from '../nodes/NodeSliceMaps';
import { formatMiB } from '../shared/format';
import { NodeConditionAlerts } from '../shared/NodeConditionAlerts';
import {
  DataWarnings,
  ErrorState,
  ForbiddenState,
  LoadingSkeleton,
  OperatorNotInstalledState,
} from '../shared/PageStates';
import { ModelNote } from '../shared/ModelNote';
import { ResourceComparison } from '../shared/ResourceComparison';
import { CordonLabel } from '../shared/CordonLabel';
import { HealthStateLabel, MigManagerState } from '../shared/StateLabels';
import { MigStateHistoryTable } from './MigStateHistoryTable';
import { NodeGpuPods } from './NodeGpuPods';
import { dataErrorText, type DataErrorLike } from '../../text/dataErrorText';
import { resourceWordingFor } from '../../text/resourceText';

export interface NodeGpuDetailsProps {
  nodeName: string;
  view?: GpuNodeView;
  loaded: boolean;
  operatorInstalled?: boolean;
  error?: DataErrorLike;
  /** Non-blocking errors (pods, ConfigMaps). */
  warnings?: DataErrorLike[];
  strategy?: MigStrategy;
  configSource?: MigConfigSourceView;
  history: MigStateTransition[];
  /** Opens the apply preview for this node (an alert's fix), with `config` chosen when given. */
  onApplyConfig?: (config?: string) => void;
}

const configSourceText = (
  source: MigConfigSourceView | undefined,
  t: ReturnType<typeof usePluginTranslation>['t'],
) => {
  switch (source?.kind) {
    case 'custom':
      return t('Custom ConfigMap {{name}}', { name: source.configMapName ?? '' });
    case 'per-node':
      return t('Generated per-node ConfigMap {{name}}', { name: source.configMapName ?? '' });
    case 'default':
      return t('Default ConfigMap {{name}}', { name: source.configMapName ?? '' });
    case 'built-in':
      return t("Plugin's built-in copy of NVIDIA's default (ConfigMap not readable)");
    default:
      return t('Unknown');
  }
};

/** The Node → GPU tab body: one node's GPUs, state, history, resources and pods. */
export const NodeGpuDetails = ({
  nodeName,
  view,
  loaded,
  operatorInstalled,
  error,
  warnings = [],
  strategy,
  configSource,
  history,
  onApplyConfig,
}: NodeGpuDetailsProps) => {
  const { t } = usePluginTranslation();
  // Said apart: the catalogue extractor misses a t() inside another t()'s values.
  const unknownMemory = t('unknown memory');
  const unknown = t('unknown');
  if (error?.kind === 'forbidden') return <ForbiddenState detail={dataErrorText(t, error)} />;
  if (operatorInstalled === false) return <OperatorNotInstalledState />;
  if (error && !view) return <ErrorState message={dataErrorText(t, error)} />;
  if (!loaded && !view) return <LoadingSkeleton rows={3} />;
  if (!view || (view.gpuCount === 0 && view.gpus.length === 0 && !view.product)) {
    return (
      <PageSection hasBodyWrapper={false}>
        {t(
          '{{node}} has no NVIDIA GPU known to the GPU operator (no nvidia.com/gpu.present label).',
          { node: nodeName },
        )}
      </PageSection>
    );
  }

  const source = view.configSource ?? configSource;
  return (
    <PageSection hasBodyWrapper={false} data-test="gpu-partitioning-node-tab">
      <Stack hasGutter>
        {warnings.length > 0 && (
          <StackItem>
            <DataWarnings warnings={warnings} />
          </StackItem>
        )}
        <StackItem>
          <NodeConditionAlerts node={view} {...(onApplyConfig ? { onApplyConfig } : {})} />
        </StackItem>
        <StackItem>
          <Grid hasGutter>
            <GridItem lg={5}>
              <Card isFullHeight>
                <CardTitle component="h2">{t('MIG state')}</CardTitle>
                <CardBody>
                  <DescriptionList isHorizontal isCompact>
                    <DescriptionListGroup>
                      <DescriptionListTerm>{t('Product')}</DescriptionListTerm>
                      <DescriptionListDescription>
                        {view.product || t('Unknown product')} <ModelNote view={view} />
                      </DescriptionListDescription>
                    </DescriptionListGroup>
                    <DescriptionListGroup>
                      <DescriptionListTerm>{t('GPUs')}</DescriptionListTerm>
                      <DescriptionListDescription>
                        {t('{{gpus}} × {{memory}}', {
                          gpus: view.gpuCount,
                          memory: formatMiB(view.gpuMemoryMiB) ?? unknownMemory,
                        })}
                      </DescriptionListDescription>
                    </DescriptionListGroup>
                    <DescriptionListGroup>
                      <DescriptionListTerm>{t('State')}</DescriptionListTerm>
                      <DescriptionListDescription>
                        <HealthStateLabel state={view.primaryState} since={view.stateSince} />
                      </DescriptionListDescription>
                    </DescriptionListGroup>
                    <DescriptionListGroup>
                      <DescriptionListTerm>{t('MIG config')}</DescriptionListTerm>
                      <DescriptionListDescription>
                        {view.migConfig ? <code>{view.migConfig}</code> : t('Not set')}
                      </DescriptionListDescription>
                    </DescriptionListGroup>
                    <DescriptionListGroup>
                      <DescriptionListTerm>{t('mig-manager state')}</DescriptionListTerm>
                      <DescriptionListDescription>
                        <MigManagerState state={view.migConfigState} since={view.stateSince} />
                      </DescriptionListDescription>
                    </DescriptionListGroup>
                    <DescriptionListGroup>
                      <DescriptionListTerm>{t('Scheduling')}</DescriptionListTerm>
                      <DescriptionListDescription data-test="gpu-partitioning-node-scheduling">
                        {view.unschedulable ? <CordonLabel node={view} /> : t('Schedulable')}
                      </DescriptionListDescription>
                    </DescriptionListGroup>
                    <DescriptionListGroup>
                      <DescriptionListTerm>{t('MIG strategy')}</DescriptionListTerm>
                      <DescriptionListDescription>
                        {t('cluster: {{cluster}}, node label: {{node}}', {
                          cluster: strategy ?? view.strategy ?? unknown,
                          node: view.strategyLabel ?? t('none'),
                        })}
                      </DescriptionListDescription>
                    </DescriptionListGroup>
                    <DescriptionListGroup>
                      <DescriptionListTerm>{t('Configurations from')}</DescriptionListTerm>
                      <DescriptionListDescription>
                        {configSourceText(source, t)}
                      </DescriptionListDescription>
                    </DescriptionListGroup>
                  </DescriptionList>
                </CardBody>
              </Card>
            </GridItem>
            <GridItem lg={7}>
              <Card isFullHeight>
                <CardTitle component="h2">{t('Advertised and expected resources')}</CardTitle>
                <CardBody>
                  <ResourceComparison
                    expected={view.expected}
                    advertised={view.allocatable}
                    inUse={view.inUse}
                    wording={resourceWordingFor(view)}
                    ariaLabel={t('Advertised and expected resources of {{node}}', {
                      node: view.name,
                    })}
                  />
                </CardBody>
              </Card>
            </GridItem>
          </Grid>
        </StackItem>
        <StackItem>
          <Card>
            <CardTitle component="h2">{t('GPUs')}</CardTitle>
            <CardBody>
              <Stack hasGutter>
                <StackItem>
                  <NodeSliceMaps node={view} />
                </StackItem>
                <StackItem>
                  <SliceMapLegend model={view.model} />
                </StackItem>
              </Stack>
            </CardBody>
          </Card>
        </StackItem>
        <StackItem>
          <Grid hasGutter>
            <GridItem lg={7}>
              <Card isFullHeight>
                <CardTitle component="h2">{t('Pods using GPUs')}</CardTitle>
                <CardBody>
                  <NodeGpuPods
                    pods={view.pods}
                    nodeName={view.name}
                    wording={resourceWordingFor(view)}
                  />
                </CardBody>
              </Card>
            </GridItem>
            <GridItem lg={5}>
              <Card isFullHeight>
                <CardTitle component="h2">{t('State history')}</CardTitle>
                <CardBody>
                  <Stack hasGutter>
                    <StackItem>
                      {t(
                        'As observed since this page was opened; the mig-manager keeps no history.',
                      )}
                    </StackItem>
                    <StackItem>
                      <MigStateHistoryTable transitions={history} />
                    </StackItem>
                  </Stack>
                </CardBody>
              </Card>
            </GridItem>
          </Grid>
        </StackItem>
      </Stack>
    </PageSection>
  );
};
