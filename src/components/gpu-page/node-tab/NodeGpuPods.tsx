import { ResourceLink } from '@openshift-console/dynamic-plugin-sdk';
import { Table, Tbody, Td, Th, Thead, Tr } from '@patternfly/react-table';
import type { GpuPodUsage } from '../../../cluster/types';
import { NamespaceGroupVersionKind, PodGroupVersionKind } from '../../../cluster/models';
import { usePluginTranslation } from '../../../hooks/usePluginTranslation';
import { podResourceIssueText } from '../../text/readingText';
import { resourcesText, type ResourceWording } from '../../text/resourceText';

/** Pods holding GPU resources on one node. */
interface NodeGpuPodsProps {
  pods: GpuPodUsage[];
  nodeName: string;
  /** How the node's `nvidia.com/gpu` reads (`resourceWordingFor`). */
  wording?: ResourceWording;
}

export const NodeGpuPods = ({ pods, nodeName, wording }: NodeGpuPodsProps) => {
  const { t } = usePluginTranslation();
  if (pods.length === 0) {
    return <>{t('No running pod on {{node}} requests GPU resources.', { node: nodeName })}</>;
  }
  return (
    <Table aria-label={t('Pods using GPUs on {{node}}', { node: nodeName })} variant="compact">
      <Thead>
        <Tr>
          <Th>{t('Name')}</Th>
          <Th>{t('Namespace')}</Th>
          <Th>{t('GPU resources')}</Th>
          <Th>{t('Phase')}</Th>
          <Th>{t('Owner')}</Th>
        </Tr>
      </Thead>
      <Tbody>
        {pods.map((pod) => (
          <Tr key={`${pod.namespace}/${pod.name}`}>
            <Td dataLabel={t('Name')}>
              <ResourceLink
                groupVersionKind={PodGroupVersionKind}
                name={pod.name}
                namespace={pod.namespace}
              />
            </Td>
            <Td dataLabel={t('Namespace')}>
              <ResourceLink groupVersionKind={NamespaceGroupVersionKind} name={pod.namespace} />
            </Td>
            <Td dataLabel={t('GPU resources')}>
              {resourcesText(t, pod.resources, wording) || '—'}
              {pod.issues?.map((issue) => {
                const problem = podResourceIssueText(t, issue);
                return <div key={problem}>{problem}</div>;
              })}
            </Td>
            <Td dataLabel={t('Phase')}>{pod.phase || t('Unknown')}</Td>
            <Td dataLabel={t('Owner')}>
              {pod.owner ? `${pod.owner.kind}/${pod.owner.name}` : t('None')}
            </Td>
          </Tr>
        ))}
      </Tbody>
    </Table>
  );
};
