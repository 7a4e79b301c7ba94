import {
  Button,
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
  Grid,
  GridItem,
  HelperText,
  HelperTextItem,
  NumberInput,
  Stack,
  StackItem,
  Switch,
  ToggleGroup,
  ToggleGroupItem,
} from '@patternfly/react-core';
import * as React from 'react';
import type { GpuNodeView } from '../../cluster/types';
import { listModels, shortModelName, type GpuModel, type MigPartedEntry } from '../../geometry';
import { usePluginTranslation } from '../../hooks/usePluginTranslation';
import { SliceMapLegend } from '../SliceMap';
import { DesignedGpuCard } from './DesignedGpuCard';
import {
  designOutput,
  editedGpus,
  MAX_DESIGNED_GPUS,
  type DesignAction,
  type LayoutDesign,
} from './designReducer';
import { type DesignDraft, type LayoutDesignState, useLayoutDesign } from './useLayoutDesign';

export interface LayoutDesignerProps {
  /** GPU nodes, to start from a node's GPUs and current layout. */
  nodes: GpuNodeView[];
  /** The model selected first (catalog id); defaults to the fleet's most common model, else A30. */
  initialModelId?: string;
  /** Where the design is kept while the designer is not shown (default: this browser tab's). */
  draft?: DesignDraft;
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

/**
 * Design MIG layouts on the slice map: per GPU, add the model's profiles (only where a legal
 * placement exists, otherwise the button says why) and click an instance to remove it. The
 * state lives in `useLayoutDesign`; this file only lays it out over the page's width.
 */
export const LayoutDesigner = ({ nodes, initialModelId, draft, onSave }: LayoutDesignerProps) => {
  const { t } = usePluginTranslation();
  const state = useLayoutDesign(nodes, { initialModelId, draft });
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
        <DesignerForm state={state} />
      </StackItem>
      {state.model && (
        <StackItem>
          <DesignWorkspace
            design={state.design}
            model={state.model}
            dispatch={state.dispatch}
            onSave={onSave}
          />
        </StackItem>
      )}
    </Stack>
  );
};

/** What to design for, in one row on wide screens: source, model or node, GPU count, sharing. */
const DesignerForm = ({ state }: { state: LayoutDesignState }) => {
  const { t } = usePluginTranslation();
  const { design, dispatch } = state;
  return (
    <Form onSubmit={(event) => event.preventDefault()}>
      <Flex
        spaceItems={{ default: 'spaceItems2xl' }}
        alignItems={{ default: 'alignItemsFlexStart' }}
      >
        <FlexItem>
          <FormGroup
            label={t('Design for')}
            fieldId="gpu-partitioning-designer-source"
            role="group"
          >
            <ToggleGroup aria-label={t('Design for')}>
              <ToggleGroupItem
                text={t('GPU model')}
                buttonId="gpu-partitioning-designer-source-model"
                isSelected={design.source === 'model'}
                onChange={() => dispatch({ type: 'design-for-model' })}
              />
              <ToggleGroupItem
                text={t('Node')}
                buttonId="gpu-partitioning-designer-source-node"
                isSelected={design.source === 'node'}
                onChange={state.designForNode}
                isDisabled={state.nodesWithModel.length === 0}
              />
            </ToggleGroup>
          </FormGroup>
        </FlexItem>
        <FlexItem className="gpu-partitioning-designer__target">
          {design.source === 'model' ? <ModelSelect state={state} /> : <NodeSelect state={state} />}
        </FlexItem>
        {design.source === 'model' && (
          <FlexItem>
            <GpuCountInput design={design} dispatch={dispatch} />
          </FlexItem>
        )}
        <FlexItem>
          <FormGroup fieldId="gpu-partitioning-designer-same" label={t('Layout')}>
            <Switch
              id="gpu-partitioning-designer-same"
              label={t('Same layout on all GPUs')}
              isChecked={design.sameOnAll}
              onChange={(_event, same) => dispatch({ type: 'set-same-on-all', same })}
            />
          </FormGroup>
        </FlexItem>
      </Flex>
    </Form>
  );
};

const ModelSelect = ({ state }: { state: LayoutDesignState }) => {
  const { t } = usePluginTranslation();
  const models = React.useMemo(() => listModels(), []);
  return (
    <FormGroup label={t('GPU model')} fieldId="gpu-partitioning-designer-model">
      <FormSelect
        id="gpu-partitioning-designer-model"
        value={state.design.modelId}
        onChange={(_event, modelId) => state.dispatch({ type: 'choose-model', modelId })}
      >
        {models.map((model) => (
          <FormSelectOption key={model.id} value={model.id} label={model.displayName} />
        ))}
      </FormSelect>
    </FormGroup>
  );
};

