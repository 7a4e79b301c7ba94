import { Alert, Button, List, ListItem, Tooltip } from '@patternfly/react-core';
import { useClusterPolicyPatchAccess, useNodePatchAccess } from '../../hooks/useMigWriteAccess';
import { usePluginTranslation } from '../../hooks/usePluginTranslation';

/** What the access reviews deny; false while a review is under way (the write still handles 403). */
export interface MigWritePermissions {
  /** `patch` on nodes: applying or disabling MIG configs, cordoning. */
  nodesDenied: boolean;
  /** `patch` on `clusterpolicies.nvidia.com`: the MIG strategy, the config the operator uses. */
  policiesDenied: boolean;
}

export const useMigWritePermissions = (): MigWritePermissions => {
  const nodes = useNodePatchAccess();
  const policies = useClusterPolicyPatchAccess();
  return {
    nodesDenied: !nodes.loading && !nodes.allowed,
    policiesDenied: !policies.loading && !policies.allowed,
  };
};

/** Why a write action is disabled, as its tooltip says it. */
export const useDeniedReasons = () => {
  const { t } = usePluginTranslation();
  return {
    nodes: t('You cannot patch nodes (verb patch on nodes). Ask a cluster administrator.'),
    policies: t(
      'You cannot patch ClusterPolicies (verb patch on clusterpolicies.nvidia.com). Ask a cluster administrator.',
    ),
  };
};

/**
 * The one notice that the page is read-only for this user, naming each missing permission and
 * what it would allow. Nothing when every write is allowed (or not yet known).
 */
export const ReadOnlyNotice = ({ nodesDenied, policiesDenied }: MigWritePermissions) => {
  const { t } = usePluginTranslation();
  if (!nodesDenied && !policiesDenied) return null;
  const title =
    nodesDenied && policiesDenied
      ? t('Read-only: you cannot patch nodes or ClusterPolicies')
      : nodesDenied
        ? t('Read-only: you cannot patch nodes')
        : t('You cannot patch ClusterPolicies');
  return (
    <Alert isInline variant="info" title={title} data-test="read-only-notice">
      <List>
        {nodesDenied && (
          <ListItem>
            {t(
              'Missing: verb patch on nodes. It is needed to apply or disable a MIG config and to cordon a node.',
            )}
          </ListItem>
        )}
        {policiesDenied && (
          <ListItem>
            {t(
              'Missing: verb patch on clusterpolicies.nvidia.com. It is needed to change the MIG strategy and to point the GPU operator at a designed config.',
            )}
          </ListItem>
        )}
      </List>
      {t('Ask a cluster administrator for these permissions if you need to make changes.')}
    </Alert>
  );
};

/** A write action that, when it cannot act, stays focusable and says why in its tooltip. */
export const GuardedButton = ({
  label,
  variant,
  disabledReason,
  onClick,
}: {
  label: string;
  variant: 'primary' | 'secondary';
  disabledReason?: string | undefined;
  onClick: () => void;
}) => {
  const button = (
    // Aria-disabled, not disabled: the tooltip saying why must stay reachable by keyboard.
    <Button variant={variant} isAriaDisabled={disabledReason !== undefined} onClick={onClick}>
      {label}
    </Button>
  );
  return disabledReason ? <Tooltip content={disabledReason}>{button}</Tooltip> : button;
};
