import { planProfileRequest } from '../../cluster/availability';
import { catalogueT } from './__fixtures__/catalogue';
import { nodeLeftOutReasonText, profileRequestIssueText } from './profileRequestText';

const t = catalogueT();
const marked = catalogueT(true);

describe('profileRequestIssueText', () => {
  it.each([
    [
      'not-a-profile',
      planProfileRequest([], 'big-gpu', 1, 'mixed'),
      "'big-gpu' is not a MIG profile (e.g. 1g.10gb) or a GPU resource name",
    ],
    [
      'strategy-none',
      planProfileRequest([], '1g.10gb', 1, 'none'),
      'The cluster MIG strategy is none: MIG instances are not advertised as resources. Set spec.mig.strategy to mixed (or single) in the ClusterPolicy.',
    ],
    [
      'bad-count',
      planProfileRequest([], '1g.10gb', 1.5, 'mixed'),
      'ask for a whole number of instances (got 1.5)',
    ],
  ])('words %s', (kind, plan, words) => {
    expect(plan.issues.map((issue) => issue.kind)).toEqual([kind]);
    expect(plan.issues.map((issue) => profileRequestIssueText(t, issue))).toEqual([words]);
    expect(profileRequestIssueText(marked, plan.issues[0])).toMatch(/^«.*»$/);
  });

  it('keeps what the user typed inside the translated words', () => {
    const plan = planProfileRequest([], 'big-gpu', 0, 'mixed');
    expect(plan.issues.map((issue) => profileRequestIssueText(marked, issue))).toEqual([
      "«'big-gpu' is not a MIG profile (e.g. 1g.10gb) or a GPU resource name»",
      '«ask for a whole number of instances (got 0)»',
    ]);
  });
});

describe('nodeLeftOutReasonText', () => {
  it.each(['cordoned', 'failed', 'changing', 'gpus-in-use'] as const)(
    'words %s through the catalogue',
    (why) => {
      expect(nodeLeftOutReasonText(marked, why)).toMatch(/^«[a-z].*»$/);
    },
  );
});
