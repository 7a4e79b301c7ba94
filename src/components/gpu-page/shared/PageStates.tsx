import {
  Alert,
  Bullseye,
  List,
  ListItem,
  Content,
  EmptyState,
  EmptyStateBody,
  Skeleton,
  Spinner,
  Stack,
  StackItem,
} from '@patternfly/react-core';
import { CubesIcon, ExclamationCircleIcon, LockIcon, MicrochipIcon } from '@patternfly/react-icons';
import { DEFAULT_OPERATOR_NAMESPACE } from '../../../cluster/configSource';
import { READER_CLUSTER_ROLE } from '../../../cluster/errors';
import { usePluginTranslation } from '../../../hooks/usePluginTranslation';
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

export const LoadingSpinner = () => {
  const { t } = usePluginTranslation();
  return (
    <Bullseye>
      <Spinner size="lg" aria-label={t('Loading')} />
    </Bullseye>
  );
};

/** The chart's minimal ClusterRole: nodes and ClusterPolicies, read-only (charts/, docs/install.md). */
export const AVAILABILITY_READER_CLUSTER_ROLE = 'gpu-partitioning-plugin-availability-reader';

/** A command to copy, on its own line. */
const Command = ({ children }: { children: string }) => (
  <StackItem>
    <code>{children}</code>
  </StackItem>
);

/**
 * The user may not list what the page needs: say so and give the commands that bind the chart's
 * read-only roles: the minimal one, or the viewer's ClusterRole plus its Role in the GPU
 * operator's namespace (the mig-parted ConfigMaps are read there, never cluster-wide).
 */
export const ForbiddenState = ({
  detail,
  operatorNamespace = DEFAULT_OPERATOR_NAMESPACE,
}: {
  detail?: string;
  operatorNamespace?: string;
}) => {
  const { t } = usePluginTranslation();
  return (
    <EmptyState
      titleText={t('You do not have access to GPU nodes')}
      headingLevel="h2"
      icon={LockIcon}
      status="warning"
    >
      <EmptyStateBody>
        <Stack hasGutter>
          <StackItem>
            {t(
              "Ask a cluster administrator to bind one of the plugin's read-only roles to you or your group.",
            )}
          </StackItem>
          <StackItem>{t('Slice availability only (nodes and ClusterPolicies):')}</StackItem>
          <Command>{`oc adm policy add-cluster-role-to-user ${AVAILABILITY_READER_CLUSTER_ROLE} <user>`}</Command>
          <StackItem>
            {t(
              "Everything the page reads, also the pods holding slices and the mig-parted ConfigMaps in the GPU operator's namespace ({{namespace}}), takes both bindings:",
              { namespace: operatorNamespace },
            )}
          </StackItem>
          <Command>{`oc adm policy add-cluster-role-to-user ${READER_CLUSTER_ROLE} <user>`}</Command>
          <Command>{`oc adm policy add-role-to-user ${READER_CLUSTER_ROLE} <user> -n ${operatorNamespace} --role-namespace=${operatorNamespace}`}</Command>
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
        {warnings.map((warning) => (
          <ListItem key={warning.message}>{dataErrorText(t, warning)}</ListItem>
        ))}
      </List>
    </Alert>
  );
};
