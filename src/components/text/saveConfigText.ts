/**
 * The words of the designer's save dialog: name problems, the plan's warnings (the pure planner in
 * src/cluster/customConfig.ts returns codes) and what each write step did. ConfigMap, policy and
 * node names stay as they are.
 */
import {
  PLUGIN_MIG_CONFIG_MAP,
  type CustomConfigWarning,
  type InUseSource,
  type OwnConfigProblem,
  type WriteFailure,
} from '../../cluster/customConfig';
import { LABEL_VALUE_MAX_LENGTH, type LabelValueProblem } from '../../geometry';
import type { SavePreview, WriteStep } from '../../hooks/useCustomMigConfig';
import { configIssueText } from './configIssueText';
import { configFallbackText } from './configSourceText';
import type { Translate } from './translate';

function failureText(t: Translate, failure: WriteFailure | undefined): string {
  if (!failure) return '';
  const status = failure.status ? ` (HTTP ${failure.status})` : '';
  switch (failure.kind) {
    case 'conflict':
      return t('Someone changed it since the preview{{status}}.', { status });
    case 'forbidden':
      return t('You are not allowed to write it{{status}}.', { status });
    case 'not-found':
      return t('It no longer exists{{status}}.', { status });
    case 'invalid':
      return t(
        'The API server refused it as invalid input{{status}}, not because of a conflict: {{message}}',
        { status, message: failure.message },
      );
    case 'network':
      return t('The request did not reach the API server: {{message}}', {
        message: failure.message,
      });
    default:
      return t('The request failed{{status}}: {{message}}', { status, message: failure.message });
  }
}

/** Why a name cannot be a config name, in words: it must be a node label value. */
export function nameProblemText(t: Translate, problem: LabelValueProblem): string {
  switch (problem) {
    case 'empty':
      return t('Enter a name.');
    case 'too-long':
      return t(
        'At most {{max}} characters: the name becomes the value of the node label nvidia.com/mig.config.',
        { max: LABEL_VALUE_MAX_LENGTH },
      );
    case 'characters':
      return t(
        'The name becomes the value of the node label nvidia.com/mig.config, so it can hold only letters, digits, "-", "_" and ".", and must start and end with a letter or digit (no spaces).',
      );
  }
}

function ownProblemText(t: Translate, problem: OwnConfigProblem): string {
  switch (problem.code) {
    case 'missing-key':
      return t('ConfigMap {{configMap}} has no {{dataKey}}.', {
        configMap: problem.configMap,
        dataKey: problem.key,
      });
    case 'invalid-file':
      return t('ConfigMap {{configMap}} does not hold a valid mig-parted file: {{issues}}', {
        configMap: problem.configMap,
        issues: problem.issues.map((issue) => configIssueText(t, issue)).join('; '),
      });
  }
}

/** The plan's warnings in words (the pure planner returns codes). */
export function warningText(t: Translate, warning: CustomConfigWarning): string {
  switch (warning.code) {
    case 'fallback':
      return t('The config in use could not be read as configured: {{reason}}', {
        reason: configFallbackText(t, warning.source),
      });
    case 'in-use-unreadable':
      return warning.configMap
        ? t(
            "The config in use (ConfigMap {{configMap}}) could not be read; only the plugin's configs and the new one are written.",
            { configMap: warning.configMap },
          )
        : t(
            "The config in use (the plugin's built-in copy of NVIDIA's default config) could not be read; only the plugin's configs and the new one are written.",
          );
    case 'own-config-map-replaced':
      return t('{{problem}} Its content is replaced.', {
        problem: ownProblemText(t, warning.problem),
      });
    case 'label-undefined':
      return t(
        'Node {{node}} is labelled nvidia.com/mig.config={{name}}, which no config in use defines; the file cannot carry it over.',
        { node: warning.node, name: warning.name },
      );
    case 'node-configs-differ':
      return t(
        "Nodes {{kept}} and {{other}} both use {{name}} from their generated configs, with different contents; {{kept}}'s version is kept. Check {{other}} after saving.",
        { kept: warning.kept, other: warning.other, name: warning.name },
      );
    case 'replaced-in-use':
      return t(
        '{{nodes}} already use {{name}}: the mig-manager acts only when the label value changes, so those nodes keep their current layout until the config is applied again under another name and back.',
        { nodes: warning.nodes.join(', '), name: warning.name },
      );
  }
}

