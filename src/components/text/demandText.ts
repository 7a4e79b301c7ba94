/**
 * The words for pods waiting for GPUs (src/cluster/demand.ts) and the changes that make room for
 * them (src/cluster/makeRoom.ts): why a pod waits, and what a change gives and takes.
 */
import type { ResourceDemand, WaitReason } from '../../cluster/demand';
import type { MakeRoomChange } from '../../cluster/makeRoom';
import { nodeLeftOutReasonText } from './profileRequestText';
import { resourcesText, resourceText } from './resourceText';
import type { Translate } from './translate';

/** "2 pods wait for 3g.40gb (3 instances)". */
export function demandText(t: Translate, demand: ResourceDemand): string {
  const resource = resourceText(t, demand.resourceName);
  return demand.instances > demand.pods
    ? t('{{count}} pod waits for {{resource}} ({{instances}} instances)', {
        count: demand.pods,
        resource,
        instances: demand.instances,
      })
    : t('{{count}} pod waits for {{resource}}', { count: demand.pods, resource });
}

/** Why a pod waits, as one sentence. */
export function waitReasonText(t: Translate, reason: WaitReason): string {
  switch (reason.kind) {
    case 'unreadable-request':
      return t('A GPU request is not a whole number: the scheduler cannot place it as written.');
    case 'mig-under-strategy-none':
      return t(
        'The MIG strategy is none: no node advertises {{resource}}. Set the strategy to mixed, or request nvidia.com/gpu.',
        { resource: reason.resourceName },
      );
    case 'mig-name-under-single':
      return t(
        'The MIG strategy is single: nodes advertise MIG devices as nvidia.com/gpu, never {{resource}}. Request nvidia.com/gpu on nodes whose product label ends in MIG-{{profile}}, or switch the strategy to mixed.',
        { resource: reason.resourceName, profile: reason.profile },
      );
    case 'whole-gpu-all-partitioned':
      return t(
        'It asks for whole GPUs (nvidia.com/gpu), but every GPU here is MIG-partitioned: under the mixed strategy they are advertised as MIG slices only.',
      );
    case 'profile-not-made-here':
      return profileNotMadeText(t, reason);
    case 'coming-with-change':
      return t('A MIG change under way on {{nodes}} will offer {{resource}}.', {
        nodes: reason.nodes.join(', '),
        resource: resourceText(t, reason.resourceName),
      });
    case 'only-unavailable-nodes':
      return onlyUnavailableText(t, reason);
    case 'all-in-use':
      return t('All {{count}} × {{resource}} are held by running pods.', {
        count: reason.allocatable,
        resource: resourceText(t, reason.resourceName),
      });
    case 'not-offered':
      return t('No node offers {{resource}} under its current MIG config; a config change can.', {
        resource: resourceText(t, reason.resourceName),
      });
    case 'too-many-for-one-node':
      return t(
        'It asks for {{wanted}} × {{resource}} on one node; the most free on one node is {{most}}.',
        {
          wanted: reason.wanted,
          resource: resourceText(t, reason.resourceName),
          most: reason.mostOnOneNode,
        },
      );
    case 'scheduling-gated':
      return t(
        'It fits, but a scheduling gate holds it back (a queue such as Kueue removes the gate when it admits the pod).',
      );
    case 'no-node-has-all':
      return t('Each GPU resource it asks for is free somewhere, but no node has all of them.');
    case 'taken-by-earlier-pods':
      return t(
        '{{free}} × {{resource}} are free, but {{ahead}} pods that have waited longer take them first.',
        { free: reason.free, resource: resourceText(t, reason.resourceName), ahead: reason.ahead },
      );
    default:
      return t(
        'It fits on what is free now: the scheduler has not retried yet, or taints, node selectors or other resources keep it out (see the scheduler’s message).',
      );
  }
}

function onlyUnavailableText(
  t: Translate,
  reason: Extract<WaitReason, { kind: 'only-unavailable-nodes' }>,
): string {
  // Said apart: the catalogue extractor misses a t() inside another t()'s values.
  const nodes = reason.nodes.map((node) =>
    t('{{node}} ({{reason}})', { node: node.name, reason: nodeLeftOutReasonText(t, node.why) }),
  );
  return t('{{resource}} is free only on nodes that take no new pod: {{nodes}}.', {
    resource: resourceText(t, reason.resourceName),
    nodes: nodes.join(', '),
  });
}

function profileNotMadeText(
  t: Translate,
  reason: Extract<WaitReason, { kind: 'profile-not-made-here' }>,
): string {
  const models = reason.models.join(', ');
  if (!reason.profile) {
    return t('{{resource}} is not a MIG profile any GPU makes.', { resource: reason.resourceName });
  }
  if (reason.models.length === 0) {
    return t('No GPU here makes {{profile}}: no MIG-capable GPU model was recognised.', {
      profile: reason.profile,
    });
  }
  return reason.similar.length > 0
    ? t('No GPU model here ({{models}}) makes {{profile}}; the nearest they make: {{similar}}.', {
        models,
        profile: reason.profile,
        similar: reason.similar.join(', '),
      })
    : t('No GPU model here ({{models}}) makes {{profile}}.', { models, profile: reason.profile });
}

/** What a change gives the waiting pods and what it takes: "+2 × 3g.40gb; stops 7 × 1g.10gb". */
export function makeRoomChangeText(t: Translate, change: MakeRoomChange): string {
  const gained = resourcesText(t, change.gained);
  const lost = resourcesText(t, change.lost);
  return lost
    ? t('frees {{gained}}; stops advertising {{lost}}', { gained, lost })
    : t('frees {{gained}}', { gained });
}
