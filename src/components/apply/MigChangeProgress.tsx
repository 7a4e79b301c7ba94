import {
  Alert,
  Button,
  Card,
  CardBody,
  CardHeader,
  CardTitle,
  Content,
  ExpandableSection,
  Flex,
  FlexItem,
  Label,
  Spinner,
} from '@patternfly/react-core';
import * as React from 'react';
import { ALL_DISABLED_CONFIG } from '../../cluster/applyPlan';
import { statusOfError, type WriteStatus } from '../../cluster/writeErrors';
import { uncordonNode } from '../../hooks/useApplyMigConfig';
import {
  changeFollowedMigConfig,
  useFollowMigChange,
  useMigManagerLog,
  type FollowTarget,
  type NodeFollow,
} from '../../hooks/useFollowMigChange';
import { useNodePatchAccess } from '../../hooks/useMigWriteAccess';
import { useMountedRef } from '../../hooks/useMountedRef';
import { usePluginTranslation } from '../../hooks/usePluginTranslation';
import type { GpuNodeView } from '../../cluster/types';
import { likelyFailureCauses, logFindingText } from '../text/planIssueText';
import type { Translate } from '../text/translate';
import { dataErrorText } from '../text/dataErrorText';
import { FOLLOW_PHASE_STATUS, followPhaseText } from '../text/stateText';
import { clockTime, durationText } from '../text/timeText';

export type { FollowTarget };

interface MigChangeProgressProps {
  targets: FollowTarget[];
  /** Live node views (from `useGpuNodeViews` or `useGpuNodeView`). */
  views: GpuNodeView[];
  /** The GPU operator namespace (where the mig-manager pods run). */
  namespace: string;
}

function phaseExplanation(t: Translate, follow: NodeFollow): string {
  switch (follow.phase) {
    case 'waiting':
      return follow.viewLags
        ? t(
            'The label is written; this page has not received the changed node yet (it still shows {{config}} from before the write).',
            { config: follow.view?.migConfig ?? '' },
          )
        : t('The label is written; the mig-manager on the node has not reported yet.');
    case 'pending':
      return t(
        'The mig-manager paused the GPU operands on the node (device plugin, GFD, DCGM) and is repartitioning the GPUs. The node advertises no GPUs meanwhile.',
      );
    case 'rebooting':
      return t(
        'The MIG mode change needs a reboot (WITH_REBOOT=true); the state is re-evaluated after boot.',
      );
    case 'stuck':
      return t(
        'Pending for longer than the mig-manager waits for operands to stop (5 minutes each). It gives up without writing a state, so the node can stay pending. Its log says what it waits for.',
      );
    case 'success':
      return t('The mig-manager applied the config and restarted the GPU operands.');
    case 'failed':
      return t(
        'The mig-manager could not apply the config, restored the GPU operands and wrote failed. Setting the same value again does not retry.',
      );
    case 'superseded':
      return follow.supersededBy === undefined
        ? t('nvidia.com/mig.config was removed; this change is no longer followed.')
        : t('nvidia.com/mig.config now reads {{config}}; this change is no longer followed.', {
            config: follow.supersededBy,
          });
    default:
      return t('The node is no longer in the list of GPU nodes.');
  }
}

/** What usually makes a change fail, for when the log cannot tell. */
const LikelyCauses = () => {
  const { t } = usePluginTranslation();
  return (
    <>
      <p>{t('Likely causes:')}</p>
      <ul>
        {likelyFailureCauses(t).map((cause) => (
          <li key={cause}>{cause}</li>
        ))}
      </ul>
    </>
  );
};

interface DiagnosisProps {
  follow: NodeFollow;
  namespace: string;
}

