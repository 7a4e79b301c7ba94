import { Button, Content, Popover } from '@patternfly/react-core';
import { OutlinedQuestionCircleIcon } from '@patternfly/react-icons';
import { gpuFragmentation } from '../../../cluster/fragmentation';
import type { GpuNodeView, GpuView } from '../../../cluster/types';
import { usePluginTranslation } from '../../../hooks/usePluginTranslation';
import { gpuPlaceText, gpuRoomDetailText, gpuRoomText } from '../../text/fragmentationText';

/**
 * Under a GPU's slice map: the largest new instance that still fits beside its instances, with
 * what that means (a config change, fragmented space, pods to wait for) one click away. Nothing
 * for a GPU without MIG or of an unknown model.
 */
export const GpuRoomNote = ({ node, gpu }: { node: GpuNodeView; gpu: GpuView }) => {
  const { t } = usePluginTranslation();
  const figures = gpuFragmentation(node, gpu);
  if (!figures) return null;
  const place = gpuPlaceText(t, figures);
  return (
    <Content component="small">
      {gpuRoomText(t, figures)}{' '}
      <Popover
        headerContent={t('Room on {{place}}', { place })}
        bodyContent={gpuRoomDetailText(t, figures)}
      >
        <Button
          variant="plain"
          isInline
          size="sm"
          aria-label={t('About the room on {{place}}', { place })}
          icon={<OutlinedQuestionCircleIcon />}
        />
      </Popover>
    </Content>
  );
};
