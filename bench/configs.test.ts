import { runConfigBench } from './configs';

// Runs the bench on a tiny fleet so it cannot rot; figures are never asserted (shared machine).
it('runs the config bench end to end on a small fleet', async () => {
  const result = await runConfigBench({ fleetSize: 40, previewNodes: 10, minMs: 5 });
  expect(result.configNames).toBe(81);
  expect(result.fleetNodes).toBe(40);
  expect(result.previewNodes).toBe(10);
  expect(result.fleetDistinctHardware).toBeGreaterThan(1);
  expect(result.fleetInvalidLabels).toBeLessThanOrEqual(40);
  expect(result.previewApplicable).toBeLessThanOrEqual(10);
});
