import {
  Alert,
  Button,
  Checkbox,
  ClipboardCopyButton,
  CodeBlock,
  CodeBlockAction,
  CodeBlockCode,
  Content,
  ExpandableSection,
  Form,
  FormGroup,
  FormHelperText,
  HelperText,
  HelperTextItem,
  List,
  ListItem,
  Modal,
  ModalBody,
  ModalFooter,
  ModalHeader,
  Stack,
  StackItem,
  TextInput,
} from '@patternfly/react-core';
import { DownloadIcon } from '@patternfly/react-icons';
import * as React from 'react';
import {
  checkConfigName,
  currentConfigMapName,
  PLUGIN_MIG_CONFIG_MAP,
} from '../../cluster/customConfig';
import type {
  CustomMigConfigResult,
  SaveOutcome,
  SavePreview,
} from '../../hooks/useCustomMigConfig';
import { usePluginTranslation } from '../../hooks/usePluginTranslation';
import { afterSavingText, nameProblemText, stepText, warningText } from '../text/saveConfigText';
import type { DesignResult } from './LayoutDesigner';

export interface SaveConfigModalProps {
  design: DesignResult;
  custom: Pick<
    CustomMigConfigResult,
    | 'preview'
    | 'save'
    | 'access'
    | 'namespace'
    | 'nodes'
    | 'ownConfigMap'
    | 'clusterPolicy'
    | 'inUseSource'
    | 'catchingUp'
  >;
  onClose: () => void;
  /** After a successful save: offer to apply the config to nodes. */
  onApply?: (configName: string) => void;
}

