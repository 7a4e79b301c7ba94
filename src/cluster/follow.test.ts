import {
  NEW_FOLLOW_MEMORY,
  READ_AFTER_WRITE_GRACE_MS,
  followPhase,
  needsReadAfterWrite,
  nodeFollow,
  rememberView,
  supersedingValue,
  viewLagsWrite,
  type FollowMemory,
  type FollowPhase,
  type FollowTarget,
  type FollowedNode,
} from './follow';
import type { GpuNodeView, MigConfigState } from './types';

/** One write to the node as the API server stored it. */
interface ServerEvent {
  atMs: number;
  resourceVersion: string;
  migConfig: string;
  state: MigConfigState;
  /** The node advertises what its config predicts (no drift). */
  matches?: boolean;
}

const node = (event: ServerEvent): FollowedNode => ({
  migConfig: event.migConfig,
  migConfigState: event.state,
  resourceVersion: event.resourceVersion,
  drift: event.matches ? [] : [{ resourceName: 'nvidia.com/mig-3g.40gb' }],
});

/**
 * What the console's view of the node shows over time: events are flushed every 500 ms
 * (`useK8sWatchResource` batches them); while the watch is down (`dropped` from..until) nothing
 * arrives, and 15 s after the drop the console re-lists, which shows only the latest object.
 */
function consoleView(
  events: ServerEvent[],
  dropped?: { fromMs: number },
): Array<{ atMs: number; view: FollowedNode }> {
  const FLUSH_MS = 500;
  const RELIST_AFTER_MS = 15_000;
  const delivered: Array<{ atMs: number; view: FollowedNode }> = [];
  for (const event of events) {
    if (dropped && event.atMs >= dropped.fromMs) continue;
    delivered.push({ atMs: Math.ceil((event.atMs + 1) / FLUSH_MS) * FLUSH_MS, view: node(event) });
  }
  if (dropped) {
    const relistAt = dropped.fromMs + RELIST_AFTER_MS;
    const latest = events.filter((event) => event.atMs <= relistAt).pop();
    if (latest) delivered.push({ atMs: relistAt, view: node(latest) });
    for (const event of events.filter((candidate) => candidate.atMs > relistAt)) {
      delivered.push({
        atMs: Math.ceil((event.atMs + 1) / FLUSH_MS) * FLUSH_MS,
        view: node(event),
      });
    }
  }
  return delivered;
}

/** The phases the progress shows as the views arrive (elapsed from the write's answer at 0 ms). */
function followThrough(
  target: FollowTarget,
  delivered: Array<{ atMs: number; view: FollowedNode }>,
): FollowPhase[] {
  let memory: FollowMemory = NEW_FOLLOW_MEMORY;
  return delivered.map(({ atMs, view }) => {
    memory = rememberView(memory, target, view);
    return followPhase(target, view, memory, atMs);
  });
}

const target: FollowTarget = {
  nodeName: 'a100-80-03',
  configName: 'all-balanced',
  startedAt: '2026-11-25T12:00:00.000Z',
  initialState: 'success',
  writtenResourceVersion: '1003',
};

/** Before the write: the kubelet's status updates (the view still delivers these after the PATCH answered). */
const BEFORE: ServerEvent[] = [
  { atMs: -400, resourceVersion: '1001', migConfig: 'all-disabled', state: 'success' },
  { atMs: -100, resourceVersion: '1002', migConfig: 'all-disabled', state: 'success' },
];
const WRITE: ServerEvent = {
  atMs: 0,
  resourceVersion: '1003',
  migConfig: 'all-balanced',
  state: 'success',
};
const RUN: ServerEvent[] = [
  { atMs: 2_000, resourceVersion: '1010', migConfig: 'all-balanced', state: 'pending' },
  {
    atMs: 40_000,
    resourceVersion: '1020',
    migConfig: 'all-balanced',
    state: 'success',
    matches: true,
  },
];

