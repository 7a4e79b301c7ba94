import * as React from 'react';
import {
  Alert,
  Button,
  Card,
  CardBody,
  CardFooter,
  CardHeader,
  CardTitle,
  Content,
  Label,
  Popover,
  Tooltip,
} from '@patternfly/react-core';
import {
  AdjustIcon,
  CircleIcon,
  ExclamationCircleIcon,
  OutlinedCircleIcon,
  OutlinedQuestionCircleIcon,
} from '@patternfly/react-icons';
import { shortModelName } from '../../geometry/catalog';
import { usePluginTranslation } from '../../hooks/usePluginTranslation';
import { HEALTH_STATE_STATUS, healthStateText } from '../text/stateText';
import { useInstanceUse } from '../usage/InstanceUsageContext';
import { activityPercent, instanceUseText } from '../usage/usageText';
import { podLabel, sliceMapDescription, type Translate } from './sliceMapDescription';
import {
  computeSlicesOf,
  gridUnitsOf,
  layoutSliceMap,
  type PlacedSlice,
  type SliceMapLayout,
} from './sliceMapLayout';
import type { SliceMapInstance, SliceMapProps } from './types';
import './SliceMap.css';

const BLOCK = 'gpu-partitioning-slice-map';

/** React 17 has no useId; a counter keeps the title/summary ids unique per page. */
let nextTitleId = 0;

/** Joins BEM class names, dropping the falsy ones. */
const classes = (...names: Array<string | false | undefined>) => names.filter(Boolean).join(' ');

/** `1g.10gb+me` → `1g`: what fits in a one-unit column at narrow widths. */
const shortProfileName = (profile: string) => String(profile ?? '').split('.')[0] || '?';

const gridColumns = (units: number) => ({
  gridTemplateColumns: `repeat(${units}, minmax(0, 1fr))`,
});

interface UsageProps {
  inUse: boolean | 'unknown';
  t: Translate;
}

const usageIcon = (inUse: boolean | 'unknown') => {
  if (inUse === 'unknown') return <AdjustIcon />;
  return inUse ? <CircleIcon /> : <OutlinedCircleIcon />;
};

const usageWord = (inUse: boolean | 'unknown', t: Translate) => {
  if (inUse === 'unknown') return t('In use or free');
  return inUse ? t('In use') : t('Free');
};

/** In use, free, or `unknown` when pods the user cannot see may hold it. */
const instanceUsage = (instance: Pick<SliceMapInstance, 'inUse' | 'usageUnknown'>) => {
  if (instance.inUse) return true;
  return instance.usageUnknown ? ('unknown' as const) : false;
};

/** Filled, half-filled or outlined circle plus a word: the usage never depends on colour alone. */
const UsageMark = ({ inUse, t }: UsageProps) => (
  <span className={`${BLOCK}__usage`}>
    <span className={`${BLOCK}__usage-icon`}>{usageIcon(inUse)}</span>
    <span className={`${BLOCK}__usage-text`}>{usageWord(inUse, t)}</span>
  </span>
);

/**
 * The exporter's engine activity inside a block: a bar filled to the percentage (decorative) and
 * the percentage in words; the block's description says it for screen readers and the tooltip.
 */
const ActivityMeter = ({ activity, t }: { activity: number; t: Translate }) => {
  const percent = activityPercent(activity);
  return (
    <span className={`${BLOCK}__activity`}>
      <span className={`${BLOCK}__activity-track`}>
        <span className={`${BLOCK}__activity-fill`} style={{ width: `${percent}%` }} />
      </span>
      <span className={`${BLOCK}__activity-full`}>{t('{{percent}}% active', { percent })}</span>
      <span className={`${BLOCK}__activity-short`}>{t('{{percent}}%', { percent })}</span>
    </span>
  );
};

interface SliceBlockProps {
  description: string;
  onActivate?: () => void;
  className: string;
  style: React.CSSProperties;
  children: React.ReactNode;
}

/**
 * One cell of the grid: a list item whose visible content is decorative and whose text for
 * assistive technology is the full description (also the tooltip). A button when clickable.
 */
const SliceBlock = ({ description, onActivate, className, style, children }: SliceBlockProps) => {
  const content = (
    <>
      <span className="pf-v6-screen-reader">{description}</span>
      <span className={`${BLOCK}__slice-content`} aria-hidden="true">
        {children}
      </span>
    </>
  );
  return (
    <li className={className} style={style}>
      <Tooltip content={description}>
        {onActivate ? (
          <button type="button" className={`${BLOCK}__slice-body`} onClick={onActivate}>
            {content}
          </button>
        ) : (
          <div className={`${BLOCK}__slice-body`}>{content}</div>
        )}
      </Tooltip>
    </li>
  );
};

