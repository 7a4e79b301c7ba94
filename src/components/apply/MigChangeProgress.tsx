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
import { statusOfError, changeMigConfig, uncordonNode } from '../../hooks/useApplyMigConfig';
import {
  useFollowMigChange,
  useMigManagerLog,
  type FollowPhase,
  type FollowTarget,
  type NodeFollow,
} from '../../hooks/useFollowMigChange';
import { useNodePatchAccess } from '../../hooks/useMigWriteAccess';
import { usePluginTranslation } from '../../hooks/usePluginTranslation';
import type { GpuNodeView } from '../../cluster/types';
import { likelyFailureCauses, logFindingText, type Translate } from './planIssueText';
import { dataErrorText } from '../text/dataErrorText';

export type { FollowTarget };

interface MigChangeProgressProps {
  targets: FollowTarget[];
  /** Live node views (from `useGpuNodeViews` or `useGpuNodeView`). */
  views: GpuNodeView[];
  /** The GPU operator namespace (where the mig-manager pods run). */
  namespace: string;
}

const PHASE_STATUS: Record<FollowPhase, 'success' | 'danger' | 'warning' | 'info' | undefined> = {
  waiting: 'info',
  pending: 'info',
  rebooting: 'info',
  stuck: 'warning',
  success: 'success',
  failed: 'danger',
  superseded: 'warning',
  gone: 'warning',
};

function phaseText(t: Translate, phase: FollowPhase): string {
  switch (phase) {
    case 'waiting':
      return t('Waiting for the mig-manager');
    case 'pending':
      return t('Pending');
    case 'rebooting':
      return t('Rebooting');
    case 'stuck':
      return t('Stuck in pending');
    case 'success':
      return t('Success');
    case 'failed':
      return t('Failed');
    case 'superseded':
      return t('Label changed by someone else');
    default:
      return t('Node not found');
  }
}

function phaseExplanation(t: Translate, follow: NodeFollow): string {
  switch (follow.phase) {
    case 'waiting':
      return t('The label is written; the mig-manager on the node has not reported yet.');
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
      return t('nvidia.com/mig.config now reads {{config}}; this change is no longer followed.', {
        config: follow.view?.migConfig ?? '',
      });
    default:
      return t('The node is no longer in the list of GPU nodes.');
  }
}

const formatElapsed = (ms: number) => {
  const seconds = Math.floor(ms / 1000);
  const minutes = Math.floor(seconds / 60);
  return minutes > 0 ? `${minutes} min ${seconds % 60} s` : `${seconds} s`;
};

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

