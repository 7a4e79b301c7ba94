/**
 * The words for apply-plan issues and mig-manager log findings. Kept apart from the components so
 * the modal, the progress panel and the Node tab say the same thing.
 */
import type { PlanIssue, RebootFacts } from '../../cluster/applyPlan';
import type { MigLogFinding } from '../../cluster/migManagerLog';
import type { ConfigIssue } from '../../geometry';
import { configIssueText } from './configIssueText';
import { configFallbackText } from './configSourceText';
import { layoutWarningText } from './layoutText';
import type { Translate } from './translate';

export interface IssueText {
  title: string;
  body?: string;
}

export function planIssueText(t: Translate, issue: PlanIssue, configName: string): IssueText {
  switch (issue.code) {
    case 'no-config-source':
      return {
        title: t('No mig-parted config could be read for this node'),
        body: t('Without it the change cannot be checked, and the mig-manager may fail.'),
      };
    case 'config-not-found':
      return {
        title: t("'{{config}}' is not in the mig-parted config this node uses", {
          config: configName,
        }),
        body: t('The mig-manager would fail with "selected mig-config not present".'),
      };
    case 'config-invalid':
      return {
        title: t("'{{config}}' cannot be created on this node's GPUs", { config: configName }),
        body: t('mig-parted would fail on the node and the state would become failed.'),
      };
    case 'not-mig-capable':
      return { title: t('A GPU on this node does not support MIG') };
    case 'single-strategy-invalid':
      return {
        title: t('The single strategy cannot advertise this layout'),
        body: t(
          'The mig-manager will apply it, but the device plugin refuses mixed instance types under the single strategy: the node will offer no GPUs (GFD labels it MIG-INVALID) until the strategy is changed to mixed.',
        ),
      };
    case 'strategy-none':
      return {
        title: t('The cluster strategy is none'),
        body: t(
          'The device plugin advertises each GPU whole, so MIG instances will not be schedulable. Change the strategy to single or mixed.',
        ),
      };
    case 'gpu-pods':
      return {
        title: t('GPU pods are running on this node'),
        body: t(
          'The mig-manager does not drain or evict pods: while these pods hold the GPU the change fails ("In use by another client"). Cordon the node so no new GPU pods land on it, then stop or move these pods before applying.',
        ),
      };
    case 'already-pending':
      return {
        title: t('A change is already in progress on this node'),
        body: t(
          'The mig-manager finishes the current run first and then applies the newest value of the label.',
        ),
      };
    case 'unknown-model':
      return {
        title: t('The GPU model is not in the plugin catalog'),
        body: t('The layout cannot be checked or drawn; the result is unverified.'),
      };
    case 'unverified-layout':
      return { title: t('Part of this prediction is unverified') };
    case 'built-in-config':
      return { title: t("Checked against the plugin's built-in config, not the cluster's") };
    case 'reboot-on-failure':
      return issue.reboot ? rebootText(t, issue.reboot) : { title: issue.code };
    case 'already-applied':
      return {
        title: t("This node already has '{{config}}'", { config: configName }),
        body: t('Nothing will be written to it.'),
      };
    case 'same-value-no-retry':
      return {
        title: t("This node's label is already '{{config}}'", { config: configName }),
        body: t(
          'Writing the same value does not make the mig-manager run again. Use Retry in the progress panel or the Node tab instead.',
        ),
      };
    default:
      return { title: issue.code };
  }
}

/** WITH_REBOOT: why this node may be rebooted, and that the reboot kills every pod on it. */
function rebootText(t: Translate, reboot: RebootFacts): IssueText {
  const certain = reboot.setting === 'on';
  const setting = certain
    ? t('The ClusterPolicy sets WITH_REBOOT=true in spec.migManager.env.')
    : t(
        'The ClusterPolicy sets WITH_REBOOT in spec.migManager.env to {{value}}, which the plugin cannot read as true or false.',
        { value: reboot.value ?? '' },
      );
  const when =
    reboot.modeChangeGpus.length > 0
      ? t(
          'This change turns MIG on or off on GPU {{gpus}}; if the GPU cannot be reset in place (nvidia_drm loaded, a process holding it, some hypervisors), the mig-manager reboots the node.',
          { gpus: reboot.modeChangeGpus.join(', ') },
        )
      : t(
          'Whether this change turns MIG on or off cannot be predicted for this node; if it does and the GPU cannot be reset in place, the mig-manager reboots the node.',
        );
  return {
    title: certain
      ? t('A failed MIG mode change reboots this node')
      : t('A failed MIG mode change may reboot this node'),
    body: [
      setting,
      when,
      t(
        'The reboot kills every pod on the node, not only GPU pods. Drain the node first, or apply when its pods can be lost.',
      ),
    ].join(' '),
  };
}

/**
 * The specifics of a plan issue: mig-parted issues and the built-in fallback in the page's words;
 * names (product, config, pods) as they are.
 */
export function planIssueDetails(t: Translate, issue: PlanIssue): string[] {
  if (issue.configIssues) return groupedConfigIssueTexts(t, issue.configIssues);
  const fallback = issue.source && configFallbackText(t, issue.source);
  return fallback ? [fallback] : issue.details;
}

/** `0–7`, `0, 1`, `0–3, 6`: runs of three or more indices as ranges. */
export function indexRangesText(indices: number[]): string {
  const sorted = [...indices].sort((a, b) => a - b);
  const parts: string[] = [];
  for (let start = 0; start < sorted.length;) {
    let end = start;
    while (end + 1 < sorted.length && sorted[end + 1] === sorted[end] + 1) end += 1;
    if (end - start >= 2) parts.push(`${sorted[start]}–${sorted[end]}`);
    else parts.push(...sorted.slice(start, end + 1).map(String));
    start = end + 1;
  }
  return parts.join(', ');
}