interface InstanceBlockProps {
  slice: PlacedSlice;
  description: string;
  computeTotal: number;
  compact: boolean;
  highlightLabel?: string;
  onInstanceClick?: (id: string) => void;
  t: Translate;
}

const InstanceBlock = ({
  slice,
  description,
  computeTotal,
  compact,
  highlightLabel,
  onInstanceClick,
  t,
}: InstanceBlockProps) => {
  const { instance } = slice;
  const inUse = Boolean(instance.inUse);
  const usage = instanceUsage(instance);
  const overlapping = slice.overlapsWith.length > 0;
  const use = useInstanceUse(instance.id);
  return (
    <SliceBlock
      description={use ? `${description}; ${instanceUseText(t, use)}` : description}
      onActivate={onInstanceClick ? () => onInstanceClick(instance.id) : undefined}
      className={classes(
        `${BLOCK}__slice`,
        `${BLOCK}__slice--${slice.color}`,
        inUse ? `${BLOCK}__slice--in-use` : `${BLOCK}__slice--free`,
        highlightLabel !== undefined && `${BLOCK}__slice--highlighted`,
        overlapping && `${BLOCK}__slice--overlapping`,
        onInstanceClick && `${BLOCK}__slice--clickable`,
      )}
      style={{ gridColumn: `${slice.start + 1} / span ${slice.size}`, gridRow: slice.lane + 1 }}
    >
      <span className={`${BLOCK}__profile`}>
        {overlapping && (
          <span className={`${BLOCK}__problem-icon`}>
            <ExclamationCircleIcon />
          </span>
        )}
        <span className={`${BLOCK}__profile-full`}>{instance.profile}</span>
        <span className={`${BLOCK}__profile-short`}>{shortProfileName(instance.profile)}</span>
      </span>
      <UsageMark inUse={usage} t={t} />
      {use && <ActivityMeter activity={use.activity} t={t} />}
      {!compact && inUse && instance.podName && (
        <span className={`${BLOCK}__pod`}>{podLabel(instance)}</span>
      )}
      {!compact && (
        <span className={`${BLOCK}__compute`}>
          {t('{{used}}/{{total}} compute', {
            used: computeSlicesOf(instance),
            total: computeTotal,
          })}
        </span>
      )}
      {highlightLabel !== undefined && (
        <span className={`${BLOCK}__highlight-tag`}>{highlightLabel}</span>
      )}
    </SliceBlock>
  );
};

/** The GPU's compute budget as one segment per compute slice, coloured like the instances. */
const ComputeBar = ({
  layout,
  compact,
  t,
}: {
  layout: SliceMapLayout;
  compact: boolean;
  t: Translate;
}) => {
  const segments = Math.max(layout.computeTotal, layout.computeSegments.length);
  const over = layout.computeSegments.length - layout.computeTotal;
  return (
    <div className={`${BLOCK}__compute-section`} aria-hidden="true">
      {!compact && (
        <div className={`${BLOCK}__axis-caption`}>
          <span>{t('Compute slices')}</span>
          <span>
            {t('{{used}} of {{total}} allocated', {
              used: layout.computeUsed,
              total: layout.computeTotal,
            })}
          </span>
        </div>
      )}
      <div className={`${BLOCK}__compute-bar`} style={gridColumns(segments)}>
        {Array.from({ length: segments }, (_, index) => {
          const segment = layout.computeSegments[index];
          return (
            <span
              key={index}
              className={classes(
                `${BLOCK}__compute-segment`,
                segment
                  ? `${BLOCK}__compute-segment--${segment.color}`
                  : `${BLOCK}__compute-segment--unallocated`,
                segment && !segment.inUse && `${BLOCK}__compute-segment--free`,
                index >= layout.computeTotal && `${BLOCK}__compute-segment--over`,
              )}
            />
          );
        })}
      </div>
      {over > 0 && (
        <div className={`${BLOCK}__problem-text`}>
          {t('{{over}} compute slices more than the GPU has', { over })}
        </div>
      )}
    </div>
  );
};