/** Only nodes whose model the catalog knows; a node no longer listed shows as not chosen. */
const NodeSelect = ({ state }: { state: LayoutDesignState }) => {
  const { t } = usePluginTranslation();
  return (
    <FormGroup label={t('Node')} fieldId="gpu-partitioning-designer-node">
      <FormSelect
        id="gpu-partitioning-designer-node"
        value={state.node?.name ?? ''}
        onChange={(_event, name) => state.chooseNode(name)}
      >
        {!state.node && (
          <FormSelectOption isPlaceholder isDisabled value="" label={t('Choose a node')} />
        )}
        {state.nodesWithModel.map((node) => (
          <FormSelectOption
            key={node.name}
            value={node.name}
            label={`${node.name} (${node.gpuCount} × ${
              node.model ? shortModelName(node.model) : node.product
            })`}
          />
        ))}
      </FormSelect>
    </FormGroup>
  );
};

interface DesignProps {
  design: LayoutDesign;
  dispatch: React.Dispatch<DesignAction>;
}

const GpuCountInput = ({ design, dispatch }: DesignProps) => {
  const { t } = usePluginTranslation();
  const count = design.gpus.length;
  const setCount = (next: number) => dispatch({ type: 'set-gpu-count', count: next });
  return (
    <FormGroup label={t('GPUs per node')} fieldId="gpu-partitioning-designer-count">
      <NumberInput
        id="gpu-partitioning-designer-count"
        value={count}
        min={1}
        max={MAX_DESIGNED_GPUS}
        onMinus={() => setCount(count - 1)}
        onPlus={() => setCount(count + 1)}
        onChange={(event) => setCount(Number((event.target as HTMLInputElement).value))}
        inputAriaLabel={t('GPUs per node')}
        minusBtnAriaLabel={t('Fewer GPUs')}
        plusBtnAriaLabel={t('More GPUs')}
      />
    </FormGroup>
  );
};

interface WorkspaceProps extends DesignProps {
  model: GpuModel;
  onSave: (design: DesignResult) => void;
}

/** The GPUs being designed, with the config they make beside them on wide screens. */
const DesignWorkspace = ({ design, model, dispatch, onSave }: WorkspaceProps) => (
  <Grid hasGutter>
    <GridItem lg={7} xl={8}>
      <Stack hasGutter>
        <StackItem>
          <DesignedGpus design={design} model={model} dispatch={dispatch} />
        </StackItem>
        <StackItem>
          <SliceMapLegend model={model} />
        </StackItem>
      </Stack>
    </GridItem>
    <GridItem lg={5} xl={4}>
      <DesignedConfig design={design} model={model} dispatch={dispatch} onSave={onSave} />
    </GridItem>
  </Grid>
);

/** One card over the whole width, or a gallery of cards when the GPUs' layouts differ. */
const DesignedGpus = ({ design, model, dispatch }: DesignProps & { model: GpuModel }) => {
  const { t } = usePluginTranslation();
  const modelName = shortModelName(model);
  const gpus = editedGpus(design);
  return (
    <Gallery hasGutter minWidths={{ default: '100%', md: gpus.length > 1 ? '360px' : '100%' }}>
      {gpus.map((gpu, position) => (
        <DesignedGpuCard
          key={gpu.index}
          model={model}
          gpu={gpu}
          title={
            design.sameOnAll
              ? t('All GPUs ({{count}}) · {{model}}', {
                  count: design.gpus.length,
                  model: modelName,
                })
              : t('GPU {{index}} · {{model}}', { index: gpu.index, model: modelName })
          }
          onAdd={(profile) => dispatch({ type: 'add-instance', position, profile })}
          onRemove={(id) => dispatch({ type: 'remove-instance', position, id })}
          wide={gpus.length === 1}
        />
      ))}
    </Gallery>
  );
};

/** The config the design makes, and what to do with it. */
const DesignedConfig = ({ design, model, dispatch, onSave }: WorkspaceProps) => {
  const { t } = usePluginTranslation();
  const output = designOutput(design, model);
  const save = () =>
    onSave({
      model,
      entries: output.entries,
      comment: `${model.displayName}: designed in the GPU Partitioning console plugin`,
      suggestedName: output.name,
    });
  return (
    <Stack hasGutter>
      <StackItem>
        <Flex>
          <FlexItem>
            <Button variant="primary" isDisabled={output.empty} onClick={save}>
              {t('Save or export as named config…')}
            </Button>
          </FlexItem>
          <FlexItem>
            <Button variant="link" onClick={() => dispatch({ type: 'clear' })}>
              {t('Clear layout')}
            </Button>
          </FlexItem>
        </Flex>
        {output.empty && (
          <HelperText>
            <HelperTextItem>{t('Add at least one instance to save the layout.')}</HelperTextItem>
          </HelperText>
        )}
      </StackItem>
      <StackItem>
        <Content component="h3">{t('Equivalent mig-parted config')}</Content>
        <CodeBlock>
          <CodeBlockCode id="gpu-partitioning-designer-entries">{output.yaml}</CodeBlockCode>
        </CodeBlock>
      </StackItem>
    </Stack>
  );
};
