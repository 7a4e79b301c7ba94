import * as React from 'react';
import {
  Chart,
  ChartAxis,
  ChartBar,
  ChartLegend,
  ChartStack,
  ChartThemeColor,
  ChartTooltip,
} from '@patternfly/react-charts/victory';
import type { ProfileAvailability } from '../../../cluster/types';
import { usePluginTranslation } from '../../../hooks/usePluginTranslation';
import { useProfileName } from '../shared/StateLabels';
import { profileChartHeight } from './profileChartSize';

interface ProfileAvailabilityChartProps {
  profiles: ProfileAvailability[];
}

/** Victory writes label colours inline; a PF token keeps them readable in the dark theme too. */
const TEXT_FILL = 'var(--pf-t--global--text--color--regular)';

/**
 * In use / free per MIG profile across the cluster, as horizontal stacked bars. The same numbers
 * are in the table next to it; this only makes the shape visible at a glance.
 */
const ProfileAvailabilityChartView = ({ profiles }: ProfileAvailabilityChartProps) => {
  const { t } = usePluginTranslation();
  const profileName = useProfileName();
  const inUseLabel = t('In use');
  const freeLabel = t('Free');
  const height = profileChartHeight(profiles.length);
  const inUse = profiles.map((profile) => ({
    x: profileName(profile.profile),
    y: profile.inUse,
    label: t('{{profile}}: {{inUse}} in use', {
      profile: profileName(profile.profile),
      inUse: profile.inUse,
    }),
  }));
  const free = profiles.map((profile) => ({
    x: profileName(profile.profile),
    y: profile.free,
    label: t('{{profile}}: {{free}} free', {
      profile: profileName(profile.profile),
      free: profile.free,
    }),
  }));
  const description = profiles
    .map((profile) =>
      t('{{profile}}: {{inUse}} in use, {{free}} free of {{allocatable}}', {
        profile: profileName(profile.profile),
        inUse: profile.inUse,
        free: profile.free,
        allocatable: profile.allocatable,
      }),
    )
    .join('; ');

  return (
    <div className="gpu-partitioning-overview__chart">
      <Chart
        ariaTitle={t('MIG instances in use and free, per profile')}
        ariaDesc={description}
        horizontal
        domainPadding={{ x: [18, 18] }}
        height={height}
        width={640}
        padding={{ top: 16, bottom: 70, left: 110, right: 40 }}
        themeColor={ChartThemeColor.multiOrdered}
        legendData={[{ name: inUseLabel }, { name: freeLabel }]}
        legendPosition="bottom-left"
        legendComponent={<ChartLegend style={{ labels: { fill: TEXT_FILL } }} />}
      >
        <ChartAxis style={{ tickLabels: { fill: TEXT_FILL } }} />
        <ChartAxis
          dependentAxis
          showGrid
          style={{ tickLabels: { fill: TEXT_FILL } }}
          tickFormat={(tick: number) => (Number.isInteger(tick) ? tick : '')}
        />
        <ChartStack>
          <ChartBar
            data={inUse}
            barWidth={20}
            labelComponent={<ChartTooltip constrainToVisibleArea />}
          />
          <ChartBar
            data={free}
            barWidth={20}
            labelComponent={<ChartTooltip constrainToVisibleArea />}
          />
        </ChartStack>
      </Chart>
    </div>
  );
};

const sameBars = (a: ProfileAvailabilityChartProps, b: ProfileAvailabilityChartProps) =>
  a.profiles.length === b.profiles.length &&
  a.profiles.every(
    (row, index) =>
      row.profile === b.profiles[index].profile &&
      row.inUse === b.profiles[index].inUse &&
      row.free === b.profiles[index].free &&
      row.allocatable === b.profiles[index].allocatable,
  );

/**
 * Drawn again only when a bar changes: a Victory chart costs tens of milliseconds a render, and on
 * 1,000 nodes the summary object changes with every list page while the bars mostly do not.
 */
export const ProfileAvailabilityChart = React.memo(ProfileAvailabilityChartView, sameBars);