const PredictedNote = ({ compact, t }: { compact: boolean; t: Translate }) => (
  <Popover
    headerContent={t('Predicted placement')}
    bodyContent={t(
      'mig-parted asks the driver for instances without positions, and the driver chooses where each one starts. This map shows a legal packing of the configured instances; the exact memory slices on the node may differ.',
    )}
  >
    <Button
      variant={compact ? 'plain' : 'link'}
      isInline={!compact}
      size="sm"
      icon={<OutlinedQuestionCircleIcon />}
      aria-label={compact ? t('Predicted placement') : undefined}
      className={`${BLOCK}__predicted`}
    >
      {compact ? undefined : t('Predicted placement')}
    </Button>
  </Popover>
);

/** Memory-slice numbers over the grid columns; the caption row also carries the predicted note. */
const MemoryAxis = ({
  units,
  compact,
  note,
  t,
}: {
  units: number;
  compact: boolean;
  note?: React.ReactNode;
  t: Translate;
}) => (
  <div>
    {!compact && (
      <div className={`${BLOCK}__axis-caption`}>
        <span aria-hidden="true">{t('Memory slices')}</span>
        {note}
      </div>
    )}
    <div className={`${BLOCK}__axis`} style={gridColumns(units)} aria-hidden="true">
      {Array.from({ length: units }, (_, unit) => (
        <span key={unit} className={`${BLOCK}__axis-tick`}>
          {unit + 1}
        </span>
      ))}
    </div>
  </div>
);

/** Instances of an undrawable GPU (unknown model), as a plain list so no data is hidden. */
const InstanceList = ({
  instances,
  descriptions,
  t,
}: {
  instances: SliceMapInstance[];
  descriptions: string[];
  t: Translate;
}) => (
  <ul className={`${BLOCK}__plain-list`}>
    {instances.map((instance, index) => (
      <li key={index} className={`${BLOCK}__plain-item`}>
        <span className="pf-v6-screen-reader">{descriptions[index]}</span>
        <span aria-hidden="true" className={`${BLOCK}__plain-item-content`}>
          <span className={`${BLOCK}__profile-full`}>{instance?.profile}</span>
          <UsageMark inUse={instanceUsage(instance ?? {})} t={t} />
        </span>
      </li>
    ))}
  </ul>
);

/**
 * One GPU drawn as its MIG placement grid: each instance a block at its (predicted) start and size,
 * coloured by compute slices, in use or free by fill, icon and text, with the unallocated units
 * dashed, the compute budget as a bar below and a text description for screen readers.
 */
