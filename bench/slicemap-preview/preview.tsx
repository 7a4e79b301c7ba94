/**
 * Dev-only page that renders the slice map in the situations the console shows it, for
 * screenshots and axe runs (see build.mjs and shoot.mjs). Not part of the plugin bundle.
 */
import i18next from 'i18next';
import { render } from 'react-dom';
import { initReactI18next } from 'react-i18next';
import { Flex, FlexItem } from '@patternfly/react-core';
import { SliceMap, SliceMapLegend } from '../../src/components/SliceMap';
import type { SliceMapInstance } from '../../src/components/SliceMap';
import { findModel } from '../../src/geometry/catalog';

const params = new URLSearchParams(window.location.search);
if (params.get('theme') === 'dark') document.documentElement.classList.add('pf-v6-theme-dark');

const instance = (
  id: string,
  profile: string,
  start: number,
  size: number,
  computeSlices: number,
  podName?: string,
): SliceMapInstance => ({
  id,
  profile,
  start,
  size,
  computeSlices,
  inUse: Boolean(podName),
  podName,
  podNamespace: podName ? 'ml-team' : undefined,
});

const a30 = findModel('a30-24gb');
const a100 = findModel('a100-40gb');
const h100 = findModel('h100-80gb-sxm5');
const rtx = findModel('rtx-pro-6000-blackwell');

const Preview = () => (
  <div className="preview">
    <h1>Slice map preview</h1>
    <SliceMapLegend model={a100} showStates />
    <SliceMap
      model={a30}
      gpuIndex={0}
      state="applied"
      migEnabled
      instances={[
        instance('a1', '1g.6gb', 0, 1, 1, 'notebook-7f9c'),
        instance('a2', '1g.6gb', 1, 1, 1),
        instance('a3', '2g.12gb', 2, 2, 2, 'trainer-0'),
      ]}
    />
    <SliceMap
      model={a100}
      gpuIndex={1}
      state="applied"
      migEnabled
      instances={[
        instance('b1', '2g.10gb', 0, 2, 2),
        instance('b2', '1g.5gb', 2, 1, 1, 'inference-a'),
        instance('b3', '1g.5gb', 3, 1, 1),
        instance('b4', '3g.20gb', 4, 4, 3, 'llm-serving-6d8f7b9c4-x2x9z'),
      ]}
    />
    <SliceMap
      model={h100}
      gpuIndex={2}
      state="pending"
      migEnabled
      instances={[0, 1, 2, 3, 4, 5, 6].map((start) =>
        instance(`c${start}`, '1g.10gb', start, 1, 1, start % 3 === 0 ? `job-${start}` : undefined),
      )}
    />
    <SliceMap
      model={rtx}
      gpuIndex={3}
      state="applied"
      migEnabled
      instances={[
        instance('d1', '1g.24gb', 0, 3, 1, 'render-1'),
        instance('d2', '1g.24gb', 3, 3, 1),
        instance('d3', '2g.48gb', 6, 6, 2, 'render-2'),
      ]}
    />
    <SliceMap
      model={a100}
      gpuIndex={4}
      compact
      migEnabled
      title="Compact, clickable, highlighted"
      highlightInstanceIds={['e2']}
      highlightLabel="Added"
      onInstanceClick={() => undefined}
      instances={[
        instance('e1', '3g.20gb', 0, 4, 3, 'a'),
        instance('e2', '2g.10gb', 4, 2, 2),
        instance('e3', '1g.5gb', 6, 1, 1),
      ]}
    />
    <SliceMap
      model={h100}
      gpuIndex={5}
      migEnabled={false}
      wholeGpuInUse
      state="disabled"
      instances={[]}
    />
    <SliceMap
      model={a100}
      gpuIndex={6}
      state="drifted"
      migEnabled
      instances={[
        instance('f1', '3g.20gb', 4, 4, 3, 'old-job'),
        instance('f2', '4g.20gb', 4, 4, 4),
        instance('f3', '1g.5gb', 7, 3, 1),
      ]}
    />
    {/* As the Nodes table lays a node's GPUs out: shrink-to-fit flex items. */}
    <Flex spaceItems={{ default: 'spaceItemsMd' }} alignItems={{ default: 'alignItemsFlexStart' }}>
      {[0, 1, 2].map((gpuIndex) => (
        <FlexItem key={gpuIndex}>
          <SliceMap
            model={a100}
            gpuIndex={gpuIndex}
            compact={gpuIndex > 0}
            state="applied"
            migEnabled
            instances={[
              instance(`h${gpuIndex}1`, '3g.20gb', 0, 4, 3, 'x'),
              instance(`h${gpuIndex}2`, '2g.10gb', 4, 2, 2),
              instance(`h${gpuIndex}3`, '1g.5gb', 6, 1, 1),
            ]}
          />
        </FlexItem>
      ))}
    </Flex>
    <SliceMap
      gpuIndex={7}
      state="invalid"
      migEnabled
      instances={[instance('g1', '1g.12gb', 0, 1, 1, 'x')]}
    />
  </div>
);

void i18next
  .use(initReactI18next)
  .init({ lng: 'en', resources: {}, nsSeparator: '~', keySeparator: false })
  .then(() => render(<Preview />, document.getElementById('root')));
