import {
  Alert,
  Card,
  CardBody,
  CardTitle,
  Content,
  Stack,
  StackItem,
  Title,
} from '@patternfly/react-core';
import { Table, Tbody, Td, Th, Thead, Tr } from '@patternfly/react-table';
import {
  IDLE_WINDOW_MS,
  type IdleSlice,
  type InstanceUsageIndex,
  type ProfileUse,
} from '../../cluster/instanceUsage';
import { usePluginTranslation } from '../../hooks/usePluginTranslation';
import { durationText } from '../text/timeText';
import type { Translate } from '../text/translate';
import { useInstanceUsage } from './InstanceUsageContext';
import { activityPercent, idleForText, usageProblemText } from './usageText';

const ProfileName = ({ profile, t }: { profile: string; t: Translate }) =>
  profile ? <code>{profile}</code> : <>{t('Whole GPU')}</>;

const ProfileUseTable = ({ profiles, t }: { profiles: ProfileUse[]; t: Translate }) => (
  <Table aria-label={t('Use per profile')} variant="compact">
    <Thead>
      <Tr>
        <Th modifier="wrap">{t('Profile')}</Th>
        <Th modifier="wrap">{t('Slices reporting')}</Th>
        <Th>{t('Allocated')}</Th>
        <Th modifier="wrap">{t('Allocated and idle now')}</Th>
        <Th modifier="wrap">{t('Average engine activity')}</Th>
      </Tr>
    </Thead>
    <Tbody>
      {profiles.map((use) => (
        <Tr key={use.profile}>
          <Td dataLabel={t('Profile')}>
            <ProfileName profile={use.profile} t={t} />
          </Td>
          <Td dataLabel={t('Slices reporting')}>{use.devices}</Td>
          <Td dataLabel={t('Allocated')}>{use.allocated}</Td>
          <Td dataLabel={t('Allocated and idle now')}>{use.idleNow}</Td>
          <Td dataLabel={t('Average engine activity')}>
            {t('{{percent}}%', { percent: activityPercent(use.averageActivity) })}
          </Td>
        </Tr>
      ))}
    </Tbody>
  </Table>
);

const IdleTable = ({ idle, t }: { idle: IdleSlice[]; t: Translate }) => (
  <Table aria-label={t('Allocated but idle for more than an hour')} variant="compact">
    <Thead>
      <Tr>
        <Th modifier="wrap">{t('Pod')}</Th>
        <Th modifier="wrap">{t('Namespace')}</Th>
        <Th modifier="wrap">{t('Node')}</Th>
        <Th modifier="wrap">{t('GPU')}</Th>
        <Th modifier="wrap">{t('Profile')}</Th>
        <Th modifier="wrap">{t('Idle')}</Th>
        <Th modifier="wrap">{t('Memory used')}</Th>
      </Tr>
    </Thead>
    <Tbody>
      {idle.map((slice) => {
        const { device } = slice;
        return (
          <Tr
            key={`${device.node}/${device.gpu}/${device.instanceId ?? ''}/${device.pod?.namespace}/${device.pod?.name}`}
          >
            <Td dataLabel={t('Pod')}>{device.pod?.name}</Td>
            <Td dataLabel={t('Namespace')}>{device.pod?.namespace}</Td>
            <Td dataLabel={t('Node')}>{device.node}</Td>
            <Td dataLabel={t('GPU')}>{device.gpu}</Td>
            <Td dataLabel={t('Profile')}>
              <ProfileName profile={device.profile ?? ''} t={t} />
            </Td>
            <Td dataLabel={t('Idle')}>{idleForText(t, slice)}</Td>
            <Td dataLabel={t('Memory used')}>
              {device.memoryUsedMiB === undefined
                ? t('Unknown')
                : t('{{memory}} MiB', { memory: Math.round(device.memoryUsedMiB) })}
            </Td>
          </Tr>
        );
      })}
    </Tbody>
  </Table>
);

const ReadyCard = ({ index, t }: { index: InstanceUsageIndex; t: Translate }) => (
  <Card data-test="slice-use-card">
    <CardTitle component="h2">{t('Slice use')}</CardTitle>
    <CardBody>
      <Stack hasGutter>
        <StackItem>
          <Content component="p">
            {t(
              'Engine activity of each MIG instance and whole GPU from the DCGM exporter, through Prometheus; it holds {{duration}} of data. Slices below 5% count as idle.',
              { duration: durationText(t, index.dataSpanMs) },
            )}
          </Content>
        </StackItem>
        <StackItem>
          <ProfileUseTable profiles={index.profiles} t={t} />
        </StackItem>
        <StackItem>
          <Title headingLevel="h3" size="md">
            {t('Allocated but idle for more than an hour')}
          </Title>
        </StackItem>
        <StackItem>
          {index.idle.length === 0 ? (
            <Content component="p">
              {index.dataSpanMs < IDLE_WINDOW_MS
                ? t('No allocated slice has been idle since metrics began ({{duration}}).', {
                    duration: durationText(t, index.dataSpanMs),
                  })
                : t('No allocated slice has been idle for the last hour.')}
            </Content>
          ) : (
            <Stack hasGutter>
              {index.dataSpanMs < IDLE_WINDOW_MS && (
                <Content component="small">
                  {t(
                    'Prometheus holds less than an hour of data: these slices have been idle since its metrics began.',
                  )}
                </Content>
              )}
              <IdleTable idle={index.idle} t={t} />
            </Stack>
          )}
        </StackItem>
      </Stack>
    </CardBody>
  </Card>
);

/**
 * The Overview's slice use: per profile, and the allocated slices that sit idle. When slice use
 * cannot be shown (no Prometheus, no exporter metrics, 403), one line saying so.
 */
export const SliceUseCard = () => {
  const { t } = usePluginTranslation();
  const usage = useInstanceUsage();
  if (!usage || usage.status === 'loading') return null;
  if (usage.status === 'ready') return <ReadyCard index={usage.index} t={t as Translate} />;
  return (
    <Alert
      isInline
      isPlain
      variant={usage.status === 'forbidden' ? 'warning' : 'info'}
      title={usageProblemText(t as Translate, usage.status)}
      data-test="slice-use-unavailable"
    />
  );
};
