/**
 * The words for the fragmentation figures (src/cluster/fragmentation.ts): free instances a pod can
 * have now, room for a new instance beside the existing ones, and free space cut into pieces no
 * larger profile can use. Profile names stay as NVIDIA writes them.
 */
import type { GpuFragmentation, GpuPlace, ProfileRoom } from '../../cluster/fragmentation';
import type { Translate } from './translate';

/** How many places to name before "and N more". */
const MAX_PLACES = 3;

export function gpuPlaceText(t: Translate, place: GpuPlace): string {
  return t('{{node}} GPU {{gpu}}', { node: place.node, gpu: place.gpu });
}

/** "a100-01 GPU 0, a100-02 GPU 1 and 3 more" */
export function gpuPlacesText(t: Translate, places: GpuPlace[]): string {
  const named = places
    .slice(0, MAX_PLACES)
    .map((place) => gpuPlaceText(t, place))
    .join(', ');
  return places.length > MAX_PLACES
    ? t('{{names}} and {{more}} more', { names: named, more: places.length - MAX_PLACES })
    : named;
}

/** One GPU, beside its slice map: the largest instance a new one could be. */
export function gpuRoomText(t: Translate, gpu: GpuFragmentation): string {
  const largest = gpu.fits[0];
  return largest
    ? t('Largest that fits: {{profile}}', { profile: largest.name })
    : t('No room for another instance');
}

/** The same for a screen reader or a tooltip: what "fits" means and whether the GPU is idle. */
export function gpuRoomDetailText(t: Translate, gpu: GpuFragmentation): string {
  const parts = [
    gpu.fits[0]
      ? t(
          'A new {{profile}} fits the unallocated memory slices beside the instances, none of them moved; creating it is a config change.',
          { profile: gpu.fits[0].name },
        )
      : t('No profile fits the unallocated memory slices beside the instances.'),
  ];
  if (gpu.fragmentedOut.length > 0) {
    parts.push(
      t(
        'The unallocated space would hold {{profiles}} by size, but no legal start for it is free: it is fragmented.',
        { profiles: gpu.fragmentedOut.map((profile) => profile.name).join(', ') },
      ),
    );
  }
  if (gpu.busy) {
    parts.push(
      t(
        'Pods may use this GPU: the mig-manager re-creates all instances of a GPU it changes, so the change must wait until they finish.',
      ),
    );
  }
  return parts.join(' ');
}

/**
 * Why "can I get N × profile" finds no room to create one: fragmented free space, or GPUs full,
 * or room that needs a change. Undefined when no GPU here offers the profile.
 */
export function profileRoomText(t: Translate, room: ProfileRoom): string | undefined {
  if (room.gpus === 0) return undefined;
  const largest = room.largestPlaceable
    ? t('The largest that still fits beside the instances: {{largest}}.', {
        largest: room.largestPlaceable.name,
      })
    : t('No GPU has room for any new instance.');
  if (room.withRoom.length > 0) {
    return t(
      'One more {{profile}} fits beside the instances on {{places}}: a config change adding it can create it once no pod uses that GPU (the mig-manager re-creates all its instances).',
      { profile: room.profile, places: gpuPlacesText(t, room.withRoom) },
    );
  }
  if (room.fragmented.length > 0) {
    return `${t(
      '{{compute}} compute slices are unallocated on the GPUs that offer {{profile}}, but none has a free legal start for it: the free space is fragmented ({{places}}).',
      {
        compute: room.unallocatedCompute,
        profile: room.profile,
        places: gpuPlacesText(t, room.fragmented),
      },
    )} ${largest}`;
  }
  return `${t(
    'No GPU that offers {{profile}} has room for one more beside its instances ({{compute}} compute slices unallocated in all).',
    { profile: room.profile, compute: room.unallocatedCompute },
  )} ${largest}`;
}
