import { Content } from '@patternfly/react-core';
import {
  taintText,
  tolerationText,
  type AdvertisedMigResource,
  type MigResourceRow,
} from '../../cluster/openshiftAi';
import { usePluginTranslation } from '../../hooks/usePluginTranslation';

const untoleratedText = (row: AdvertisedMigResource) =>
  row.untoleratedTaints
    .map((taint) => `${taintText(taint)} (${taint.nodes.join(', ')})`)
    .join(', ');

/**
 * What each previewed profile tolerates, and the taints of the offering nodes it leaves alone (a
 * cordon, an unreachable node, a control-plane role): the admin sees where its workloads may land
 * before creating it.
 */
export const ProfileScheduling = ({ rows }: { rows: MigResourceRow[] }) => {
  const { t } = usePluginTranslation();
  return (
    <Content component="ul" data-test="openshift-ai-preview-scheduling">
      {rows.map((row) => (
        <Content
          component="li"
          key={row.resource}
          data-test={`openshift-ai-scheduling-${row.proposedName}`}
        >
          {t('{{name}} tolerates {{tolerations}}.', {
            name: row.proposedName,
            tolerations: row.tolerations.map(tolerationText).join(', '),
          })}
          {row.untoleratedTaints.length > 0 && (
            <>
              <br />
              <Content component="small">
                {t(
                  'Not tolerated, so its workloads stay off the nodes carrying them: {{taints}}.',
                  { taints: untoleratedText(row) },
                )}
              </Content>
            </>
          )}
        </Content>
      ))}
    </Content>
  );
};
