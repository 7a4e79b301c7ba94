import { Alert, List, ListItem } from '@patternfly/react-core';
import type { ClusterEffect } from '../../cluster/applyPlan';
import { usePluginTranslation } from '../../hooks/usePluginTranslation';

/**
 * What a change costs the whole cluster: GPU resources (MIG profiles) no node would advertise any
 * more, and the OpenShift AI profiles asking for them, whose workloads would then stay Pending.
 */
export const ClusterEffectAlert = ({ effect }: { effect: ClusterEffect }) => {
  const { t } = usePluginTranslation();
  if (effect.lostResources.length === 0 && effect.orphanedProfiles.length === 0) return null;
  return (
    <Alert
      isInline
      // Orphaned profiles need acknowledging (their workloads would wait forever); a lost
      // resource alone may be the point of the change (enabling MIG removes whole GPUs).
      variant={effect.orphanedProfiles.length > 0 ? 'warning' : 'info'}
      data-test="apply-cluster-effect"
      title={t('This removes the last {{resources}} from the cluster', {
        resources: effect.lostResources.map((lost) => lost.resource).join(', '),
      })}
    >
      <List>
        {effect.lostResources.map((lost) => (
          <ListItem key={lost.resource}>
            {t(
              '{{resource}}: {{count}} advertised now, all on {{nodes}}; no node advertises it afterwards, so pods requesting it stay Pending.',
              { resource: lost.resource, count: lost.before, nodes: lost.nodes.join(', ') },
            )}
          </ListItem>
        ))}
        {effect.orphanedProfiles.map(({ profile, identifiers }) => (
          <ListItem key={`${profile.kind}/${profile.namespace}/${profile.name}`}>
            {t(
              'OpenShift AI {{kind}} "{{displayName}}" ({{namespace}}/{{name}}) asks for {{resources}}: workloads started from it would stay Pending.',
              {
                kind: profile.kind,
                displayName: profile.displayName,
                namespace: profile.namespace,
                name: profile.name,
                resources: identifiers.join(', '),
              },
            )}
          </ListItem>
        ))}
      </List>
      {effect.unpredictable.length > 0 && (
        <p>
          {t(
            'What {{nodes}} will advertise cannot be predicted; their resources are counted as kept.',
            { nodes: effect.unpredictable.join(', ') },
          )}
        </p>
      )}
    </Alert>
  );
};