/** `GPU 3` or `GPUs 0–7`. */
export function gpuRangeText(t: Translate, indices: number[]): string {
  return indices.length === 1
    ? t('GPU {{index}}', { index: indices[0] })
    : t('GPUs {{indices}}', { indices: indexRangesText(indices) });
}

/**
 * mig-parted issues that differ only in the GPU they name (the same profile note on eight alike
 * GPUs) said once, naming the GPUs; the others each as they are.
 */
function groupedConfigIssueTexts(t: Translate, issues: ConfigIssue[]): string[] {
  const groups = new Map<string, { issue: ConfigIssue; gpus: number[] }>();
  for (const issue of issues) {
    const { gpuIndex, ...rest } = issue;
    // An issue naming no GPU stays on its own (an object's JSON never starts with '#').
    const key = gpuIndex === undefined ? `#${groups.size}` : JSON.stringify(rest);
    const group = groups.get(key);
    if (group && gpuIndex !== undefined) group.gpus.push(gpuIndex);
    else groups.set(key, { issue, gpus: gpuIndex === undefined ? [] : [gpuIndex] });
  }
  return [...groups.values()].flatMap(({ issue, gpus }) => {
    const facts = issue.facts;
    if (gpus.length < 2) return [configIssueText(t, issue)];
    if (facts?.kind === 'layout-warning') {
      return [
        t('{{gpus}} ({{device}}): {{warning}}', {
          gpus: gpuRangeText(t, gpus),
          device: facts.device,
          warning: layoutWarningText(t, facts.warning),
        }),
      ];
    }
    return gpus.map((gpuIndex) => configIssueText(t, { ...issue, gpuIndex }));
  });
}

export function logFindingText(t: Translate, finding: MigLogFinding): IssueText & { fix: string } {
  switch (finding.code) {
    case 'in-use':
      return {
        title: t('The GPU was in use by another client'),
        body: finding.pods?.length
          ? t('These pods held the GPU: {{pods}}.', { pods: finding.pods.join(', ') })
          : t(
              'A process still held the GPU: a GPU pod (the mig-manager does not drain them) or a host service such as nvidia-persistenced, DCGM or the fabric manager.',
            ),
        fix: t(
          'Cordon the node, stop or move the GPU pods on it, then retry. If no pod holds the GPU, stop the host GPU clients.',
        ),
      };
    case 'nvidia-drm':
      return {
        title: t('The nvidia_drm kernel module blocks the GPU reset'),
        body: t('Changing the MIG mode needs a GPU reset, which fails while nvidia_drm is loaded.'),
        fix: t(
          'Unload nvidia_drm on the node (driver configuration), then retry. WITH_REBOOT=true in the ClusterPolicy spec.migManager.env is the other way out, with a warning: from then on a failed MIG mode change reboots the node, on every MIG node, and the reboot kills every pod on it. Drain the node before retrying with it.',
        ),
      };
    case 'gpu-reset':
      return {
        title: t('The GPU could not be reset'),
        body: t('Some hypervisors and clouds do not allow a GPU reset in place.'),
        fix: t(
          'Drain the node and reboot it: the mig-manager applies the config again when it starts. WITH_REBOOT=true in the ClusterPolicy spec.migManager.env makes the mig-manager reboot by itself, with a warning: from then on a failed MIG mode change reboots the node, on every MIG node, and the reboot kills every pod on it.',
        ),
      };
    case 'insufficient-resources':
      return {
        title: t('mig-parted could not create the instances (Insufficient Resources)'),
        body: t(
          'The layout does not fit the GPU as it is: instances left over from an earlier run, or a layout this GPU cannot hold.',
        ),
        fix: t('Go back to the previous config, or choose a config the preview shows as valid.'),
      };
    case 'config-not-found':
      return {
        title: t("The config '{{config}}' is not in the mig-manager's file", {
          config: finding.configName ?? '',
        }),
        body: t(
          'A custom ConfigMap edit reaches the pod only after the kubelet syncs it, and nothing re-runs until the label changes.',
        ),
        fix: t(
          'Choose a config that exists, or check spec.migManager.config.name in the ClusterPolicy.',
        ),
      };
    case 'invalid-config':
      return {
        title: t('mig-parted refuses the config file'),
        body: t('The file does not parse or does not validate, so every change fails.'),
        fix: t(
          'Fix the ConfigMap named in spec.migManager.config.name, then change the label again.',
        ),
      };
    case 'operand-not-stopping':
      return {
        title: t('The mig-manager is waiting for {{operand}} to stop', {
          operand: finding.operand ?? '',
        }),
        body: t(
          'It waits up to 5 minutes per operand and then gives up without writing a state, leaving the node pending.',
        ),
        fix: t('Check why that operand pod does not terminate; then set the label again.'),
      };
    case 'rebooting':
      return {
        title: t('The node is rebooting to change the MIG mode'),
        fix: t('Wait for the node to come back; the state is re-evaluated after boot.'),
      };
    case 'mode-not-applied-after-reboot':
      return {
        title: t('The MIG mode did not change even after a reboot'),
        fix: t('Check the GPU and hypervisor support for MIG on this node.'),
      };
    default:
      return { title: finding.code, fix: '' };
  }
}

/** Causes to name when the log cannot be read or says nothing specific. */
export function likelyFailureCauses(t: Translate): string[] {
  return [
    t(
      'A GPU pod or host process held the GPU ("In use by another client"); the mig-manager does not drain pods.',
    ),
    t('nvidia_drm is loaded, or the platform cannot reset the GPU without a reboot.'),
    t('The config name is not in the mig-parted file in use, or the file is invalid.'),
    t('The layout cannot be created on this GPU (Insufficient Resources).'),
  ];
}
