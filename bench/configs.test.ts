import { runConfigBench } from './configs';

// Runs the bench on a tiny fleet so it cannot rot; figures are never asserted (shared machine).
// The counts are: the fleet cycles every config name over every model, so an engine that called
// every label valid (or every one invalid) would be wrong, and so would this test's numbers.
it('runs the config bench end to end on a small fleet and judges its labels both ways', async () => {
  const result = await runConfigBench({ fleetSize: 40, previewNodes: 10, minMs: 5 });
  expect(result.configNames).toBe(81);
  expect(result.fleetNodes).toBe(40);
  expect(result.fleetModels).toBeGreaterThan(1);
  expect(result.previewNodes).toBe(10);
  expect(result.fleetDistinctHardware).toBeGreaterThan(1);
  expect(result.fleetInvalidLabels).toBeGreaterThan(0);
  expect(result.fleetInvalidLabels).toBeLessThan(result.fleetNodes);
  expect(result.previewApplicable).toBeGreaterThan(0);
  expect(result.previewApplicable).toBeLessThan(result.previewNodes);
});