const downloadYaml = (yaml: string) => {
  const url = URL.createObjectURL(new Blob([yaml], { type: 'application/yaml' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = `${PLUGIN_MIG_CONFIG_MAP}.yaml`;
  link.click();
  URL.revokeObjectURL(url);
};

/** The whole file as YAML, to copy or download. */
const YamlBlock = ({ yaml }: { yaml: string }) => {
  const { t } = usePluginTranslation();
  const [copied, setCopied] = React.useState(false);
  return (
    <CodeBlock
      actions={
        <>
          <CodeBlockAction>
            <ClipboardCopyButton
              id="gpu-partitioning-config-copy"
              textId="gpu-partitioning-config-yaml"
              aria-label={t('Copy YAML')}
              onClick={() => {
                void navigator.clipboard?.writeText(yaml);
                setCopied(true);
              }}
              exitDelay={copied ? 1500 : 600}
              variant="plain"
              onTooltipHidden={() => setCopied(false)}
            >
              {copied ? t('Copied') : t('Copy YAML')}
            </ClipboardCopyButton>
          </CodeBlockAction>
          <CodeBlockAction>
            <Button
              variant="plain"
              aria-label={t('Download YAML')}
              icon={<DownloadIcon />}
              onClick={() => downloadYaml(yaml)}
            />
          </CodeBlockAction>
        </>
      }
    >
      <CodeBlockCode id="gpu-partitioning-config-yaml" className="gpu-partitioning-designer__yaml">
        {yaml}
      </CodeBlockCode>
    </CodeBlock>
  );
};

/** What a save did, step by step, with the way on (apply, or preview again). */
const SaveResult = ({
  outcome,
  basis,
  catchingUp,
  onPreviewAgain,
  onApply,
}: {
  outcome: SaveOutcome;
  basis: SavePreview;
  catchingUp: boolean;
  onPreviewAgain: () => void;
  onApply?: (configName: string) => void;
}) => {
  const { t } = usePluginTranslation();
  let actionLinks: React.ReactNode;
  if (outcome.conflict) {
    actionLinks = (
      <Button variant="link" isInline onClick={onPreviewAgain}>
        {t('Preview again')}
      </Button>
    );
  } else if (outcome.ok && onApply) {
    // Until the watches show the new file, the apply preview would not find the config yet.
    actionLinks = (
      <Button
        variant="link"
        isInline
        isAriaDisabled={catchingUp}
        isLoading={catchingUp}
        onClick={() => onApply(basis.name)}
      >
        {catchingUp
          ? t('Waiting for the cluster to show the new file…')
          : t('Apply {{name}} to nodes…', { name: basis.name })}
      </Button>
    );
  }
  return (
    <Alert
      isInline
      data-test="designer-save-result"
      variant={outcome.ok ? 'success' : outcome.conflict ? 'warning' : 'danger'}
      title={
        outcome.ok
          ? t('Saved {{name}}', { name: basis.name })
          : outcome.conflict
            ? t('Changed by someone else since the preview: nothing was overwritten')
            : t('Not everything was written')
      }
      actionLinks={actionLinks}
    >
      <ul>
        {outcome.steps.map((step, index) => (
          // The ConfigMap in use may be checked twice: the position tells the steps apart.
          <li key={index}>{stepText(t, step, basis)}</li>
        ))}
      </ul>
    </Alert>
  );
};

/**
 * Name the designed config, preview the whole file the ConfigMap will hold (and what is added,
 * replaced and kept), then write the ConfigMap and point the ClusterPolicy at it — or export it.
 */
export const SaveConfigModal = ({ design, custom, onClose, onApply }: SaveConfigModalProps) => {
  const { t } = usePluginTranslation();
  const [name, setName] = React.useState(design.suggestedName);
  const [replaceConfirmed, setReplaceConfirmed] = React.useState(false);
  const [basis, setBasis] = React.useState<SavePreview>();
  const [saving, setSaving] = React.useState(false);
  const [outcome, setOutcome] = React.useState<SaveOutcome>();

  // Names in the file that will be written (without the new config) for the clash check.
  const namesNow = React.useMemo(
    () => custom.preview(name || 'x', design.entries).plan.baseNames,
    [custom, design.entries, name],
  );
  const nameCheck = checkConfigName(name, namesNow, custom.nodes);
  const nameBlocked = !!nameCheck.problem || (nameCheck.clashes && !replaceConfirmed);

  const showPreview = () => {
    setOutcome(undefined);
    setBasis(custom.preview(name, design.entries, design.comment));
  };

  // The data the preview used has changed: the user must look again before writing.
  const stale =
    basis !== undefined &&
    ((basis.ownConfigMap?.metadata?.resourceVersion ?? '') !==
      (custom.ownConfigMap?.metadata?.resourceVersion ?? '') ||
      basis.previousConfigMapName !== currentConfigMapName(custom.clusterPolicy) ||
      (basis.inUseSource !== undefined &&
        basis.inUseSource.resourceVersion !== custom.inUseSource?.resourceVersion));

  const canWrite = custom.access.writeConfigMap && custom.access.patchClusterPolicy;
  const save = async () => {
    if (!basis) return;
    setSaving(true);
    try {
      setOutcome(await custom.save(basis));
    } finally {
      setSaving(false);
    }
  };

  const plan = basis?.plan;
  const saved = outcome?.ok === true && basis !== undefined;
  const nameForm = (
    <Form onSubmit={(event) => event.preventDefault()}>
      <FormGroup label={t('Config name')} isRequired fieldId="gpu-partitioning-config-name">
        <TextInput
          id="gpu-partitioning-config-name"
          value={name}
          isRequired
          validated={nameCheck.problem ? 'error' : 'default'}
          aria-describedby="gpu-partitioning-config-name-helper"
          onChange={(_event, value) => {
            // Kept as typed: a name that cannot be a label value is refused, never altered.
            setName(value);
            setBasis(undefined);
            setReplaceConfirmed(false);
          }}
        />
        <FormHelperText>
          <HelperText id="gpu-partitioning-config-name-helper">
            {nameCheck.problem ? (
              <HelperTextItem variant="error">
                {nameProblemText(t, nameCheck.problem)}
              </HelperTextItem>
            ) : (
              <HelperTextItem>
                {t('Nodes get this config by the label nvidia.com/mig.config={{name}}.', { name })}
              </HelperTextItem>
            )}
          </HelperText>
        </FormHelperText>
      </FormGroup>
      {nameCheck.clashes && !nameCheck.problem && (
        <Checkbox
          id="gpu-partitioning-config-replace"
          label={t('Replace the existing config {{name}}', { name })}
          description={
            nameCheck.usedByNodes.length > 0
              ? t(
                  'Used by {{nodes}} today. Those nodes do not re-apply a changed config until their label value changes.',
                  { nodes: nameCheck.usedByNodes.join(', ') },
                )
              : undefined
          }
          isChecked={replaceConfirmed}
          onChange={(_event, checked) => {
            setReplaceConfirmed(checked);
            setBasis(undefined);
          }}
        />
      )}
    </Form>
  );
  const diffSummary = plan && (
    <List data-test="designer-diff-summary">
      {plan.added.length > 0 && (
        <ListItem>{t('Added: {{names}}', { names: plan.added.join(', ') })}</ListItem>
      )}
      {plan.replaced.length > 0 && (
        <ListItem>{t('Replaced: {{names}}', { names: plan.replaced.join(', ') })}</ListItem>
      )}
      <ListItem>
        {t('Kept unchanged: {{count}} configs the cluster uses today', {
          count: plan.kept.length,
        })}
      </ListItem>
      {plan.fromNodes.length > 0 && (
        <ListItem>
          {t("Carried over from nodes' generated configs: {{names}}", {
            names: plan.fromNodes.join(', '),
          })}
        </ListItem>
      )}
    </List>
  );
  return (
    <Modal
      isOpen
      onClose={onClose}
      variant="large"
      aria-labelledby="gpu-partitioning-save-config-title"
    >
      <ModalHeader
        title={t('Save layout as a named MIG config')}
        labelId="gpu-partitioning-save-config-title"
      />
      <ModalBody>
        <Stack hasGutter>
          {outcome && basis && (
            <StackItem>
              <SaveResult
                outcome={outcome}
                basis={basis}
                catchingUp={custom.catchingUp}
                onPreviewAgain={showPreview}
                {...(onApply ? { onApply } : {})}
              />
            </StackItem>
          )}
          {saved && plan ? (
            <>
              <StackItem>
                <Content component="p" data-test="designer-saved-state">
                  {t(
                    'ConfigMap {{namespace}}/{{configMap}} (key config.yaml) holds {{name}}; the ClusterPolicy reads it: spec.migManager.config.name is now {{current}}.',
                    {
                      namespace: basis.namespace,
                      configMap: PLUGIN_MIG_CONFIG_MAP,
                      name: basis.name,
                      current: currentConfigMapName(custom.clusterPolicy) || t('(unset)'),
                    },
                  )}
                </Content>
              </StackItem>
              <StackItem>
                <Alert isInline isPlain variant="info" title={t('After saving')}>
                  {afterSavingText(t)}
                </Alert>
              </StackItem>
              <StackItem>
                <ExpandableSection
                  toggleText={t('What was written ({{count}} lines of YAML)', {
                    count: plan.yaml.split('\n').length,
                  })}
                >
                  {diffSummary}
                  <YamlBlock yaml={plan.yaml} />
                </ExpandableSection>
              </StackItem>
            </>
          ) : (
            <>
              <StackItem>{nameForm}</StackItem>
              {!basis && (
                <StackItem>
                  <Button variant="secondary" isDisabled={nameBlocked} onClick={showPreview}>
                    {t('Preview the ConfigMap')}
                  </Button>
                </StackItem>
              )}
              {basis && plan && (
                <>
                  <StackItem>
                    <Content component="p">
                      {t(
                        'ConfigMap {{namespace}}/{{configMap}} (key config.yaml) will hold this file, and the ClusterPolicy will point at it (spec.migManager.config.name, now {{previous}}).',
                        {
                          namespace: basis.namespace,
                          configMap: PLUGIN_MIG_CONFIG_MAP,
                          previous: basis.previousConfigMapName || t('(unset)'),
                        },
                      )}
                    </Content>
                    {diffSummary}
                  </StackItem>
                  {plan.warnings
                    .map((warning) => warningText(t, warning))
                    .map((text) => (
                      <StackItem key={text}>
                        <Alert isInline isPlain variant="warning" title={text} />
                      </StackItem>
                    ))}
                  <StackItem>
                    <YamlBlock yaml={plan.yaml} />
                  </StackItem>
                  <StackItem>
                    <Alert isInline variant="info" title={t('After saving')}>
                      {afterSavingText(t)}
                    </Alert>
                  </StackItem>
                  {!custom.access.loading && !canWrite && (
                    <StackItem>
                      <Alert
                        isInline
                        variant="warning"
                        title={
                          !custom.access.writeConfigMap
                            ? t(
                                'You are not allowed to write ConfigMaps in {{namespace}}; export the YAML instead.',
                                { namespace: basis.namespace },
                              )
                            : t(
                                'You are not allowed to patch ClusterPolicies; export the YAML instead.',
                              )
                        }
                      />
                    </StackItem>
                  )}
                  {stale && !outcome && (
                    <StackItem>
                      <Alert
                        isInline
                        variant="warning"
                        title={t(
                          'A ConfigMap or the ClusterPolicy this preview was made from changed since.',
                        )}
                        actionLinks={
                          <Button variant="link" isInline onClick={showPreview}>
                            {t('Preview again')}
                          </Button>
                        }
                      />
                    </StackItem>
                  )}
                </>
              )}
            </>
          )}
        </Stack>
      </ModalBody>
      <ModalFooter>
        {basis && !outcome?.ok && (
          <Button
            variant="primary"
            onClick={() => void save()}
            isLoading={saving}
            isAriaDisabled={
              saving || stale || !canWrite || custom.access.loading || !!outcome?.conflict
            }
          >
            {t('Write ConfigMap and point the ClusterPolicy at it')}
          </Button>
        )}
        <Button variant="link" onClick={onClose}>
          {outcome?.ok ? t('Close') : t('Cancel')}
        </Button>
      </ModalFooter>
    </Modal>
  );
};
