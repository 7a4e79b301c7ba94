/**
 * The slice map in words: what a screen reader announces for the whole map and for each instance,
 * and the tooltips of the drawing. One source for both so sighted and non-sighted users are told
 * the same facts.
 */
import { shortModelName } from '../../geometry/catalog';
import { healthStateText } from '../text/stateText';
import type { Translate } from '../text/translate';
import {
  computeSlicesOf,
  gridUnitsOf,
  layoutSliceMap,
  type SliceMapLayout,
} from './sliceMapLayout';
import type { SliceMapInstance, SliceMapProps } from './types';

export type { Translate };

/**
 * i18next HTML-escapes interpolated values by default (a pod `ns/name` would read `ns&#x2F;name`);
 * React escapes on render, so every call here opts out.
 */
const RAW = { escapeValue: false };

export type SliceMapDescriptionInput = Pick<
  SliceMapProps,
  | 'model'
  | 'gpuIndex'
  | 'instances'
  | 'migEnabled'
  | 'wholeGpuInUse'
  | 'state'
  | 'predicted'
  | 'highlightInstanceIds'
  | 'highlightLabel'
>;

export interface SliceMapDescription {
  /** The map as a whole: model, counts, budgets, state, problems. */
  summary: string;
  /** One sentence per entry of `instances` (same order and length). */
  instances: string[];
  /** One per unallocated run of the grid, in grid order. */
  freeRuns: string[];
  /** Problems with the input in plain words (overlaps, instances off the grid). */
  problems: string[];
  /** The single block drawn when MIG is disabled. */
  wholeGpu: string;
}

/**
 * "memory slice 9" or "memory slices 9–10", for an instance outside the grid. (Said apart: the
 * catalogue extractor misses a t() inside another t()'s values.)
 */
function offGridSlices(start: number, size: number, t: Translate): string {
  return size === 1
    ? t('memory slice {{first}}', { first: start + 1, interpolation: RAW })
    : t('memory slices {{first}}–{{last}}', {
        first: start + 1,
        last: start + size,
        interpolation: RAW,
      });
}

/** "memory slice 3 of 4" or "memory slices 3–4 of 4"; 1-based like the drawn header. */
export function describeUnits(start: number, size: number, units: number, t: Translate): string {
  return size === 1
    ? t('memory slice {{first}} of {{units}}', { first: start + 1, units, interpolation: RAW })
    : t('memory slices {{first}}–{{last}} of {{units}}', {
        first: start + 1,
        last: start + size,
        units,
        interpolation: RAW,
      });
}

/** `namespace/name` when the namespace is known (and not already part of the name). */
export function podLabel(instance: Pick<SliceMapInstance, 'podName' | 'podNamespace'>): string {
  const name = instance.podName ?? '';
  return instance.podNamespace && !name.includes('/') ? `${instance.podNamespace}/${name}` : name;
}

/** "in use by pod ns/name (inferred)", "in use" or "free". */
export function describeUsage(
  instance: Pick<
    SliceMapInstance,
    'inUse' | 'podName' | 'podNamespace' | 'assignmentInferred' | 'usageUnknown'
  >,
  predicted: boolean,
  t: Translate,
): string {
  if (!instance.inUse && instance.usageUnknown)
    return t('in use or free (pods of other projects are not visible to you)');
  if (!instance.inUse) return t('free');
  if (!instance.podName) return t('in use');
  const inferred = instance.assignmentInferred ?? predicted;
  return inferred
    ? t('in use by pod {{pod}} (inferred)', { pod: podLabel(instance), interpolation: RAW })
    : t('in use by pod {{pod}}', { pod: podLabel(instance), interpolation: RAW });
}

function modelName(input: SliceMapDescriptionInput): string | undefined {
  return input.model ? shortModelName(input.model) : undefined;
}

