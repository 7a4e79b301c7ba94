import { Alert, PageSection } from '@patternfly/react-core';
import * as React from 'react';

type State = { error?: Error };

/** Shows a plugin component's crash in place, as the console does, instead of a blank page. */
export class PluginErrorBoundary extends React.Component<React.PropsWithChildren<unknown>, State> {
  state: State = {};

  static getDerivedStateFromError(error: Error): State {
    return { error };
  }

  componentDidCatch(error: Error, info: React.ErrorInfo) {
    console.error('plugin component crashed', error, info.componentStack);
  }

  render() {
    if (!this.state.error) return this.props.children;
    return (
      <PageSection>
        <Alert variant="danger" isInline title="The plugin component failed to render">
          <pre className="host-error-stack">
            {this.state.error.stack ?? this.state.error.message}
          </pre>
        </Alert>
      </PageSection>
    );
  }
}
