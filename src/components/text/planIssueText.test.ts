import type { MigFailureCode } from '../../cluster/migManagerLog';
import { catalogueT } from './__fixtures__/catalogue';
import { planNodeApply } from '../../cluster/applyPlan';
import { BUILT_IN_SOURCE, a100x8DisabledNode, viewOf } from '../../cluster/__fixtures__/applyNodes';
import {
  indexRangesText,
  likelyFailureCauses,
  logFindingText,
  planIssueDetails,
  planIssueText,
} from './planIssueText';

const t = catalogueT();
const KILLS_EVERY_POD = /reboots the node.*kills every pod on it/s;

describe('reboot-on-failure', () => {
  it('says the node reboots and every pod on it is killed', () => {
    const text = planIssueText(
      t,
      {
        severity: 'warning',
        code: 'reboot-on-failure',
        details: [],
        reboot: { setting: 'on', modeChangeGpus: [0, 1] },
      },
      'all-balanced',
    );
    expect(text.title).toBe('A failed MIG mode change reboots this node');
    expect(text.body).toContain('WITH_REBOOT=true');
    expect(text.body).toContain('on GPU 0, 1');
    expect(text.body).toContain('The reboot kills every pod on the node, not only GPU pods.');
  });

  it('says "may" when WITH_REBOOT cannot be read or the mode change cannot be predicted', () => {
    const text = planIssueText(
      t,
      {
        severity: 'warning',
        code: 'reboot-on-failure',
        details: [],
        reboot: { setting: 'unknown', value: 'valueFrom', modeChangeGpus: [] },
      },
      'all-balanced',
    );
    expect(text.title).toBe('A failed MIG mode change may reboot this node');
    expect(text.body).toContain('to valueFrom, which the plugin cannot read');
    expect(text.body).toContain('cannot be predicted');
  });
});

describe('the failure explainer and WITH_REBOOT', () => {
  const codes: MigFailureCode[] = [
    'in-use',
    'nvidia-drm',
    'gpu-reset',
    'insufficient-resources',
    'config-not-found',
    'invalid-config',
    'operand-not-stopping',
    'rebooting',
    'mode-not-applied-after-reboot',
  ];

  it.each(codes)('%s: never recommends WITH_REBOOT=true without the reboot warning', (code) => {
    const text = logFindingText(t, { code, evidence: '' });
    for (const part of [text.title, text.body ?? '', text.fix]) {
      if (part.includes('WITH_REBOOT=true')) expect(part).toMatch(KILLS_EVERY_POD);
    }
  });

  it('names WITH_REBOOT among the likely causes only with the warning', () => {
    for (const cause of likelyFailureCauses(t)) {
      if (cause.includes('WITH_REBOOT')) expect(cause).toMatch(KILLS_EVERY_POD);
    }
  });

  it('offers a way out of a failed GPU reset that needs no WITH_REBOOT', () => {
    expect(logFindingText(t, { code: 'gpu-reset', evidence: '' }).fix).toMatch(
      /^Drain the node and reboot it/,
    );
    expect(logFindingText(t, { code: 'nvidia-drm', evidence: '' }).fix).toMatch(
      /^Unload nvidia_drm/,
    );
  });
});

describe('unverified-layout details', () => {
  it('says a note shared by alike GPUs once, naming the GPUs as a range', () => {
    const node = viewOf(a100x8DisabledNode('a100-80-02'), 'mixed');
    const plan = planNodeApply(node, 'all-balanced', 'mixed', BUILT_IN_SOURCE);
    const unverified = plan.issues.find((issue) => issue.code === 'unverified-layout');
    expect(unverified?.configIssues).toHaveLength(24);
    const details = planIssueDetails(t, unverified!);
    expect(details).toHaveLength(3);
    expect(details[0]).toMatch(
      /^GPUs 0–7 \(0x20B210DE\): \dg\.\d+gb on NVIDIA A100 80GB is inferred/,
    );
  });

  it('writes runs of three or more GPU indices as ranges', () => {
    expect(indexRangesText([7, 0, 1, 2, 5, 6])).toBe('0–2, 5–7');
    expect(indexRangesText([0, 1, 4])).toBe('0, 1, 4');
  });
});