/** Why it failed (or stalls): the mig-manager's log mapped to a cause and a fix. */
const Diagnosis = ({ follow, namespace }: DiagnosisProps) => {
  const { t } = usePluginTranslation();
  const log = useMigManagerLog(
    follow.target.nodeName,
    namespace,
    true,
    `${follow.view?.migConfigState ?? ''}|${follow.view?.resourceVersion ?? ''}`,
  );
  if (!log.allowed && !log.loading) {
    return (
      <Alert
        isInline
        variant="info"
        title={t('The reason is in the mig-manager log, which you may not read')}
      >
        <LikelyCauses />
      </Alert>
    );
  }
  if (log.loading && !log.reading)
    return <Spinner size="md" aria-label={t('Reading the mig-manager log')} />;
  const findings = log.reading?.findings ?? [];
  return (
    <div>
      {findings.length === 0 ? (
        <Alert
          isInline
          variant={follow.phase === 'failed' ? 'danger' : 'warning'}
          title={
            log.error
              ? t('The mig-manager log could not be read')
              : t('The mig-manager log names no known cause')
          }
        >
          {log.error && <p>{dataErrorText(t, log.error)}</p>}
          <LikelyCauses />
        </Alert>
      ) : (
        findings.map((finding) => {
          const text = logFindingText(t, finding);
          return (
            <Alert
              key={finding.code}
              isInline
              variant={follow.phase === 'failed' ? 'danger' : 'warning'}
              title={text.title}
              className="gpu-partitioning-apply__issue"
            >
              {text.body && <p>{text.body}</p>}
              <p>
                <strong>{t('Fix:')}</strong> {text.fix}
              </p>
              <p>
                <code>{finding.evidence}</code>
              </p>
            </Alert>
          );
        })
      )}
      {log.reading && log.reading.lines.length > 0 && (
        <ExpandableSection
          toggleText={t('Show the log of pod {{pod}}', { pod: log.podName ?? '' })}
        >
          <pre className="gpu-partitioning-apply__log">{log.reading.lines.join('\n')}</pre>
        </ExpandableSection>
      )}
    </div>
  );
};

interface NodeProgressProps {
  follow: NodeFollow;
  namespace: string;
  canPatch: boolean;
  onRetarget: (next: FollowTarget) => void;
}

interface WriteFailure {
  status: WriteStatus;
  message: string;
}

/** A refused recovery write in words; `conflict` says what "changed meanwhile" means for it. */
function failureText(t: Translate, failure: WriteFailure, conflict: string): string {
  const { status, message } = failure;
  if (status === 'conflict') return `${conflict} (${message})`;
  if (status === 'forbidden') {
    return t('You are not allowed to patch this node. ({{message}})', { message });
  }
  return message;
}

/** One recovery write at a time, its refusal kept for the card. */
const useRecoveryWrite = () => {
  const mounted = useMountedRef();
  const [busy, setBusy] = React.useState(false);
  const [failure, setFailure] = React.useState<WriteFailure & { conflict: string }>();
  const run = async (action: () => Promise<void>, conflict: string) => {
    setBusy(true);
    setFailure(undefined);
    try {
      await action();
    } catch (caught) {
      if (mounted.current) setFailure({ ...statusOfError(caught), conflict });
    } finally {
      if (mounted.current) setBusy(false);
    }
  };
  return { busy, failure, run };
};

/** The follow of a label value just written by a recovery action. */
const retargeted = (
  from: FollowTarget,
  configName: string,
  written: { writtenResourceVersion?: string },
  extra: Partial<FollowTarget>,
): FollowTarget => ({
  nodeName: from.nodeName,
  configName,
  startedAt: new Date().toISOString(),
  initialState: 'unknown',
  ...written,
  ...(from.cordonedByPlugin ? { cordonedByPlugin: true } : {}),
  ...extra,
});

/**
 * A retry's second step: once the interim value settled, set the config again. Sent by itself
 * once; after a refusal only on a click, so a failing write is never repeated behind the user's
 * back (the follow re-renders every second).
 */
