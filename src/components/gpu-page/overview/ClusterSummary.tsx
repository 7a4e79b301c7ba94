import {
  Card,
  CardBody,
  CardTitle,
  DescriptionList,
  DescriptionListDescription,
  DescriptionListGroup,
  DescriptionListTerm,
  Gallery,
  Popover,
  Button,
} from '@patternfly/react-core';
import { OutlinedQuestionCircleIcon } from '@patternfly/react-icons';
import { Link } from 'react-router-dom-v5-compat';
import type { ClusterGpuSummary, GpuHealthState } from '../../../cluster/types';
import { usePluginTranslation } from '../../../hooks/usePluginTranslation';
import { healthStateText } from '../../text/stateText';
import { HEALTH_STATES } from '../nodes/nodeList';
import { HealthStateLabel } from '../shared/StateLabels';

interface ClusterSummaryProps {
  summary: ClusterGpuSummary;
  nodeCount: number;
  /** Link to the Nodes tab filtered by a state (the words and states the table shows). */
  nodesInStateHref: (state: GpuHealthState) => string;
}

/** The cluster at a glance: GPUs, MIG-enabled GPUs, strategy, nodes by state. */
export const ClusterSummary = ({ summary, nodeCount, nodesInStateHref }: ClusterSummaryProps) => {
  const { t } = usePluginTranslation();
  const strategyText = () => {
    switch (summary.strategy) {
      case 'mixed':
        return t('mixed');
      case 'single':
        return t('single');
      case 'none':
        return t('none');
      default:
        return t('Not set (ClusterPolicy not readable or has no spec.mig.strategy)');
    }
  };
  return (
    <Gallery hasGutter minWidths={{ default: '220px' }}>
      <Card isCompact>
        <CardTitle component="h3">{t('GPUs')}</CardTitle>
        <CardBody>
          <span className="gpu-partitioning-overview__figure">{summary.totalGpus}</span>
          <div>{t('GPU nodes: {{nodes}}', { nodes: nodeCount })}</div>
        </CardBody>
      </Card>
      <Card isCompact>
        <CardTitle component="h3">{t('MIG-enabled GPUs')}</CardTitle>
        <CardBody>
          <span className="gpu-partitioning-overview__figure">{summary.migEnabledGpus}</span>
          <div>{t('out of {{total}}', { total: summary.totalGpus })}</div>
        </CardBody>
      </Card>
      <Card isCompact>
        <CardTitle component="h3">
          {t('MIG strategy')}{' '}
          <Popover
            headerContent={t('MIG strategy')}
            bodyContent={t(
              'spec.mig.strategy of the ClusterPolicy. single: every GPU of a node has one identical profile, advertised as nvidia.com/gpu. mixed: each profile is its own resource, nvidia.com/mig-<profile>. none: MIG instances are not advertised.',
            )}
          >
            <Button
              variant="plain"
              aria-label={t('About the MIG strategy')}
              icon={<OutlinedQuestionCircleIcon />}
              isInline
            />
          </Popover>
        </CardTitle>
        <CardBody>
          <span className="gpu-partitioning-overview__figure">{strategyText()}</span>
          <div>{t('from the ClusterPolicy')}</div>
        </CardBody>
      </Card>
      <Card isCompact>
        <CardTitle component="h3">{t('Nodes by state')}</CardTitle>
        <CardBody>
          <DescriptionList isHorizontal isCompact>
            {HEALTH_STATES.map((state) => (
              <DescriptionListGroup key={state}>
                <DescriptionListTerm>
                  <HealthStateLabel state={state} />
                </DescriptionListTerm>
                <DescriptionListDescription>
                  {summary.nodesByHealth[state] > 0 ? (
                    <Link
                      to={nodesInStateHref(state)}
                      aria-label={t('Nodes in state {{state}}: {{nodes}}', {
                        nodes: summary.nodesByHealth[state],
                        state: healthStateText(t, state),
                      })}
                    >
                      {summary.nodesByHealth[state]}
                    </Link>
                  ) : (
                    (summary.nodesByHealth[state] ?? 0)
                  )}
                </DescriptionListDescription>
              </DescriptionListGroup>
            ))}
          </DescriptionList>
        </CardBody>
      </Card>
    </Gallery>
  );
};
