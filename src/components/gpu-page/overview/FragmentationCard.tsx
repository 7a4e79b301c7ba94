import {
  Button,
  Card,
  CardBody,
  CardTitle,
  Content,
  DescriptionList,
  DescriptionListDescription,
  DescriptionListGroup,
  DescriptionListTerm,
  Popover,
} from '@patternfly/react-core';
import { OutlinedQuestionCircleIcon } from '@patternfly/react-icons';
import { useMemo } from 'react';
import { summarizeFragmentation, type ClusterFragmentation } from '../../../cluster/fragmentation';
import type { GpuNodeView } from '../../../cluster/types';
import { usePluginTranslation } from '../../../hooks/usePluginTranslation';
import { gpuPlaceText, gpuPlacesText } from '../../text/fragmentationText';

interface FragmentationCardProps {
  nodes: GpuNodeView[];
}

const HelpPopover = () => {
  const { t } = usePluginTranslation();
  return (
    <Popover
      headerContent={t('Free and placeable slices')}
      bodyContent={t(
        'Free now: a MIG instance that exists and no pod holds; a pod can have it at once. Still fits: a new instance that the unallocated memory slices of a GPU can take at a legal start, beside the instances it has, none of them moved. Creating it is a config change, and the mig-manager re-creates all instances of the GPU it changes, so it waits until no pod uses that GPU. Fragmented: the unallocated slices would hold a larger profile by size, but not at any legal start. Nodes that are cordoned, failed or changing are not counted; placements are predicted.',
      )}
    >
      <Button
        variant="plain"
        isInline
        aria-label={t('About free and placeable slices')}
        icon={<OutlinedQuestionCircleIcon />}
      />
    </Popover>
  );
};

const FreeNow = ({ figures }: { figures: ClusterFragmentation }) => {
  const { t } = usePluginTranslation();
  const largest = figures.largestFreeNow;
  if (!largest) return <>{t('No free MIG instance')}</>;
  return (
    <>
      <span className="gpu-partitioning-overview__figure">{largest.profile.name}</span>
      <div>{t('on {{place}}', { place: gpuPlaceText(t, largest) })}</div>
      <Content component="small">
        {t('{{count}} free instances in all', { count: figures.freeInstances })}
      </Content>
    </>
  );
};

const Placeable = ({ figures }: { figures: ClusterFragmentation }) => {
  const { t } = usePluginTranslation();
  const largest = figures.largestPlaceable;
  if (!largest) return <>{t('No GPU has room for a new instance')}</>;
  return (
    <>
      <span className="gpu-partitioning-overview__figure">{largest.profile.name}</span>
      <div>{t('on {{place}}', { place: gpuPlaceText(t, largest) })}</div>
      <Content component="small">
        {largest.busy
          ? t(
              'Pods may use that GPU: the change waits until they finish. {{count}} GPUs have room for it.',
              { count: largest.gpus },
            )
          : t('A config change on a GPU no pod uses. {{count}} GPUs have room for it.', {
              count: largest.gpus,
            })}
      </Content>
    </>
  );
};

const Fragmented = ({ figures }: { figures: ClusterFragmentation }) => {
  const { t } = usePluginTranslation();
  if (figures.fragmented.length === 0) return <>{t('None')}</>;
  return (
    <>
      <span className="gpu-partitioning-overview__figure">{figures.fragmented.length}</span>
      <div>{gpuPlacesText(t, figures.fragmented)}</div>
      <Content component="small">
        {t('{{compute}} compute slices unallocated in all', {
          compute: figures.unallocatedCompute,
        })}
      </Content>
    </>
  );
};

/**
 * The cluster's room for MIG slices: the largest instance free now, the largest new one that
 * still fits beside the instances, and the GPUs whose free space is fragmented.
 */
export const FragmentationCard = ({ nodes }: FragmentationCardProps) => {
  const { t } = usePluginTranslation();
  const figures = useMemo(() => summarizeFragmentation(nodes), [nodes]);
  if (figures.gpus === 0 && figures.leftOut === 0) return null;
  return (
    <Card isCompact aria-labelledby="gpu-partitioning-fragmentation-title">
      <CardTitle component="h2" id="gpu-partitioning-fragmentation-title">
        {t('Room for MIG slices')} <HelpPopover />
      </CardTitle>
      <CardBody>
        <DescriptionList columnModifier={{ default: '1Col', md: '3Col' }}>
          {[
            { term: t('Largest slice free now'), Figure: FreeNow },
            { term: t('Largest new slice that still fits'), Figure: Placeable },
            { term: t('GPUs with fragmented free space'), Figure: Fragmented },
          ].map(({ term, Figure }) => (
            <DescriptionListGroup key={term}>
              <DescriptionListTerm>{term}</DescriptionListTerm>
              <DescriptionListDescription>
                <Figure figures={figures} />
              </DescriptionListDescription>
            </DescriptionListGroup>
          ))}
        </DescriptionList>
        {figures.leftOut > 0 && (
          <Content component="small">
            {t('{{count}} MIG GPUs on cordoned, failed or changing nodes are not counted.', {
              count: figures.leftOut,
            })}
          </Content>
        )}
      </CardBody>
    </Card>
  );
};