const useRetryStepTwo = (follow: NodeFollow, onRetarget: (next: FollowTarget) => void) => {
  const { target, phase } = follow;
  const key = `${target.nodeName}|${target.startedAt}`;
  const mounted = useMountedRef();
  const sentFor = React.useRef<string>();
  const [attempt, setAttempt] = React.useState<{ key: string; failure?: WriteFailure }>();
  const send = React.useCallback(() => {
    const next = target.thenApply;
    if (!next) return;
    sentFor.current = key;
    setAttempt({ key });
    changeFollowedMigConfig(target.nodeName, target.configName, next).then(
      (written) => {
        if (!mounted.current) return;
        onRetarget(
          retargeted(target, next, written, {
            initialState: 'success',
            previousConfig: target.configName,
          }),
        );
      },
      (caught: unknown) => {
        if (mounted.current) setAttempt({ key, failure: statusOfError(caught) });
      },
    );
  }, [target, key, onRetarget, mounted]);
  React.useEffect(() => {
    if (target.thenApply && phase === 'success' && sentFor.current !== key) send();
  }, [target.thenApply, phase, key, send]);
  const current = attempt?.key === key ? attempt : undefined;
  return {
    sending: current !== undefined && current.failure === undefined,
    failure: current?.failure,
    send,
  };
};

interface StepTwoFailureProps {
  follow: NodeFollow;
  failure: WriteFailure;
  canRetry: boolean;
  sending: boolean;
  onRetry: () => void;
}

/** Step 2 of a retry was refused: what the node has now, why, and what to do. */
const StepTwoFailure = ({ follow, failure, canRetry, sending, onRetry }: StepTwoFailureProps) => {
  const { t } = usePluginTranslation();
  const { target } = follow;
  const config = target.thenApply ?? '';
  const via = target.configName;
  const conflict = failure.status === 'conflict';
  return (
    <Alert
      isInline
      variant="danger"
      title={t('The retry stopped at step 2: {{config}} was not set again', { config })}
      data-test="mig-progress-step-two-failed"
    >
      {conflict ? (
        <p>
          {t(
            'The label changed meanwhile; nothing was overwritten. The state above says what the node carries now.',
          )}
        </p>
      ) : (
        <>
          <p>
            {via === ALL_DISABLED_CONFIG
              ? t(
                  '{{node}} is now labelled {{via}}, the interim value of the retry: MIG is disabled on its GPUs.',
                  { node: target.nodeName, via },
                )
              : t('{{node}} is now labelled {{via}}, the interim value of the retry.', {
                  node: target.nodeName,
                  via,
                })}
          </p>
          <p>{failureText(t, failure, '')}</p>
          <p>
            {t(
              'Set {{config}} again to finish the retry, or leave the node at {{via}} and apply another config later.',
              { config, via },
            )}
          </p>
          <Button
            variant="primary"
            isDisabled={!canRetry || sending}
            isLoading={sending}
            onClick={onRetry}
          >
            {t('Set {{config}} again', { config })}
          </Button>
        </>
      )}
    </Alert>
  );
};

interface RetryNoteProps {
  follow: NodeFollow;
  stepTwo: ReturnType<typeof useRetryStepTwo>;
  canPatch: boolean;
}

/** Where a two-step retry stands. */
const RetryNote = ({ follow, stepTwo, canPatch }: RetryNoteProps) => {
  const { t } = usePluginTranslation();
  const { target, phase } = follow;
  if (!target.thenApply) return null;
  const values = { via: target.configName, config: target.thenApply };
  if (stepTwo.failure) {
    return (
      <StepTwoFailure
        follow={follow}
        failure={stepTwo.failure}
        canRetry={canPatch}
        sending={stepTwo.sending}
        onRetry={stepTwo.send}
      />
    );
  }
  if (phase === 'failed') {
    return (
      <Alert isInline variant="danger" title={t('The retry stopped at step 1')}>
        {t(
          'Setting the label to {{via}} failed too, so {{config}} was not set again. The node is now labelled {{via}}.',
          values,
        )}
      </Alert>
    );
  }
  if (phase === 'superseded' || phase === 'gone') return null;
  return (
    <Content component="p">
      {stepTwo.sending
        ? t('Retry, step 2 of 2: setting the label back to {{config}}.', values)
        : t(
            'Retry, step 1 of 2: the mig-manager reacts only to a change of the label value, so it is first set to {{via}}; once that settles it is set back to {{config}}.',
            values,
          )}
    </Content>
  );
};

