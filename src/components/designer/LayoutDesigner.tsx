import {
  Button,
  Card,
  CardBody,
  CodeBlock,
  CodeBlockCode,
  Content,
  Flex,
  FlexItem,
  Form,
  FormGroup,
  FormSelect,
  FormSelectOption,
  Gallery,
  HelperText,
  HelperTextItem,
  NumberInput,
  Stack,
  StackItem,
  Switch,
  ToggleGroup,
  ToggleGroupItem,
  Tooltip,
} from '@patternfly/react-core';
import * as React from 'react';
import { designedEntries } from '../../cluster/customConfig';
import type { GpuNodeView } from '../../cluster/types';
import {
  listModels,
  serializeMigPartedConfig,
  shortModelName,
  MIG_PARTED_SPEC_VERSION,
  type GpuModel,
  type MigPartedEntry,
} from '../../geometry';
import { usePluginTranslation } from '../../hooks/usePluginTranslation';
import { SliceMap, SliceMapLegend } from '../SliceMap';
import { additionBlockText } from '../text/layoutText';
import {
  addInstance,
  checkAddition,
  countsOf,
  fromLayout,
  removeInstance,
  usageOf,
  type DesignedGpuState,
} from './designerState';

export interface LayoutDesignerProps {
  /** GPU nodes, to start from a node's GPUs and current layout. */
  nodes: GpuNodeView[];
  /** The model selected first (catalog id); defaults to the first node's model, else A30. */
  initialModelId?: string;
  /** Opens the save/export dialog for the designed config. */
  onSave: (design: DesignResult) => void;
}

/** What the designer produces: the entries of one named config. */
export interface DesignResult {
  model: GpuModel;
  entries: MigPartedEntry[];
  /** Comment written above the config in the file. */
  comment: string;
  suggestedName: string;
}

const MAX_DESIGNED_GPUS = 16;

const gib = (mib: number) => (mib / 1024).toFixed(1);

function emptyGpus(count: number): DesignedGpuState[] {
  return Array.from({ length: count }, (_, index) => ({ index, instances: [] }));
}

function suggestName(model: GpuModel, gpus: DesignedGpuState[]): string {
  const counts = countsOf(gpus.flatMap((gpu) => gpu.instances));
  const parts = Object.entries(counts)
    .sort(([a], [b]) => a.localeCompare(b, undefined, { numeric: true }))
    .map(([profile, count]) => `${count}x${profile.replace(/[^a-z0-9.]+/gi, '-')}`);
  return `custom-${model.id}${parts.length ? `-${parts.join('-')}` : ''}`
    .toLowerCase()
    .replace(/[^a-z0-9.-]+/g, '-')
    .slice(0, 63)
    .replace(/[-.]+$/, '');
}

/**
 * Design MIG layouts on the slice map: per GPU, add the model's profiles (only where a legal
 * placement exists, otherwise the button says why) and click an instance to remove it.
 */
