import * as React from 'react';

/** The console's key for "all namespaces". */
export const ALL_NAMESPACES_KEY = '#ALL_NS#';

let activeNamespace = ALL_NAMESPACES_KEY;
const listeners = new Set<() => void>();

export const useActiveNamespace = (): [string, (ns: string) => void] => {
  const [namespace, setLocal] = React.useState(activeNamespace);
  React.useEffect(() => {
    const listener = () => setLocal(activeNamespace);
    listeners.add(listener);
    return () => {
      listeners.delete(listener);
    };
  }, []);
  const setNamespace = React.useCallback((ns: string) => {
    activeNamespace = ns;
    listeners.forEach((listener) => listener());
  }, []);
  return [namespace, setNamespace];
};