interface RecoveryActionsProps {
  follow: NodeFollow;
  canPatch: boolean;
  busy: boolean;
  onBack: (config: string) => void;
  onRetry: () => void;
}

/** The config source has no config of that name: a retry can only fail again. */
const configMissing = (follow: NodeFollow) =>
  follow.view?.conditions.some((condition) => condition.facts?.code === 'config-not-found') ??
  false;

/** "Back to the previous config" and "Retry" (unless it cannot succeed), for a failed or stuck change. */
const RecoveryActions = ({ follow, canPatch, busy, onBack, onRetry }: RecoveryActionsProps) => {
  const { t } = usePluginTranslation();
  const { target } = follow;
  const previous = target.previousConfig;
  const via = previous && previous !== target.configName ? previous : ALL_DISABLED_CONFIG;
  return (
    <Flex className="gpu-partitioning-apply__issue" spaceItems={{ default: 'spaceItemsSm' }}>
      {previous && previous !== target.configName && (
        <FlexItem>
          <Button
            variant="secondary"
            isDisabled={!canPatch || busy}
            onClick={() => onBack(previous)}
          >
            {t('Back to {{config}}', { config: previous })}
          </Button>
        </FlexItem>
      )}
      {!configMissing(follow) && (
        <>
          <FlexItem>
            <Button
              variant="primary"
              isDisabled={!canPatch || busy}
              isLoading={busy}
              onClick={onRetry}
            >
              {t('Retry {{config}}', { config: target.configName })}
            </Button>
          </FlexItem>
          <FlexItem>
            <Content component="small">
              {t(
                'Retry sets the label to {{via}} and then back to {{config}}: two guarded writes, because the mig-manager ignores the same value written again.',
                { via, config: target.configName },
              )}
            </Content>
          </FlexItem>
        </>
      )}
    </Flex>
  );
};