const NodeProgress = ({ follow, namespace, canPatch, onRetarget }: NodeProgressProps) => {
  const { t } = usePluginTranslation();
  const { target, phase } = follow;
  const [busy, setBusy] = React.useState(false);
  const [error, setError] = React.useState<string>();
  const [uncordoned, setUncordoned] = React.useState(false);
  const previous = target.previousConfig;
  const via = previous && previous !== target.configName ? previous : ALL_DISABLED_CONFIG;

  const run = async (action: () => Promise<void>) => {
    setBusy(true);
    setError(undefined);
    try {
      await action();
    } catch (caught) {
      const { status, message } = statusOfError(caught);
      setError(
        status === 'conflict'
          ? t('The label changed meanwhile; nothing was overwritten. ({{message}})', { message })
          : status === 'forbidden'
            ? t('You are not allowed to patch this node. ({{message}})', { message })
            : message,
      );
    } finally {
      setBusy(false);
    }
  };

  const goBack = (config: string) =>
    run(async () => {
      await changeMigConfig(target.nodeName, target.configName, config);
      onRetarget({
        nodeName: target.nodeName,
        configName: config,
        startedAt: new Date().toISOString(),
        initialState: follow.view?.migConfigState ?? 'unknown',
        previousConfig: target.configName,
        ...(target.cordonedByPlugin ? { cordonedByPlugin: true } : {}),
      });
    });

  const retry = () =>
    run(async () => {
      await changeMigConfig(target.nodeName, target.configName, via);
      onRetarget({
        nodeName: target.nodeName,
        configName: via,
        startedAt: new Date().toISOString(),
        initialState: follow.view?.migConfigState ?? 'unknown',
        ...(previous !== undefined ? { previousConfig: previous } : {}),
        ...(target.cordonedByPlugin ? { cordonedByPlugin: true } : {}),
        thenApply: target.configName,
      });
    });

  const settled = phase === 'failed' || phase === 'stuck';
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
              <Label status={PHASE_STATUS[phase]} data-test="mig-progress-phase">
                {phaseText(t, phase)}
              </Label>
            </FlexItem>
            <FlexItem>
              <Content component="small">{formatElapsed(follow.elapsedMs)}</Content>
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
        {target.thenApply && phase !== 'failed' && (
          <Content component="p">
            {t(
              'Retry, step 1 of 2: the mig-manager reacts only to a change of the label value, so it is first set to {{via}}; once that settles it is set back to {{config}}.',
              { via: target.configName, config: target.thenApply },
            )}
          </Content>
        )}
        {target.thenApply && phase === 'failed' && (
          <Alert isInline variant="danger" title={t('The retry stopped at step 1')}>
            {t(
              'Setting the label to {{via}} failed too, so {{config}} was not set again. The node is now labelled {{via}}.',
              {
                via: target.configName,
                config: target.thenApply,
              },
            )}
          </Alert>
        )}
        {settled && <Diagnosis follow={follow} namespace={namespace} />}
        {settled && (
          <Flex className="gpu-partitioning-apply__issue" spaceItems={{ default: 'spaceItemsSm' }}>
            {previous && previous !== target.configName && (
              <FlexItem>
                <Button
                  variant="secondary"
                  isDisabled={!canPatch || busy}
                  onClick={() => void goBack(previous)}
                >
                  {t('Back to {{config}}', { config: previous })}
                </Button>
              </FlexItem>
            )}
            <FlexItem>
              <Button
                variant="primary"
                isDisabled={!canPatch || busy}
                isLoading={busy}
                onClick={() => void retry()}
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
          </Flex>
        )}
        {phase === 'success' && target.cordonedByPlugin && !uncordoned && (
          <Button
            variant="secondary"
            isDisabled={!canPatch || busy}
            onClick={() =>
              void run(async () => {
                await uncordonNode(target.nodeName);
                setUncordoned(true);
              })
            }
          >
            {t('Uncordon {{node}}', { node: target.nodeName })}
          </Button>
        )}
        {!canPatch && settled && (
          <Content component="small">{t('You are not allowed to patch nodes.')}</Content>
        )}
        {error && (
          <Alert isInline variant="danger" title={t('The recovery was not written')}>
            {error}
          </Alert>
        )}
      </CardBody>
    </Card>
  );
};

/**
 * Follows label changes node by node (waiting → pending → rebooting → success/failed, elapsed
 * time), explains failures from the mig-manager log and offers recovery in one action.
 */
export const MigChangeProgress = ({ targets, views, namespace }: MigChangeProgressProps) => {
  const access = useNodePatchAccess();
  const [current, setCurrent] = React.useState(targets);
  React.useEffect(() => setCurrent(targets), [targets]);
  const follows = useFollowMigChange(current, views);
  const retarget = React.useCallback((next: FollowTarget) => {
    setCurrent((list) => list.map((target) => (target.nodeName === next.nodeName ? next : target)));
  }, []);

  // Second step of a retry: once the interim value settled, set the config again.
  const stepping = React.useRef(new Set<string>());
  React.useEffect(() => {
    for (const follow of follows) {
      const { target } = follow;
      const key = `${target.nodeName}|${target.startedAt}`;
      if (!target.thenApply || follow.phase !== 'success' || stepping.current.has(key)) continue;
      stepping.current.add(key);
      const next = target.thenApply;
      changeMigConfig(target.nodeName, target.configName, next)
        .then(() => {
          const retried: FollowTarget = {
            nodeName: target.nodeName,
            configName: next,
            startedAt: new Date().toISOString(),
            initialState: 'success',
            previousConfig: target.configName,
          };
          if (target.cordonedByPlugin) retried.cordonedByPlugin = true;
          retarget(retried);
        })
        .catch(() => {
          // The label moved meanwhile: the follow shows it as superseded.
          stepping.current.delete(key);
        });
    }
  }, [follows, retarget]);

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