/** The check of the ConfigMap in use (the configs the file carries over), in words. */
function sourceStepText(t: Translate, step: WriteStep, source: InUseSource): string {
  const configMap = `${source.namespace}/${source.name}`;
  if (step.status === 'done') {
    return t('ConfigMap {{configMap}} (the configs in use) is unchanged since the preview.', {
      configMap,
    });
  }
  if (!step.change) {
    return `${t('ConfigMap {{configMap}} (the configs in use) could not be re-read to check that it is unchanged, so the save stopped.', { configMap })} ${failureText(t, step.failure)}`;
  }
  const what =
    step.change.kind === 'changed'
      ? t(
          'ConfigMap {{configMap}} (the configs in use) was changed by someone else since the preview (resourceVersion {{from}} → {{to}}).',
          { configMap, from: step.change.from, to: step.change.to },
        )
      : step.change.kind === 'deleted'
        ? t('ConfigMap {{configMap}} (the configs in use) was deleted since the preview.', {
            configMap,
          })
        : t('ConfigMap {{configMap}} was created since the preview; the preview did not copy it.', {
            configMap,
          });
  return `${what} ${
    step.beforeRepoint
      ? t(
          'The ClusterPolicy was not repointed, so the mig-manager still reads it and the edit is kept. Preview again: the new file carries the edit over; then save.',
        )
      : t(
          'Nothing was written: pointing the ClusterPolicy at a copy made before that edit would drop it. Preview again: the new file carries the edit over; then save.',
        )
  }`;
}

export function stepText(t: Translate, step: WriteStep, basis: SavePreview): string {
  if (step.what === 'source' && basis.inUseSource) {
    return sourceStepText(t, step, basis.inUseSource);
  }
  const configMap = `${basis.namespace}/${PLUGIN_MIG_CONFIG_MAP}`;
  const policy = basis.clusterPolicy?.metadata?.name ?? '';
  const previous = basis.previousConfigMapName || t('(unset)');
  if (step.what === 'configmap') {
    if (step.status === 'not-attempted')
      return t('ConfigMap {{configMap}} was not written.', { configMap });
    if (step.status === 'done') {
      return step.created
        ? t('Created ConfigMap {{configMap}}.', { configMap })
        : t('Updated ConfigMap {{configMap}}.', { configMap });
    }
    return `${t('ConfigMap {{configMap}} was not written.', { configMap })} ${failureText(t, step.failure)}`;
  }
  switch (step.status) {
    case 'done':
      return t(
        'ClusterPolicy {{policy}}: spec.migManager.config.name changed from {{previous}} to {{name}}.',
        { policy, previous, name: PLUGIN_MIG_CONFIG_MAP },
      );
    case 'skipped':
      return t('ClusterPolicy {{policy}} already points at {{name}}; not changed.', {
        policy,
        name: PLUGIN_MIG_CONFIG_MAP,
      });
    case 'not-attempted':
      return t('The ClusterPolicy was not changed.');
    default:
      if (step.noPolicy) {
        return t('No ClusterPolicy exists, so nothing points the mig-manager at {{name}}.', {
          name: PLUGIN_MIG_CONFIG_MAP,
        });
      }
      return `${t('ClusterPolicy {{policy}} was not changed: the mig-manager still reads {{previous}}.', { policy, previous })} ${failureText(t, step.failure)}`;
  }
}

export const afterSavingText = (t: Translate) =>
  t(
    'The mig-manager reads the new file only after the kubelet syncs the mounted ConfigMap (up to a minute or two), and acts only when a node\'s nvidia.com/mig.config label value changes. Apply the config to nodes afterwards with "Apply MIG config". GitOps users can export the YAML instead of writing it here.',
  );
