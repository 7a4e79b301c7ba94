import {
  Button,
  Card,
  CardBody,
  CodeBlock,
  CodeBlockCode,
  Content,
  Flex,
  FlexItem,
  Grid,
  GridItem,
  HelperText,
  HelperTextItem,
  Stack,
  StackItem,
  Tooltip,
} from '@patternfly/react-core';
import type { GpuModel } from '../../geometry';
import { usePluginTranslation } from '../../hooks/usePluginTranslation';
import { SliceMap } from '../SliceMap';
import { additionBlockText } from '../text/layoutText';
import {
  checkAddition,
  countsOf,
  usageOf,
  type AdditionCheck,
  type DesignedGpuState,
} from './designerState';

interface DesignedGpuCardProps {
  model: GpuModel;
  gpu: DesignedGpuState;
  title: string;
  onAdd: (profile: string) => void;
  onRemove: (id: string) => void;
  /** The only card: the map and what can be added side by side, over the whole width. */
  wide?: boolean;
}

interface ProfileCheck {
  profile: string;
  check: AdditionCheck;
}

const gib = (mib: number) => (mib / 1024).toFixed(1);

/** One designed GPU: its slice map (click an instance to remove it), usage, and what can be added. */
export const DesignedGpuCard = ({
  model,
  gpu,
  title,
  onAdd,
  onRemove,
  wide = false,
}: DesignedGpuCardProps) => {
  const checks: ProfileCheck[] = model.profiles.map((profile) => ({
    profile: profile.name,
    check: checkAddition(model, gpu.instances, profile.name),
  }));
  const map = (
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
        <GpuUsage model={model} gpu={gpu} />
      </StackItem>
    </Stack>
  );
  const additions = (
    <Stack hasGutter>
      <StackItem>
        <AddInstanceButtons checks={checks} onAdd={onAdd} />
      </StackItem>
      <BlockedAdditions checks={checks} />
      <StackItem>
        <MigDevices gpu={gpu} />
      </StackItem>
    </Stack>
  );
  return (
    <Card isCompact data-test={`designer-gpu-${gpu.index}`}>
      <CardBody>
        <Grid hasGutter>
          <GridItem md={wide ? 6 : 12}>{map}</GridItem>
          <GridItem md={wide ? 6 : 12}>{additions}</GridItem>
        </Grid>
      </CardBody>
    </Card>
  );
};

const GpuUsage = ({ model, gpu }: { model: GpuModel; gpu: DesignedGpuState }) => {
  const { t } = usePluginTranslation();
  const usage = usageOf(model, gpu.instances);
  return (
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
  );
};

const AddInstanceButtons = ({
  checks,
  onAdd,
}: {
  checks: ProfileCheck[];
  onAdd: (profile: string) => void;
}) => {
  const { t } = usePluginTranslation();
  return (
    <Flex spaceItems={{ default: 'spaceItemsSm' }} role="group" aria-label={t('Add instances')}>
      {checks.map(({ profile, check }) => {
        const button = (
          <Button
            variant="secondary"
            size="sm"
            isAriaDisabled={!check.allowed}
            onClick={() => onAdd(profile)}
          >
            {t('Add {{profile}}', { profile })}
          </Button>
        );
        if (check.allowed && !check.repacks) return <FlexItem key={profile}>{button}</FlexItem>;
        const why = check.allowed
          ? t('Fits by moving existing instances to other starts.')
          : check.blocked && additionBlockText(t, check.blocked);
        return (
          <FlexItem key={profile}>
            <Tooltip content={why}>{button}</Tooltip>
          </FlexItem>
        );
      })}
    </Flex>
  );
};

const BlockedAdditions = ({ checks }: { checks: ProfileCheck[] }) => {
  const { t } = usePluginTranslation();
  const blocked = checks.filter(({ check }) => !check.allowed);
  if (blocked.length === 0) return null;
  return (
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
  );
};

/** The GPU's `mig-devices` as mig-parted writes them. */
const MigDevices = ({ gpu }: { gpu: DesignedGpuState }) => {
  const { t } = usePluginTranslation();
  const lines = Object.entries(countsOf(gpu.instances))
    .sort(([a], [b]) => a.localeCompare(b, undefined, { numeric: true }))
    .map(([profile, count]) => `  ${profile}: ${count}`)
    .join('\n');
  return (
    <>
      <Content component="small">{t('mig-devices')}</Content>
      <CodeBlock>
        <CodeBlockCode>{lines === '' ? '  {}' : lines}</CodeBlockCode>
      </CodeBlock>
    </>
  );
};
