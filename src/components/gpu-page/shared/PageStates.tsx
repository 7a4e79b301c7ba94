import {
  Alert,
  ClipboardCopy,
  CodeBlock,
  CodeBlockCode,
  ExpandableSection,
  List,
  ListItem,
  Content,
  EmptyState,
  EmptyStateBody,
  Skeleton,
  Stack,
  StackItem,
} from '@patternfly/react-core';
import { CubesIcon, ExclamationCircleIcon, LockIcon, MicrochipIcon } from '@patternfly/react-icons';
import { DEFAULT_OPERATOR_NAMESPACE } from '../../../cluster/configSource';
import { AVAILABILITY_READER_CLUSTER_ROLE, READER_CLUSTER_ROLE } from '../../../cluster/errors';
import { usePluginTranslation } from '../../../hooks/usePluginTranslation';
import { useSelfSubject } from '../../../hooks/useSelfSubject';
import { dataErrorText, type DataErrorLike } from '../../text/dataErrorText';

/** Placeholder shaped like the content, so the page does not jump when data arrives. */
export const LoadingSkeleton = ({ rows = 4, label }: { rows?: number; label?: string }) => {
  const { t } = usePluginTranslation();
  return (
    <Stack hasGutter aria-busy="true" aria-label={label ?? t('Loading GPU information')}>
      <StackItem>
        <Skeleton height="6rem" screenreaderText={label ?? t('Loading GPU information')} />
      </StackItem>
      {Array.from({ length: rows }, (_unused, index) => (
        <StackItem key={index}>
          <Skeleton height="2rem" width={index % 2 ? '80%' : '95%'} />
        </StackItem>
      ))}
    </Stack>
  );
};

/** A command to copy, on its own line. */
const Command = ({ children }: { children: string }) => {
  const { t } = usePluginTranslation();
  return (
    <StackItem>
      <ClipboardCopy isReadOnly isCode hoverTip={t('Copy')} clickTip={t('Copied')}>
        {children}
      </ClipboardCopy>
    </StackItem>
  );
};

/** The ClusterRoleBinding an administrator applies instead of `oc adm policy`. */
const bindingYaml = (group: string) =>
  [
    'apiVersion: rbac.authorization.k8s.io/v1',
    'kind: ClusterRoleBinding',
    'metadata:',
    `  name: ${AVAILABILITY_READER_CLUSTER_ROLE}-${group}`,
    'roleRef:',
    '  apiGroup: rbac.authorization.k8s.io',
    '  kind: ClusterRole',
    `  name: ${AVAILABILITY_READER_CLUSTER_ROLE}`,
    'subjects:',
    '  - apiGroup: rbac.authorization.k8s.io',
    '    kind: Group',
    `    name: ${group}`,
  ].join('\n');

/**
 * The user may not list what the page needs: say which permission is missing and give the exact
 * binding an administrator runs for the chart's minimal role (to the user's group, found with a
 * SelfSubjectReview, or to the user), as a command or YAML; then the viewer role for more (its
 * ClusterRole plus its Role in the GPU operator's namespace, where the mig-parted ConfigMaps are).
 */