describe('following a change through a view that lags the write', () => {
  it('objects older than the write are not someone else’s change (500 ms flushes)', () => {
    // The PATCH answered at 0 ms; the view delivers 1001 and 1002 (old value) after that.
    const phases = followThrough(target, consoleView([...BEFORE, WRITE, ...RUN]));
    expect(phases).toEqual(['waiting', 'waiting', 'waiting', 'pending', 'success']);
    expect(phases).not.toContain('superseded');
  });

  it('a dropped watch re-listed after 15 s shows the change, never a false conflict', () => {
    const phases = followThrough(target, consoleView([...BEFORE, WRITE, ...RUN], { fromMs: -200 }));
    // 1001 before the drop, then the re-list (the run is pending by then), then success.
    expect(phases).toEqual(['waiting', 'pending', 'success']);
  });

  it('is a real conflict when another value follows the write in the view', () => {
    const theirs: ServerEvent = {
      atMs: 1_000,
      resourceVersion: '1004',
      migConfig: 'all-1g.10gb',
      state: 'success',
    };
    const delivered = consoleView([...BEFORE, WRITE, theirs]);
    expect(followThrough(target, delivered)).toEqual([
      'waiting',
      'waiting',
      'waiting',
      'superseded',
    ]);
    let memory = NEW_FOLLOW_MEMORY;
    for (const { view } of delivered) memory = rememberView(memory, target, view);
    expect(supersedingValue(target, delivered[3].view, memory)).toEqual({
      migConfig: 'all-1g.10gb',
    });
  });

  it('knows the write by the resourceVersion the PATCH returned, even if its value is gone next', () => {
    // The write's own object carries another value only if the watch merged events; the
    // resourceVersion alone still proves the view has reached the write.
    let memory = rememberView(NEW_FOLLOW_MEMORY, target, {
      migConfig: 'odd',
      migConfigState: 'success',
      resourceVersion: '1003',
      drift: [],
    });
    expect(memory.sawWrite).toBe(true);
    const later: FollowedNode = { ...node(BEFORE[0]), resourceVersion: '1004' };
    memory = rememberView(memory, target, later);
    expect(followPhase(target, later, memory, 1_000)).toBe('superseded');
  });
});

describe('when the view never shows the write', () => {
  // The watch dropped before the write and someone overwrote it before the re-list.
  const theirs: FollowedNode = {
    migConfig: 'all-1g.10gb',
    migConfigState: 'success',
    resourceVersion: '1030',
    drift: [],
  };
  const stale = node(BEFORE[1]);

  it('waits, then a read made after the write decides', () => {
    const memory = rememberView(NEW_FOLLOW_MEMORY, target, theirs);
    expect(viewLagsWrite(target, theirs, memory)).toBe(true);
    expect(followPhase(target, theirs, memory, 1_000)).toBe('waiting');
    expect(needsReadAfterWrite(target, theirs, memory, 1_000)).toBe(false);
    expect(needsReadAfterWrite(target, theirs, memory, READ_AFTER_WRITE_GRACE_MS)).toBe(true);

    const read = {
      ...memory,
      readAfterWrite: { viewResourceVersion: '1030', migConfig: 'all-1g.10gb' },
    };
    expect(followPhase(target, theirs, read, 20_000)).toBe('superseded');
    expect(supersedingValue(target, theirs, read)).toEqual({ migConfig: 'all-1g.10gb' });
    expect(needsReadAfterWrite(target, theirs, read, 20_000)).toBe(false);
  });

  it('a read that finds the written value keeps waiting for the view, reading again only on a new object', () => {
    const read: FollowMemory = {
      ...NEW_FOLLOW_MEMORY,
      readAfterWrite: { viewResourceVersion: '1002', migConfig: 'all-balanced' },
    };
    expect(followPhase(target, stale, read, 20_000)).toBe('waiting');
    expect(needsReadAfterWrite(target, stale, read, 20_000)).toBe(false);
    expect(needsReadAfterWrite(target, theirs, read, 20_000)).toBe(true);
  });

  it('a removed label is a change too', () => {
    const removed: FollowMemory = {
      ...NEW_FOLLOW_MEMORY,
      readAfterWrite: { viewResourceVersion: '1002' },
    };
    expect(followPhase(target, stale, removed, 20_000)).toBe('superseded');
    expect(supersedingValue(target, stale, removed)).toEqual({});
  });
});

