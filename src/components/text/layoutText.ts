/**
 * The words for what the geometry engine reports as data: layout problems (`LayoutProblem.facts`),
 * blocked starts, the designer's refused additions and MIG-INVALID under the single strategy.
 */
import type {
  AdditionBlock,
  AdvertisementWarningFacts,
  LayoutProblem,
  LayoutWarningFacts,
  ProfileAmount,
  SingleStrategyInvalid,
  StartBlock,
  UnitHolder,
} from '../../geometry';
import type { Translate } from './translate';

/** `2 × 1g.10gb = 2, 1 × 3g.40gb = 3`: numbers and profile names, the same in every language. */
const partsText = (parts: ProfileAmount[]) =>
  parts.map((part) => `${part.count} × ${part.profile} = ${part.amount}`).join(', ');

const holdersText = (t: Translate, holders: UnitHolder[]) =>
  holders
    .map((holder) =>
      t('{{profile}} (start {{start}})', { profile: holder.profile, start: holder.start }),
    )
    .join(', ');

const unitRangeText = (t: Translate, start: number, size: number) =>
  size === 1
    ? t('unit {{start}}', { start })
    : t('units {{first}}–{{last}}', { first: start, last: start + size - 1 });

/** One layout problem in the UI's words. */
export function layoutProblemText(t: Translate, problem: LayoutProblem): string {
  const facts = problem.facts;
  switch (facts.kind) {
    case 'counts-not-a-map':
      return t('Instance counts must map profile names to numbers, got {{got}}.', {
        got: facts.got,
      });
    case 'bad-count':
      return t('The count of {{profile}} must be a whole number of 0 or more, got {{got}}.', {
        profile: facts.profile,
        got: facts.got,
      });
    case 'unknown-profile':
      return facts.profiles
        ? t('{{model}} has no MIG profile {{profile}}; its profiles are {{profiles}}.', {
            model: facts.model,
            profile: facts.profile,
            profiles: facts.profiles.join(', '),
          })
        : t('{{model}} has no MIG profile {{profile}}.', {
            model: facts.model,
            profile: facts.profile,
          });
    case 'too-many': {
      const values = {
        number: facts.count,
        profile: facts.profile,
        max: facts.max,
        model: facts.model,
      };
      return facts.placed
        ? t('{{number}} × {{profile}} placed, but at most {{max}} fit on one {{model}}.', values)
        : t(
            '{{number}} × {{profile}} requested, but at most {{max}} fit on one {{model}}.',
            values,
          );
    }
    case 'units-exceeded':
      return t(
        'The instances need {{needed}} placement units ({{parts}}) but {{model}} has {{available}}.',
        {
          needed: facts.needed,
          parts: partsText(facts.parts),
          model: facts.model,
          available: facts.available,
        },
      );
    case 'no-arrangement':
      return t(
        'No arrangement fits all instances on the {{units}}-unit grid: {{profile}} needs start {{starts}}, where {{holders}} already sit.',
        {
          units: facts.units,
          profile: facts.profile,
          starts: facts.starts.join(', '),
          holders: holdersText(t, facts.holders),
        },
      );
    case 'compute-exceeded':
      return t(
        'The instances need {{needed}} compute slices ({{parts}}) but {{model}} has {{available}}.',
        {
          needed: facts.needed,
          parts: partsText(facts.parts),
          model: facts.model,
          available: facts.available,
        },
      );
    case 'not-a-list':
      return t('Expected a list of placed instances, got {{got}}.', { got: facts.got });
    case 'bad-entry':
      return t('Instance {{index}} is not a profile, start and size entry.', {
        index: facts.index,
      });
    case 'illegal-start':
      return t(
        '{{profile}} cannot sit at {{units}}; its legal starts are {{starts}} with size {{size}}.',
        {
          profile: facts.profile,
          units: unitRangeText(t, facts.start, facts.size),
          starts: facts.starts.join(', '),
          size: facts.legalSize,
        },
      );
    default:
      return t('{{profile}} at start {{start}} overlaps {{other}} at start {{otherStart}}.', {
        profile: facts.profile,
        start: facts.start,
        other: facts.other,
        otherStart: facts.otherStart,
      });
  }
}

