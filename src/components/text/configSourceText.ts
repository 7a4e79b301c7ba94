/**
 * The words for why predictions use the plugin's built-in copy of NVIDIA's default config instead
 * of a ConfigMap of the cluster (`MigConfigSourceView.fallback`, src/cluster/configSource.ts).
 * ConfigMap names, namespaces and keys stay as they are.
 */
import type { MigConfigSourceView } from '../../cluster/types';
import { DEFAULT_MIG_PARTED_CONFIG_MAP, type BuiltInSourceWhy } from '../../geometry';
import type { Translate } from './translate';
import { configIssueText } from './configIssueText';
import { dataErrorText } from './dataErrorText';
import { unreadableText } from './readingText';

/** Why no ConfigMap of the cluster applies (the built-in source's reason). */
function builtInReasonText(t: Translate, why: BuiltInSourceWhy, namespace: string): string {
  const notCustom = why.setToDefault
    ? t('spec.migManager.config.name is {{name}}, which counts as not custom', {
        name: DEFAULT_MIG_PARTED_CONFIG_MAP,
      })
    : t('The ClusterPolicy names no custom config');
  const missing = !why.listed
    ? t('the ConfigMaps in {{namespace}} could not be listed', { namespace })
    : why.perNodeConfigMap !== undefined
      ? t('neither {{perNode}} nor {{name}} exists in {{namespace}}', {
          perNode: why.perNodeConfigMap,
          name: DEFAULT_MIG_PARTED_CONFIG_MAP,
          namespace,
        })
      : t('{{name}} does not exist in {{namespace}}', {
          name: DEFAULT_MIG_PARTED_CONFIG_MAP,
          namespace,
        });
  return t(
    "{{notCustom}}, and {{why}}; showing the plugin's built-in copy of NVIDIA's default config instead.",
    { notCustom, why: missing },
  );
}

/** Why the built-in copy is used; undefined when the source is read from the cluster. */
export function configFallbackText(t: Translate, source: MigConfigSourceView): string | undefined {
  const fallback = source.fallback;
  if (!fallback) return undefined;
  if (fallback.kind === 'no-config-map') {
    const reason = fallback.why && builtInReasonText(t, fallback.why, source.namespace ?? '');
    const error = fallback.error && dataErrorText(t, fallback.error);
    return [error, reason].filter(Boolean).join(' ');
  }
  const values = { namespace: fallback.namespace, name: fallback.configMap };
  const then = t(
    "Predictions use the plugin's built-in copy of NVIDIA's default config, which may differ from what the mig-manager uses.",
  );
  switch (fallback.kind) {
    case 'unreadable': {
      const error = dataErrorText(t, fallback.error);
      return fallback.error.kind === 'forbidden'
        ? t('ConfigMap {{namespace}}/{{name}} cannot be read (forbidden: {{error}}). {{then}}', {
            ...values,
            error,
            then,
          })
        : t('ConfigMap {{namespace}}/{{name}} cannot be read ({{error}}). {{then}}', {
            ...values,
            error,
            then,
          });
    }
    case 'missing':
      return t('ConfigMap {{namespace}}/{{name}} does not exist. {{then}}', { ...values, then });
    case 'no-key':
      return t(
        "ConfigMap {{namespace}}/{{name}} has no '{{dataKey}}' key (the mig-manager reads only that key). {{then}}",
        { ...values, dataKey: fallback.key, then },
      );
    default:
      return t(
        'ConfigMap {{namespace}}/{{name}} is not a valid mig-parted config ({{problem}}); mig-parted refuses it, so every change fails. {{then}}',
        {
          ...values,
          problem: fallback.issue ? configIssueText(t, fallback.issue) : unreadableText(t),
          then,
        },
      );
  }
}