export const ForbiddenState = ({
  detail,
  resource,
  operatorNamespace = DEFAULT_OPERATOR_NAMESPACE,
}: {
  detail?: string;
  /** What could not be read (`nodes`): named in the missing permission. */
  resource?: string;
  operatorNamespace?: string;
}) => {
  const { t } = usePluginTranslation();
  const subject = useSelfSubject(true);
  const group = subject.groups[0] ?? '<group>';
  const user = subject.username ?? '<user>';
  return (
    <EmptyState
      titleText={t('You cannot see GPU slice availability')}
      headingLevel="h2"
      icon={LockIcon}
      status="warning"
    >
      <EmptyStateBody>
        <Stack hasGutter className="gpu-partitioning-forbidden">
          <StackItem>
            <strong>
              {t('Missing permission: get, list and watch {{resource}} at the cluster scope.', {
                resource: resource ?? 'nodes',
              })}
            </strong>
          </StackItem>
          <StackItem>
            {t(
              "A cluster administrator grants the plugin's minimal role (read-only nodes and ClusterPolicies; no pods, no ConfigMaps) to your group:",
            )}
          </StackItem>
          <Command>{`oc adm policy add-cluster-role-to-group ${AVAILABILITY_READER_CLUSTER_ROLE} ${group}`}</Command>
          <StackItem>{t('or to you alone:')}</StackItem>
          <Command>{`oc adm policy add-cluster-role-to-user ${AVAILABILITY_READER_CLUSTER_ROLE} ${user}`}</Command>
          <StackItem>
            <ExpandableSection toggleText={t('The same binding as YAML')}>
              <CodeBlock>
                <CodeBlockCode>{bindingYaml(group)}</CodeBlockCode>
              </CodeBlock>
            </ExpandableSection>
          </StackItem>
          <StackItem>
            {t(
              "Everything the page reads, also the pods holding slices and the mig-parted ConfigMaps in the GPU operator's namespace ({{operatorNamespace}}), takes the viewer role's two bindings:",
              { operatorNamespace },
            )}
          </StackItem>
          <Command>{`oc adm policy add-cluster-role-to-group ${READER_CLUSTER_ROLE} ${group}`}</Command>
          <Command>{`oc adm policy add-role-to-group ${READER_CLUSTER_ROLE} ${group} -n ${operatorNamespace} --role-namespace=${operatorNamespace}`}</Command>
          {detail && (
            <StackItem>
              <Content component="small">{detail}</Content>
            </StackItem>
          )}
        </Stack>
      </EmptyStateBody>
    </EmptyState>
  );
};

export const ErrorState = ({ message }: { message: string }) => {
  const { t } = usePluginTranslation();
  return (
    <EmptyState
      titleText={t('GPU information could not be loaded')}
      headingLevel="h2"
      icon={ExclamationCircleIcon}
      status="danger"
    >
      <EmptyStateBody>{message}</EmptyStateBody>
    </EmptyState>
  );
};

/** No ClusterPolicy kind: the NVIDIA GPU operator is not installed. */
export const OperatorNotInstalledState = () => {
  const { t } = usePluginTranslation();
  return (
    <EmptyState
      titleText={t('The NVIDIA GPU Operator is not installed')}
      headingLevel="h2"
      icon={CubesIcon}
    >
      <EmptyStateBody>
        {t(
          'This cluster has no ClusterPolicy API. Install the NVIDIA GPU Operator from OperatorHub and create a ClusterPolicy; MIG partitioning is managed through it.',
        )}
      </EmptyStateBody>
    </EmptyState>
  );
};

export const NoGpuNodesState = () => {
  const { t } = usePluginTranslation();
  return (
    <EmptyState titleText={t('No GPU nodes')} headingLevel="h2" icon={MicrochipIcon}>
      <EmptyStateBody>
        {t(
          'No node carries the label nvidia.com/gpu.present=true. The GPU operator sets it on nodes where Node Feature Discovery found an NVIDIA PCI device; check that NFD and the GPU operator are running.',
        )}
      </EmptyStateBody>
    </EmptyState>
  );
};

/** GPU nodes exist but no GPU runs in MIG mode: say how to start, in the operator docs' words. */
export const MigNotEnabledBody = () => {
  const { t } = usePluginTranslation();
  return (
    <>
      {t(
        'To use MIG, set mig.strategy (single or mixed) in the ClusterPolicy, then label each node with the MIG configuration to apply, for example:',
      )}{' '}
      <code>oc label node &lt;node&gt; nvidia.com/mig.config=all-1g.10gb --overwrite</code>
      {'. '}
      {t(
        'The MIG manager applies the configuration and reports progress in nvidia.com/mig.config.state.',
      )}
    </>
  );
};

/** Data the page could do without (pods, ClusterPolicy, ConfigMaps): one warning listing each. */
export const DataWarnings = ({ warnings }: { warnings: DataErrorLike[] }) => {
  const { t } = usePluginTranslation();
  if (warnings.length === 0) return null;
  return (
    <Alert
      isInline
      variant="warning"
      title={
        warnings.some((warning) => warning.kind === 'forbidden')
          ? t('Some GPU information is not readable with your permissions')
          : t('Some GPU information could not be read')
      }
    >
      <List>
        {warnings.map((warning) => {
          const text = dataErrorText(t, warning);
          return <ListItem key={text}>{text}</ListItem>;
        })}
      </List>
    </Alert>
  );
};
