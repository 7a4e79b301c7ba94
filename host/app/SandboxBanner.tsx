import { Banner, Flex, FlexItem, ToggleGroup, ToggleGroupItem } from '@patternfly/react-core';
import * as React from 'react';
import { type HostInfo, switchUser } from './session';

/** Says which cluster this is and lets the presenter act as another user. */
export const SandboxBanner: React.FC<{ info?: HostInfo }> = ({ info }) => (
  <Banner color={info?.mode === 'api' ? 'orange' : 'purple'} data-test="sandbox-banner">
    <Flex
      justifyContent={{ default: 'justifyContentSpaceBetween' }}
      alignItems={{ default: 'alignItemsCenter' }}
      flexWrap={{ default: 'wrap' }}
    >
      <FlexItem>
        {!info && 'Standalone host'}
        {info?.mode === 'sandbox' && (
          <>
            <strong>Sandbox</strong>: a simulated cluster (scenario{' '}
            <span data-test="sandbox-scenario">{info.scenario ?? 'seed'}</span>), not a real
            OpenShift console.
          </>
        )}
        {info?.mode === 'api' && (
          <>
            <strong>Standalone host</strong> connected to the API at{' '}
            <code data-test="sandbox-api-url">{info.apiURL}</code>
          </>
        )}
      </FlexItem>
      {info && info.users.length > 1 && (
        <FlexItem>
          <Flex alignItems={{ default: 'alignItemsCenter' }} gap={{ default: 'gapSm' }}>
            <FlexItem id="host-user-label">Acting as</FlexItem>
            <FlexItem>
              <ToggleGroup isCompact aria-labelledby="host-user-label">
                {info.users.map((user) => (
                  <ToggleGroupItem
                    key={user}
                    text={user}
                    buttonId={`host-user-${user}`}
                    isSelected={info.user === user}
                    onChange={() => info.user !== user && switchUser(user)}
                  />
                ))}
              </ToggleGroup>
            </FlexItem>
          </Flex>
        </FlexItem>
      )}
    </Flex>
  </Banner>
);