export const SliceMap = (props: SliceMapProps) => {
  const {
    model,
    gpuIndex,
    instances: rawInstances,
    migEnabled,
    wholeGpuInUse,
    state,
    predicted = true,
    title,
    compact = false,
    highlightInstanceIds,
    highlightLabel,
    onInstanceClick,
    className,
  } = props;
  const { t: i18nT } = usePluginTranslation();
  const t = i18nT as Translate;
  const instances = React.useMemo(
    () => (Array.isArray(rawInstances) ? rawInstances : []),
    [rawInstances],
  );
  const units = gridUnitsOf(model);
  const layout = React.useMemo(
    () =>
      units !== undefined && model && migEnabled
        ? layoutSliceMap(instances, units, model.computeSlices)
        : undefined,
    [instances, units, model, migEnabled],
  );
  const description = sliceMapDescription({ ...props, instances, predicted }, t);
  const highlighted = new Set(highlightInstanceIds ?? []);
  const markerText = highlightLabel ?? t('Changed');
  const [titleId] = React.useState(() => `${BLOCK}-title-${(nextTitleId += 1)}`);

  const heading =
    title ??
    (model
      ? t('GPU {{gpu}} · {{model}}', {
          gpu: gpuIndex,
          model: shortModelName(model),
          interpolation: { escapeValue: false },
        })
      : t('GPU {{gpu}}', { gpu: gpuIndex }));

  const headerActions = (
    <div className={`${BLOCK}__header-actions`}>
      {state && (
        <Label
          isCompact
          status={HEALTH_STATE_STATUS[state]}
          className={`${BLOCK}__state`}
          variant={state === 'disabled' ? 'outline' : 'filled'}
        >
          {healthStateText(t, state)}
        </Label>
      )}
      {compact && predicted && layout && <PredictedNote compact t={t} />}
    </div>
  );

  let body: React.ReactNode;
  if (!migEnabled) {
    const drawnUnits = units ?? 1;
    body = (
      <>
        {units !== undefined && <MemoryAxis units={units} compact={compact} t={t} />}
        <ul className={`${BLOCK}__grid`} style={gridColumns(drawnUnits)}>
          <SliceBlock
            description={description.wholeGpu}
            className={classes(
              `${BLOCK}__slice`,
              `${BLOCK}__slice--whole`,
              wholeGpuInUse === true ? `${BLOCK}__slice--in-use` : `${BLOCK}__slice--free`,
            )}
            style={{ gridColumn: `1 / span ${drawnUnits}` }}
          >
            <span className={`${BLOCK}__profile`}>{t('MIG disabled (whole GPU)')}</span>
            <UsageMark inUse={wholeGpuInUse ?? false} t={t} />
          </SliceBlock>
        </ul>
      </>
    );
  } else if (!layout || units === undefined) {
    body = (
      <>
        <Alert
          variant="warning"
          isInline
          isPlain
          component="p"
          title={t('Unknown GPU model')}
          className={`${BLOCK}__fallback`}
        >
          {t(
            'The slice map needs the placement grid of a known GPU model, and this GPU does not match any model in the catalog.',
          )}
        </Alert>
        {instances.length > 0 && (
          <InstanceList instances={instances} descriptions={description.instances} t={t} />
        )}
      </>
    );
  } else {
    body = (
      <>
        <MemoryAxis
          units={units}
          compact={compact}
          note={predicted && !compact ? <PredictedNote compact={false} t={t} /> : undefined}
          t={t}
        />
        <ul
          className={`${BLOCK}__grid`}
          style={{ ...gridColumns(units), gridTemplateRows: `repeat(${layout.lanes}, auto)` }}
        >
          {layout.placed.map((slice) => (
            <InstanceBlock
              key={`instance-${slice.index}`}
              slice={slice}
              description={description.instances[slice.index]}
              computeTotal={layout.computeTotal}
              compact={compact}
              highlightLabel={highlighted.has(slice.instance.id) ? markerText : undefined}
              onInstanceClick={onInstanceClick}
              t={t}
            />
          ))}
          {layout.freeRuns.map((run, index) => (
            <SliceBlock
              key={`free-${run.start}`}
              description={description.freeRuns[index]}
              className={classes(`${BLOCK}__slice`, `${BLOCK}__slice--unallocated`)}
              style={{ gridColumn: `${run.start + 1} / span ${run.size}`, gridRow: 1 }}
            >
              <span className={`${BLOCK}__unallocated-text`}>{t('Unallocated')}</span>
            </SliceBlock>
          ))}
        </ul>
        {description.problems.length > 0 && (
          <Alert
            variant="danger"
            isInline
            isPlain
            component="p"
            title={t('The reported instances do not fit this GPU')}
            className={`${BLOCK}__problems`}
          >
            <ul className={`${BLOCK}__problem-list`}>
              {description.problems.map((problem, index) => (
                <li key={index}>{problem}</li>
              ))}
            </ul>
          </Alert>
        )}
        <ComputeBar layout={layout} compact={compact} t={t} />
      </>
    );
  }

  return (
    <Card
      component="figure"
      isCompact={compact}
      aria-labelledby={titleId}
      aria-describedby={`${titleId}-summary`}
      className={classes(
        BLOCK,
        compact && `${BLOCK}--compact`,
        state && `${BLOCK}--${state}`,
        className,
      )}
    >
      <CardHeader actions={{ actions: headerActions, hasNoOffset: true }}>
        <CardTitle id={titleId} className={`${BLOCK}__title`}>
          {heading}
        </CardTitle>
      </CardHeader>
      <CardBody className={`${BLOCK}__body`}>
        <p id={`${titleId}-summary`} className="pf-v6-screen-reader">
          {description.summary}
        </p>
        {body}
      </CardBody>
      {layout && (
        <CardFooter className={`${BLOCK}__footer`}>
          <Content component="small">
            {t(
              '{{instances}} instances, {{inUse}} in use · {{computeUsed}}/{{computeTotal}} compute slices · {{unitsUsed}}/{{units}} memory slices allocated',
              {
                instances: layout.instanceCount,
                inUse: layout.inUseCount,
                computeUsed: layout.computeUsed,
                computeTotal: layout.computeTotal,
                unitsUsed: layout.unitsUsed,
                units: layout.units,
              },
            )}
          </Content>
        </CardFooter>
      )}
    </Card>
  );
};

export default SliceMap;
