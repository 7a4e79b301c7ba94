import { PageSection, Title } from '@patternfly/react-core';
import { usePluginTranslation } from '../hooks/usePluginTranslation';

const NodeGpuTab = () => {
  const { t } = usePluginTranslation();
  return (
    <PageSection>
      <Title headingLevel="h2">{t('GPU')}</Title>
    </PageSection>
  );
};

export default NodeGpuTab;