/** Why a legal start cannot take one more instance now. */
export function startBlockText(t: Translate, block: StartBlock): string {
  switch (block.kind) {
    case 'held':
      return t('{{units}} held by {{holders}}', {
        units: unitRangeText(t, block.start, block.size),
        holders: holdersText(t, block.holders),
      });
    case 'max-reached':
      return t('already {{number}} × {{profile}}, the most one GPU allows', {
        number: block.count,
        profile: block.profile,
      });
    case 'compute':
      return t('needs {{needed}} compute slices, {{left}} left', {
        needed: block.needed,
        left: block.left,
      });
    default:
      return t('It does not fit.');
  }
}

/** Why the designer refuses one more instance of a profile. */
export function additionBlockText(t: Translate, block: AdditionBlock): string {
  switch (block.kind) {
    case 'not-a-profile':
      return t('{{profile}} is not a profile of this GPU.', { profile: block.profile });
    case 'layout':
      return layoutProblemText(t, block.problem);
    case 'start':
      return startBlockText(t, block.block);
    default:
      return t('It does not fit.');
  }
}

/**
 * MIG-INVALID under the single strategy: the words GFD and the device plugin log stay as they are
 * (they are what an admin finds in the logs), inside a translated explanation.
 */
export function singleStrategyInvalidText(t: Translate, invalid: SingleStrategyInvalid): string {
  return t(
    'Invalid configuration detected for mig-strategy=single: {{gfdLog}}. The device plugin refuses to start (invalid MIG configuration: {{pluginLog}}), so the node advertises no GPU resources until the strategy or the layout changes.',
    { gfdLog: invalid.gfdLog, pluginLog: invalid.pluginLog },
  );
}

/**
 * A legal layout that is unverified or unusual. The catalog's notes on an unconfirmed profile are
 * its data, quoted as the catalog states them.
 */
export function layoutWarningText(t: Translate, warning: LayoutWarningFacts): string {
  switch (warning.kind) {
    case 'media-next-to-one-slice':
      return t(
        "{{profile}} next to other 1-slice instances is unverified: mig-parted's old layout enumerator rejects it and NVIDIA's documentation does not say.",
        { profile: warning.profile },
      );
    case 'needs-r510':
      return t(
        '{{profile}} together with {{other}} needs driver R510 or newer (older drivers rejected this combination).',
        { profile: warning.profile, other: warning.other },
      );
    default: {
      const values = {
        profile: warning.profile,
        model: warning.model,
        notes: warning.notes.join('; '),
      };
      return warning.confidence === 'inferred'
        ? t('{{profile}} on {{model}} is inferred: {{notes}}.', values)
        : t('{{profile}} on {{model}} is unconfirmed: {{notes}}.', values);
    }
  }
}

/** Why part of what a node will advertise is a guess or empty (names and indices as they are). */
export function advertisementWarningText(t: Translate, warning: AdvertisementWarningFacts): string {
  switch (warning.kind) {
    case 'layout-fails':
      return t(
        'GPU {{gpu}}: the requested layout cannot be created on {{model}} ({{problems}}); mig-parted would fail and leave the GPU as it is.',
        {
          gpu: warning.gpu,
          model: warning.model,
          problems: warning.problems.map((problem) => layoutProblemText(t, problem)).join(' '),
        },
      );
    case 'attributes-unknown':
      return t('Attributes of {{profile}} are unknown: the GPU model is not in the catalog.', {
        profile: warning.profile,
      });
    case 'profile-labels-unknown':
      return t('{{profile}}: {{labels}} not known for this GPU, labels left out.', {
        profile: warning.profile,
        labels: warning.labels.join(', '),
      });
    case 'memory-unknown':
      return t('nvidia.com/gpu.memory left out: the total memory of {{product}} is not known.', {
        product: warning.product,
      });
    case 'nothing-to-predict':
      return t('Nothing to predict: expected { product, gpus: [...], strategy }.');
    case 'unknown-strategy':
      return t('Unknown MIG strategy {{value}}; the device plugin\'s default "none" is assumed.', {
        value: warning.value,
      });
    case 'no-gpus':
      return t(
        'The node has no GPUs: GFD writes no GPU labels and the device plugin advertises nothing.',
      );
    case 'mig-under-none':
      return t(
        'MIG is enabled on GPU {{gpus}} but the strategy is "none": the device plugin still advertises each such GPU whole as nvidia.com/gpu, and its MIG instances are not usable as resources.',
        { gpus: warning.gpus.join(', ') },
      );
    default:
      return t(
        'GPU {{gpus}}: MIG is enabled but no instances are configured, so it advertises nothing.',
        { gpus: warning.gpus.join(', ') },
      );
  }
}