const NodeProgress = ({ follow, namespace, canPatch, onRetarget }: NodeProgressProps) => {
  const { t } = usePluginTranslation();
  const { target, phase } = follow;
  const write = useRecoveryWrite();
  const stepTwo = useRetryStepTwo(follow, onRetarget);
  const [uncordoned, setUncordoned] = React.useState(false);
  const labelConflict = t('The label changed meanwhile; nothing was overwritten.');
  const initialState = follow.view?.migConfigState ?? 'unknown';

  const goBack = (config: string) =>
    void write.run(async () => {
      const written = await changeFollowedMigConfig(target.nodeName, target.configName, config);
      onRetarget(
        retargeted(target, config, written, { initialState, previousConfig: target.configName }),
      );
    }, labelConflict);

  const retry = () => {
    const previous = target.previousConfig;
    const via = previous && previous !== target.configName ? previous : ALL_DISABLED_CONFIG;
    void write.run(async () => {
      const written = await changeFollowedMigConfig(target.nodeName, target.configName, via);
      onRetarget(
        retargeted(target, via, written, {
          initialState,
          ...(previous !== undefined ? { previousConfig: previous } : {}),
          thenApply: target.configName,
        }),
      );
    }, labelConflict);
  };

  const uncordon = () =>
    void write.run(
      async () => {
        await uncordonNode(target.nodeName);
        setUncordoned(true);
      },
      t(
        "{{node}} is no longer cordoned with the plugin's mark (someone uncordoned it, or cordoned it themselves): nothing was changed.",
        { node: target.nodeName },
      ),
    );

  const settled = phase === 'failed' || phase === 'stuck';
  const cordonedForChange = target.cordonedByPlugin || follow.view?.cordonedForMigChange;
  return (
    <Card isCompact data-test={`mig-progress-${target.nodeName}`}>
      <CardHeader>
        <CardTitle>
          <Flex
            spaceItems={{ default: 'spaceItemsSm' }}
            alignItems={{ default: 'alignItemsCenter' }}
          >
            <FlexItem>{target.nodeName}</FlexItem>
            <FlexItem>
              <code>nvidia.com/mig.config={target.configName}</code>
            </FlexItem>
            <FlexItem>
              <Label status={FOLLOW_PHASE_STATUS[phase]} data-test="mig-progress-phase">
                {followPhaseText(t, phase)}
              </Label>
            </FlexItem>
            <FlexItem>
              <Content component="small" data-test="mig-progress-time">
                {follow.settledAt
                  ? t('at {{time}}', { time: clockTime(follow.settledAt) })
                  : t('for {{duration}}', { duration: durationText(t, follow.elapsedMs) })}
              </Content>
            </FlexItem>
            {(phase === 'pending' || phase === 'waiting' || phase === 'rebooting') && (
              <FlexItem>
                <Spinner size="sm" aria-label={t('In progress')} />
              </FlexItem>
            )}
          </Flex>
        </CardTitle>
      </CardHeader>
      <CardBody>
        <Content component="p">{phaseExplanation(t, follow)}</Content>
        <RetryNote follow={follow} stepTwo={stepTwo} canPatch={canPatch} />
        {settled && <Diagnosis follow={follow} namespace={namespace} />}
        {settled && (
          <RecoveryActions
            follow={follow}
            canPatch={canPatch}
            busy={write.busy}
            onBack={goBack}
            onRetry={retry}
          />
        )}
        {phase === 'success' && cordonedForChange && !uncordoned && (
          <Button variant="secondary" isDisabled={!canPatch || write.busy} onClick={uncordon}>
            {t('Uncordon {{node}}', { node: target.nodeName })}
          </Button>
        )}
        {!canPatch && settled && (
          <Content component="small">{t('You are not allowed to patch nodes.')}</Content>
        )}
        {write.failure && (
          <Alert isInline variant="danger" title={t('The recovery was not written')}>
            {failureText(t, write.failure, write.failure.conflict)}
          </Alert>
        )}
      </CardBody>
    </Card>
  );
};

/**
 * New targets from the owner, but a retry under way is kept: an owner that follows the node's
 * current value (the GPU tab) re-targets when step 1 writes the interim value, which would drop
 * step 2 and leave the node at the interim value.
 */
const keepRetriesInFlight = (followed: FollowTarget[], targets: FollowTarget[]): FollowTarget[] =>
  targets.map(
    (next) =>
      followed.find(
        (target) =>
          target.thenApply !== undefined &&
          target.nodeName === next.nodeName &&
          target.configName === next.configName,
      ) ?? next,
  );

/**
 * Follows label changes node by node (waiting → pending → rebooting → success/failed, elapsed
 * time), explains failures from the mig-manager log and offers recovery in one action.
 */
export const MigChangeProgress = ({ targets, views, namespace }: MigChangeProgressProps) => {
  const access = useNodePatchAccess();
  const [current, setCurrent] = React.useState(targets);
  React.useEffect(
    () => setCurrent((followed) => keepRetriesInFlight(followed, targets)),
    [targets],
  );
  const follows = useFollowMigChange(current, views);
  const retarget = React.useCallback((next: FollowTarget) => {
    setCurrent((list) => list.map((target) => (target.nodeName === next.nodeName ? next : target)));
  }, []);

  return (
    <div>
      {follows.map((follow) => (
        <div key={follow.target.nodeName} className="gpu-partitioning-apply__issue">
          <NodeProgress
            follow={follow}
            namespace={namespace}
            canPatch={access.allowed}
            onRetarget={retarget}
          />
        </div>
      ))}
    </div>
  );
};
