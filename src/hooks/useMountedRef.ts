import * as React from 'react';

/** `current` is false once the component unmounted: a late promise must not set its state. */
export const useMountedRef = (): React.MutableRefObject<boolean> => {
  const mounted = React.useRef(true);
  React.useEffect(() => {
    mounted.current = true;
    return () => {
      mounted.current = false;
    };
  }, []);
  return mounted;
};