function describeInstances(
  input: SliceMapDescriptionInput,
  layout: SliceMapLayout,
  t: Translate,
): { instances: string[]; problems: string[] } {
  const predicted = input.predicted !== false;
  const highlighted = new Set(input.highlightInstanceIds ?? []);
  const highlightLabel = input.highlightLabel ?? t('Changed');
  const gpu = input.gpuIndex;
  const instances: string[] = new Array<string>(input.instances?.length ?? 0).fill('');
  const problems: string[] = [];

  const sentence = (instance: SliceMapInstance, position: string, extras: string[]) => {
    const base = t('GPU {{gpu}}, {{profile}} at {{position}}, {{compute}}, {{usage}}', {
      gpu,
      profile: instance.profile,
      position,
      compute: t('{{used}} of {{total}} compute slices', {
        used: computeSlicesOf(instance),
        total: layout.computeTotal,
        interpolation: RAW,
      }),
      usage: describeUsage(instance, predicted, t),
      interpolation: RAW,
    });
    const marks = highlighted.has(instance.id) ? [highlightLabel, ...extras] : extras;
    return [base, ...marks].join(', ');
  };

  for (const slice of layout.placed) {
    const overlap = slice.overlapsWith.length
      ? [
          t('overlaps {{profiles}}', {
            profiles: slice.overlapsWith.join(', '),
            interpolation: RAW,
          }),
        ]
      : [];
    const position = describeUnits(slice.start, slice.size, layout.units, t);
    instances[slice.index] = sentence(slice.instance, position, overlap);
    if (overlap.length) {
      problems.push(
        t('{{profile}} at {{position}} overlaps {{profiles}}', {
          profile: slice.instance.profile,
          position,
          profiles: slice.overlapsWith.join(', '),
          interpolation: RAW,
        }),
      );
    }
  }
  for (const slice of layout.offGrid) {
    const { instance } = slice;
    const position =
      slice.reason === 'outside-grid'
        ? t('{{position}}, outside the {{units}}-slice grid', {
            position: offGridSlices(instance.start, instance.size, t),
            units: layout.units,
            interpolation: RAW,
          })
        : t('an unknown position');
    instances[slice.index] = sentence(instance, position, []);
    problems.push(
      slice.reason === 'outside-grid'
        ? t(
            '{{profile}} is placed outside the {{units}}-slice grid (start {{start}}, size {{size}})',
            {
              profile: instance.profile,
              units: layout.units,
              start: instance.start,
              size: instance.size,
              interpolation: RAW,
            },
          )
        : t('{{profile}} has no valid position', { profile: instance.profile, interpolation: RAW }),
    );
  }
  if (layout.computeUsed > layout.computeTotal) {
    problems.push(
      t('{{used}} compute slices are allocated but the GPU has {{total}}', {
        used: layout.computeUsed,
        total: layout.computeTotal,
        interpolation: RAW,
      }),
    );
  }
  return { instances, problems };
}

/** Whether a whole GPU is in use, in words (`unknown`: the API counts GPUs, never says which). */
function wholeGpuUsageWord(inUse: boolean | 'unknown' | undefined, t: Translate): string {
  if (inUse === 'unknown')
    return t('in use or free (the kubelet does not say which GPUs pods hold)');
  return inUse ? t('in use') : t('free');
}

/** Everything a screen reader (and a tooltip) says about one GPU's slice map. */
export function sliceMapDescription(
  input: SliceMapDescriptionInput,
  t: Translate,
): SliceMapDescription {
  const gpu = input.gpuIndex;
  const name = modelName(input);
  const units = gridUnitsOf(input.model);
  const instanceList = input.instances ?? [];
  const heading = name
    ? t('GPU {{gpu}}, {{model}}', { gpu, model: name, interpolation: RAW })
    : t('GPU {{gpu}}', { gpu, interpolation: RAW });
  const stateSentence = input.state
    ? [t('State: {{state}}.', { state: healthStateText(t, input.state), interpolation: RAW })]
    : [];
  const usage = wholeGpuUsageWord(input.wholeGpuInUse, t);
  const wholeGpu = t('GPU {{gpu}}, MIG disabled (whole GPU), {{usage}}', {
    gpu,
    usage,
    interpolation: RAW,
  });

  if (!input.migEnabled) {
    const summary = [
      t('{{heading}}: MIG disabled, the whole GPU is one device and it is {{usage}}.', {
        heading,
        usage,
        interpolation: RAW,
      }),
      ...stateSentence,
    ].join(' ');
    return { summary, instances: instanceList.map(() => ''), freeRuns: [], problems: [], wholeGpu };
  }

  if (!input.model || units === undefined) {
    const summary = [
      t('{{heading}}: unknown GPU model, so its placement grid cannot be drawn.', {
        heading,
        interpolation: RAW,
      }),
      t('{{instances}} MIG instances reported.', {
        instances: instanceList.length,
        interpolation: RAW,
      }),
      ...stateSentence,
    ].join(' ');
    const instances = instanceList.map((instance) =>
      t('GPU {{gpu}}, {{profile}}, {{usage}}', {
        gpu,
        profile: instance?.profile ?? '',
        usage: describeUsage(instance ?? {}, input.predicted !== false, t),
        interpolation: RAW,
      }),
    );
    return { summary, instances, freeRuns: [], problems: [], wholeGpu };
  }

  const layout = layoutSliceMap(instanceList, units, input.model.computeSlices);
  const { instances, problems } = describeInstances(input, layout, t);
  const freeRuns = layout.freeRuns.map((run) =>
    t('{{position}}, unallocated', {
      position: describeUnits(run.start, run.size, units, t),
      interpolation: RAW,
    }),
  );
  const summary = [
    t(
      '{{heading}}: {{instances}} MIG instances, {{inUse}} in use; {{computeUsed}} of {{computeTotal}} compute slices and {{unitsUsed}} of {{units}} memory slices allocated.',
      {
        heading,
        instances: layout.instanceCount,
        inUse: layout.inUseCount,
        computeUsed: layout.computeUsed,
        computeTotal: layout.computeTotal,
        unitsUsed: layout.unitsUsed,
        units,
        interpolation: RAW,
      },
    ),
    ...stateSentence,
    ...(input.predicted !== false
      ? [t('Placement is predicted: the driver chooses the exact starts.')]
      : []),
    ...(problems.length
      ? [t('Problems: {{problems}}.', { problems: problems.join('; '), interpolation: RAW })]
      : []),
  ].join(' ');
  return { summary, instances, freeRuns, problems, wholeGpu };
}
