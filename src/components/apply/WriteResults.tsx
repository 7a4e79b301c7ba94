import { Alert } from '@patternfly/react-core';
import type { ApplyOutcome, NodeWriteResult } from '../../cluster/applyOutcome';
import { configOfNode } from '../../cluster/applyPlan';
import { usePluginTranslation } from '../../hooks/usePluginTranslation';
import type { Translate } from '../text/translate';

function resultText(t: Translate, result: NodeWriteResult, outcome: ApplyOutcome): string {
  // One config for every node, or in a plan of several each node's own.
  const configName = configOfNode(outcome, result.nodeName);
  const cordoned = result.cordoned ? ` ${t('(cordoned first)')}` : '';
  switch (result.status) {
    case 'written':
      return (
        t('{{node}}: nvidia.com/mig.config set to {{config}}.', {
          node: result.nodeName,
          config: configName,
        }) + cordoned
      );
    case 'conflict':
      return (
        t(
          '{{node}}: not changed. The node changed since the preview (someone else wrote to it), so nothing was overwritten. The preview has been refreshed; review it and apply again.',
          { node: result.nodeName },
        ) + cordoned
      );
    case 'invalid':
      return (
        t(
          '{{node}}: not changed. The API server refused the value as invalid input (not a conflict); its message:',
          { node: result.nodeName },
        ) + cordoned
      );
    case 'forbidden':
      return (
        t('{{node}}: not changed. You are not allowed to patch this node.', {
          node: result.nodeName,
        }) + cordoned
      );
    case 'not-found':
      return t('{{node}}: not changed. The node no longer exists.', { node: result.nodeName });
    case 'failed':
      return t('{{node}}: not changed. The request failed.', { node: result.nodeName }) + cordoned;
    default:
      return outcome.stoppedByUser
        ? t('{{node}}: not attempted, because you stopped the apply.', { node: result.nodeName })
        : t('{{node}}: not attempted, because an earlier node failed.', {
            node: result.nodeName,
          });
  }
}

/** Exactly which nodes were written and which were not, and why. */
export const WriteResults = ({ outcome }: { outcome: ApplyOutcome }) => {
  const { t } = usePluginTranslation();
  const written = outcome.results.filter((result) => result.status === 'written').length;
  const conflict = outcome.results.some((result) => result.status === 'conflict');
  const invalid = outcome.results.some((result) => result.status === 'invalid');
  const variant = outcome.complete ? 'success' : written > 0 ? 'warning' : 'danger';
  const title = outcome.complete
    ? t('The label was written on {{count}} node', { count: written })
    : outcome.stoppedByUser
      ? t('Stopped: {{written}} of {{total}} nodes changed', {
          written,
          total: outcome.results.length,
        })
      : conflict
        ? t('Changed by someone else since the preview: nothing was overwritten')
        : invalid
          ? t('The API server refused the value as invalid input')
          : t('{{written}} of {{total}} nodes changed', {
              written,
              total: outcome.results.length,
            });
  return (
    <Alert isInline variant={variant} title={title} data-test="apply-write-results">
      <ul>
        {outcome.results.map((result) => (
          <li key={result.nodeName}>
            {resultText(t, result, outcome)}
            {result.message && result.status !== 'written' && (
              <>
                {' '}
                <code>{result.message}</code>
              </>
            )}
          </li>
        ))}
      </ul>
    </Alert>
  );
};
