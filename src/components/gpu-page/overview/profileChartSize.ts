/**
 * The availability chart's height for this many profiles. Apart from the chart so the Overview can
 * size the chart's loading placeholder without loading the chart library.
 */
const BAR_HEIGHT = 36;

export const profileChartHeight = (profileCount: number) =>
  Math.max(140, profileCount * BAR_HEIGHT + 90);
