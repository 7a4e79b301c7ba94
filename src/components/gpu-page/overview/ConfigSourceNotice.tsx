import { Alert } from '@patternfly/react-core';
import type { MigConfigSourceView } from '../../../cluster/types';
import { usePluginTranslation } from '../../../hooks/usePluginTranslation';
import { configFallbackText } from '../../text/configSourceText';

/**
 * Says which mig-parted config the predictions come from, but only when it matters: when the
 * cluster's ConfigMap could not be read and the built-in copy of NVIDIA's default is used.
 */
export const ConfigSourceNotice = ({ source }: { source: MigConfigSourceView }) => {
  const { t } = usePluginTranslation();
  if (source.kind !== 'built-in' && !source.fallback) return null;
  const reason = configFallbackText(t, source);
  return (
    <Alert
      isInline
      variant="info"
      title={t("Using the plugin's built-in copy of NVIDIA's default MIG configurations")}
    >
      {source.configMapName
        ? t(
            'The ConfigMap {{name}} in {{namespace}} could not be read, so slice maps and expected resources are predicted from the built-in copy. A custom configuration may differ.',
            { name: source.configMapName, namespace: source.namespace ?? '' },
          )
        : t(
            "The cluster's mig-parted ConfigMap could not be read, so slice maps and expected resources are predicted from the built-in copy. A custom configuration may differ.",
          )}
      {reason && <div>{reason}</div>}
    </Alert>
  );
};