export const LayoutDesigner = ({ nodes, initialModelId, onSave }: LayoutDesignerProps) => {
  const { t } = usePluginTranslation();
  const models = React.useMemo(() => listModels(), []);
  const nodesWithModel = React.useMemo(() => nodes.filter((node) => node.model), [nodes]);
  const [source, setSource] = React.useState<'model' | 'node'>('model');
  const [modelId, setModelId] = React.useState(
    initialModelId ?? nodesWithModel[0]?.model?.id ?? 'a30-24gb',
  );
  const [nodeName, setNodeName] = React.useState(nodesWithModel[0]?.name ?? '');
  const [gpus, setGpus] = React.useState<DesignedGpuState[]>(() => emptyGpus(1));
  const [sameOnAll, setSameOnAll] = React.useState(true);

  const node = source === 'node' ? nodesWithModel.find((n) => n.name === nodeName) : undefined;
  const model =
    source === 'node' ? node?.model : models.find((candidate) => candidate.id === modelId);

  const startFromNode = (name: string) => {
    const chosen = nodesWithModel.find((candidate) => candidate.name === name);
    setNodeName(name);
    if (!chosen) return;
    const fromNode = chosen.gpus.map((gpu) => ({
      index: gpu.index,
      instances: gpu.migEnabled ? fromLayout(gpu.instances) : [],
    }));
    setGpus(fromNode.length > 0 ? fromNode : emptyGpus(chosen.gpuCount || 1));
    const layouts = new Set(fromNode.map((gpu) => JSON.stringify(countsOf(gpu.instances))));
    setSameOnAll(layouts.size <= 1);
  };

  const selectSource = (next: 'model' | 'node') => {
    setSource(next);
    if (next === 'node' && nodeName) startFromNode(nodeName);
    else setGpus(emptyGpus(Math.max(gpus.length, 1)));
  };

  const setGpuCount = (count: number) => {
    const bounded = Math.min(Math.max(count, 1), MAX_DESIGNED_GPUS);
    setGpus((current) =>
      Array.from(
        { length: bounded },
        (_, index) =>
          current[index] ?? {
            index,
            instances: sameOnAll && current[0] ? fromLayout(current[0].instances) : [],
          },
      ),
    );
  };

  const toggleSameOnAll = (checked: boolean) => {
    setSameOnAll(checked);
    // Leaving "same on all": every GPU starts from the shared layout, then can differ.
    if (!checked && gpus[0]) {
      const shared = gpus[0].instances;
      setGpus((current) =>
        current.map((gpu, i) => (i === 0 ? gpu : { ...gpu, instances: fromLayout(shared) })),
      );
    }
  };

  const updateGpu = (position: number, change: (gpu: DesignedGpuState) => DesignedGpuState) =>
    setGpus((current) => current.map((gpu, i) => (i === position ? change(gpu) : gpu)));

  const edited = sameOnAll ? gpus.slice(0, 1) : gpus;
  const entries = model
    ? designedEntries(
        model,
        gpus.map((gpu) => ({ index: gpu.index, counts: countsOf(gpu.instances) })),
        sameOnAll,
      )
    : [];
  const previewName = model ? suggestName(model, edited) : 'custom';
  const entriesYaml = serializeMigPartedConfig({
    version: MIG_PARTED_SPEC_VERSION,
    migConfigs: { [previewName]: entries },
  });
  const empty = edited.every((gpu) => gpu.instances.length === 0);

  return (
    <Stack hasGutter className="gpu-partitioning-designer">
      <StackItem>
        <Content component="p">
          {t(
            'Design a MIG layout per GPU. Only legal placements are offered; click an instance on the map to remove it. Positions are a prediction: the driver chooses the exact starts.',
          )}
        </Content>
      </StackItem>
      <StackItem>
        <Form isHorizontal onSubmit={(event) => event.preventDefault()}>
          <FormGroup
            label={t('Design for')}
            fieldId="gpu-partitioning-designer-source"
            role="group"
          >
            <ToggleGroup aria-label={t('Design for')}>
              <ToggleGroupItem
                text={t('GPU model')}
                buttonId="gpu-partitioning-designer-source-model"
                isSelected={source === 'model'}
                onChange={() => selectSource('model')}
              />
              <ToggleGroupItem
                text={t('Node')}
                buttonId="gpu-partitioning-designer-source-node"
                isSelected={source === 'node'}
                onChange={() => selectSource('node')}
                isDisabled={nodesWithModel.length === 0}
              />
            </ToggleGroup>
          </FormGroup>
          {source === 'model' ? (
            <>
              <FormGroup label={t('GPU model')} fieldId="gpu-partitioning-designer-model">
                <FormSelect
                  id="gpu-partitioning-designer-model"
                  value={modelId}
                  onChange={(_event, value) => {
                    setModelId(value);
                    setGpus(emptyGpus(gpus.length));
                  }}
                >
                  {models.map((candidate) => (
                    <FormSelectOption
                      key={candidate.id}
                      value={candidate.id}
                      label={candidate.displayName}
                    />
                  ))}
                </FormSelect>
              </FormGroup>
              <FormGroup label={t('GPUs per node')} fieldId="gpu-partitioning-designer-count">
                <NumberInput
                  id="gpu-partitioning-designer-count"
                  value={gpus.length}
                  min={1}
                  max={MAX_DESIGNED_GPUS}
                  onMinus={() => setGpuCount(gpus.length - 1)}
                  onPlus={() => setGpuCount(gpus.length + 1)}
                  onChange={(event) =>
                    setGpuCount(Number((event.target as HTMLInputElement).value) || 1)
                  }
                  inputAriaLabel={t('GPUs per node')}
                  minusBtnAriaLabel={t('Fewer GPUs')}
                  plusBtnAriaLabel={t('More GPUs')}
                />
              </FormGroup>
            </>
          ) : (
            <FormGroup label={t('Node')} fieldId="gpu-partitioning-designer-node">
              <FormSelect
                id="gpu-partitioning-designer-node"
                value={nodeName}
                onChange={(_event, value) => startFromNode(value)}
              >
                {nodesWithModel.map((candidate) => (
                  <FormSelectOption
                    key={candidate.name}
                    value={candidate.name}
                    label={`${candidate.name} (${candidate.gpuCount} × ${
                      candidate.model ? shortModelName(candidate.model) : candidate.product
                    })`}
                  />
                ))}
              </FormSelect>
            </FormGroup>
          )}
          <FormGroup fieldId="gpu-partitioning-designer-same" label={t('Layout')}>
            <Switch
              id="gpu-partitioning-designer-same"
              label={t('Same layout on all GPUs')}
              isChecked={sameOnAll}
              onChange={(_event, checked) => toggleSameOnAll(checked)}
            />
          </FormGroup>
        </Form>
      </StackItem>
      {!model ? (
        <StackItem>
          <HelperText>
            <HelperTextItem variant="warning">
              {t("This node's GPU model is not in the catalog; pick a GPU model instead.")}
            </HelperTextItem>
          </HelperText>
        </StackItem>
      ) : (
        <>
          <StackItem>
            <Gallery hasGutter minWidths={{ default: '340px' }}>
              {edited.map((gpu, position) => (
                <DesignedGpuCard
                  key={gpu.index}
                  model={model}
                  gpu={gpu}
                  title={
                    sameOnAll
                      ? t('All GPUs ({{count}}) · {{model}}', {
                          count: gpus.length,
                          model: shortModelName(model),
                        })
                      : t('GPU {{index}} · {{model}}', {
                          index: gpu.index,
                          model: shortModelName(model),
                        })
                  }
                  onAdd={(profile) =>
                    updateGpu(position, (current) => ({
                      ...current,
                      instances:
                        addInstance(model, current.instances, profile) ?? current.instances,
                    }))
                  }
                  onRemove={(id) =>
                    updateGpu(position, (current) => ({
                      ...current,
                      instances: removeInstance(current.instances, id),
                    }))
                  }
                />
              ))}
            </Gallery>
          </StackItem>
          <StackItem>
            <SliceMapLegend model={model} />
          </StackItem>
          <StackItem>
            <Content component="h3">{t('Equivalent mig-parted config')}</Content>
            <CodeBlock>
              <CodeBlockCode id="gpu-partitioning-designer-entries">{entriesYaml}</CodeBlockCode>
            </CodeBlock>
          </StackItem>
          <StackItem>
            <Flex>
              <FlexItem>
                <Button
                  variant="primary"
                  isDisabled={empty}
                  onClick={() =>
                    onSave({
                      model,
                      entries,
                      comment: `${model.displayName}: designed in the GPU Partitioning console plugin`,
                      suggestedName: previewName,
                    })
                  }
                >
                  {t('Save or export as named config…')}
                </Button>
              </FlexItem>
              <FlexItem>
                <Button variant="link" onClick={() => setGpus(emptyGpus(gpus.length))}>
                  {t('Clear layout')}
                </Button>
              </FlexItem>
            </Flex>
            {empty && (
              <HelperText>
                <HelperTextItem>
                  {t('Add at least one instance to save the layout.')}
                </HelperTextItem>
              </HelperText>
            )}
          </StackItem>
        </>
      )}
    </Stack>
  );
};