describe('followPhase', () => {
  const view = (state: MigConfigState, drift: unknown[] = [{}]): FollowedNode => ({
    migConfig: 'all-balanced',
    migConfigState: state,
    resourceVersion: '2000',
    drift,
  });
  const seen = (state: MigConfigState, drift?: unknown[]) =>
    rememberView(NEW_FOLLOW_MEMORY, target, view(state, drift));

  it('keeps the old success until the mig-manager reacts, unless the node already matches', () => {
    expect(followPhase(target, view('success'), seen('success'), 1_000)).toBe('waiting');
    expect(followPhase(target, view('success', []), seen('success', []), 1_000)).toBe('success');
  });

  it('counts success and failed once the mig-manager was seen working', () => {
    let memory = seen('pending');
    expect(followPhase(target, view('pending'), memory, 1_000)).toBe('pending');
    memory = rememberView(memory, target, view('success'));
    expect(followPhase(target, view('success'), memory, 1_000)).toBe('success');
    const failedBefore: FollowTarget = { ...target, initialState: 'failed' };
    expect(
      followPhase(
        failedBefore,
        view('failed'),
        rememberView(NEW_FOLLOW_MEMORY, failedBefore, view('failed')),
        1_000,
      ),
    ).toBe('waiting');
  });

  it('pending too long is stuck; a missing node is gone', () => {
    expect(followPhase(target, view('pending'), seen('pending'), 26 * 60 * 1000)).toBe('stuck');
    expect(followPhase(target, view('rebooting'), seen('rebooting'), 1_000)).toBe('rebooting');
    expect(followPhase(target, undefined, NEW_FOLLOW_MEMORY, 1_000)).toBe('gone');
  });
});

describe('nodeFollow', () => {
  const target: FollowTarget = {
    nodeName: 'worker1',
    configName: 'all-balanced',
    startedAt: '2026-12-07T10:00:00.000Z',
    initialState: 'success',
  };
  const at = (iso: string) => Date.parse(iso);
  const view = (state: MigConfigState, stateSetAt: string) =>
    ({
      name: 'worker1',
      migConfig: 'all-balanced',
      migConfigState: state,
      drift: [],
      stateSince: { at: stateSetAt, from: 'cluster' },
    }) as unknown as GpuNodeView;
  const seen = { sawWrite: true, sawActivity: true };

  it('runs its clock while under way and stops it when the cluster recorded the end', () => {
    const seenSettled = new Map<string, string>();
    const pending = nodeFollow(
      target,
      view('pending', '2026-12-07T10:00:05.000Z'),
      seen,
      at('2026-12-07T10:01:00.000Z'),
      seenSettled,
    );
    expect(pending.follow).toMatchObject({ phase: 'pending', elapsedMs: 60_000 });
    expect(pending.follow.settledAt).toBeUndefined();
    const done = nodeFollow(
      target,
      view('success', '2026-12-07T10:02:00.000Z'),
      seen,
      at('2026-12-07T10:05:00.000Z'),
      seenSettled,
    );
    expect(done.follow).toMatchObject({
      phase: 'success',
      settledAt: '2026-12-07T10:02:00.000Z',
      elapsedMs: 120_000,
    });
  });

  it('times a change gone from the view from when this page first saw it gone', () => {
    const seenSettled = new Map<string, string>();
    const first = nodeFollow(target, undefined, seen, at('2026-12-07T10:03:00.000Z'), seenSettled);
    const later = nodeFollow(target, undefined, seen, at('2026-12-07T10:09:00.000Z'), seenSettled);
    expect(first.follow.phase).toBe('gone');
    expect(later.follow.settledAt).toBe('2026-12-07T10:03:00.000Z');
    expect(later.follow.elapsedMs).toBe(180_000);
  });
});
