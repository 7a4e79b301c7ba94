import * as React from 'react';
import type { GpuNodeViewsResult } from './useGpuNodeViews';

/**
 * The page's `useGpuNodeViews()` result, for the dialogs it opens: building every node view is
 * the costliest read, so a dialog on the page uses the page's instead of building its own.
 */
const SharedGpuNodeViews = React.createContext<GpuNodeViewsResult | undefined>(undefined);

export const SharedGpuNodeViewsProvider = SharedGpuNodeViews.Provider;

/** The page's node views; undefined outside the page (the Node → GPU tab). */
export const useSharedGpuNodeViews = (): GpuNodeViewsResult | undefined =>
  React.useContext(SharedGpuNodeViews);
