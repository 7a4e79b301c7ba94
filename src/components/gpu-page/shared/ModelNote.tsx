import { Label, Tooltip } from '@patternfly/react-core';
import type { GpuNodeView } from '../../../cluster/types';
import { shortModelName } from '../../../geometry/catalog';
import { usePluginTranslation } from '../../../hooks/usePluginTranslation';

/**
 * Beside the product: the catalog's short name, "no MIG" for a GPU without MIG (GFD's
 * `nvidia.com/mig.capable=false`, or a product known to have none), or "unknown model".
 */
export const ModelNote = ({ view }: { view: GpuNodeView }) => {
  const { t } = usePluginTranslation();
  if (view.model) return <>({shortModelName(view.model)})</>;
  if (!view.migCapable) {
    return (
      <Tooltip
        content={
          view.knownWithoutMig
            ? t('This GPU model has no MIG: each GPU is advertised whole.')
            : t(
                'GPU Feature Discovery reports no MIG on these GPUs (nvidia.com/mig.capable=false): each GPU is advertised whole.',
              )
        }
      >
        <Label isCompact color="grey" tabIndex={0}>
          {t('no MIG')}
        </Label>
      </Tooltip>
    );
  }
  return (
    <Label isCompact color="orange">
      {t('unknown model')}
    </Label>
  );
};