interface DesignedGpuCardProps {
  model: GpuModel;
  gpu: DesignedGpuState;
  title: string;
  onAdd: (profile: string) => void;
  onRemove: (id: string) => void;
}

const DesignedGpuCard = ({ model, gpu, title, onAdd, onRemove }: DesignedGpuCardProps) => {
  const { t } = usePluginTranslation();
  const usage = usageOf(model, gpu.instances);
  const counts = countsOf(gpu.instances);
  const checks = model.profiles.map((profile) => ({
    profile: profile.name,
    check: checkAddition(model, gpu.instances, profile.name),
  }));
  const blocked = checks.filter(({ check }) => !check.allowed);
  const migDevices = Object.entries(counts)
    .sort(([a], [b]) => a.localeCompare(b, undefined, { numeric: true }))
    .map(([profile, count]) => `  ${profile}: ${count}`)
    .join('\n');
  return (
    <Card isCompact data-test={`designer-gpu-${gpu.index}`}>
      <CardBody>
        <Stack hasGutter>
          <StackItem>
            <SliceMap
              model={model}
              gpuIndex={gpu.index}
              instances={gpu.instances}
              migEnabled
              title={title}
              onInstanceClick={onRemove}
            />
          </StackItem>
          <StackItem>
            <Content component="small">
              {t(
                'Compute {{computeUsed}} of {{computeTotal}} slices · memory {{memory}} of {{memoryTotal}} GiB · grid {{unitsUsed}} of {{unitsTotal}} units',
                {
                  computeUsed: usage.computeUsed,
                  computeTotal: usage.computeTotal,
                  memory: gib(usage.memoryMiB),
                  memoryTotal: gib(usage.memoryTotalMiB),
                  unitsUsed: usage.unitsUsed,
                  unitsTotal: usage.unitsTotal,
                },
              )}
            </Content>
          </StackItem>
          <StackItem>
            <Flex
              spaceItems={{ default: 'spaceItemsSm' }}
              role="group"
              aria-label={t('Add instances')}
            >
              {checks.map(({ profile, check }) => {
                const label = t('Add {{profile}}', { profile });
                const button = (
                  <Button
                    variant="secondary"
                    size="sm"
                    isAriaDisabled={!check.allowed}
                    onClick={() => onAdd(profile)}
                  >
                    {label}
                  </Button>
                );
                return (
                  <FlexItem key={profile}>
                    {check.allowed && !check.repacks ? (
                      button
                    ) : (
                      <Tooltip
                        content={
                          check.allowed
                            ? t('Fits by moving existing instances to other starts.')
                            : check.blocked && additionBlockText(t, check.blocked)
                        }
                      >
                        {button}
                      </Tooltip>
                    )}
                  </FlexItem>
                );
              })}
            </Flex>
          </StackItem>
          {blocked.length > 0 && (
            <StackItem>
              <HelperText>
                {blocked.map(({ profile, check }) => (
                  <HelperTextItem key={profile} variant="indeterminate">
                    {t('Cannot add {{profile}}: {{reason}}', {
                      profile,
                      reason: check.blocked ? additionBlockText(t, check.blocked) : '',
                    })}
                  </HelperTextItem>
                ))}
              </HelperText>
            </StackItem>
          )}
          <StackItem>
            <Content component="small">{t('mig-devices')}</Content>
            <CodeBlock>
              <CodeBlockCode>{migDevices === '' ? '  {}' : migDevices}</CodeBlockCode>
            </CodeBlock>
          </StackItem>
        </Stack>
      </CardBody>
    </Card>
  );
};
