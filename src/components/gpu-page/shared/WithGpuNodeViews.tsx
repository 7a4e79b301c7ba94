import type * as React from 'react';
import { useGpuNodeViews, type GpuNodeViewsResult } from '../../../hooks/useGpuNodeViews';
import { useSharedGpuNodeViews } from '../../../hooks/useSharedGpuNodeViews';

type RenderViews = (views: GpuNodeViewsResult) => React.ReactNode;

const OwnGpuNodeViews = ({ children }: { children: RenderViews }) => {
  const views = useGpuNodeViews();
  return <>{children(views)}</>;
};

/**
 * Renders `children` with every GPU node's view: the page's when it shares them
 * (`SharedGpuNodeViewsProvider`), else built here (the Node → GPU tab has only its node's).
 */
export const WithGpuNodeViews = ({ children }: { children: RenderViews }) => {
  const shared = useSharedGpuNodeViews();
  return shared ? <>{children(shared)}</> : <OwnGpuNodeViews>{children}</OwnGpuNodeViews>;
};
