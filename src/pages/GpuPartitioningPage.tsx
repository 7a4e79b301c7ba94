import { PageSection, Title } from '@patternfly/react-core';
import { usePluginTranslation } from '../hooks/usePluginTranslation';

const GpuPartitioningPage = () => {
  const { t } = usePluginTranslation();
  return (
    <PageSection>
      <Title headingLevel="h1">{t('GPU Partitioning')}</Title>
    </PageSection>
  );
};

export default GpuPartitioningPage;
