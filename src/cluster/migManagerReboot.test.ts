import fc from 'fast-check';
import type { ClusterPolicyKind } from './models';
import { readWithReboot } from './migManagerReboot';

const policy = (env: unknown): ClusterPolicyKind =>
  ({ spec: { migManager: { enabled: true, env } } }) as ClusterPolicyKind;

describe('readWithReboot', () => {
  it('is on when spec.migManager.env sets WITH_REBOOT=true', () => {
    expect(readWithReboot(policy([{ name: 'WITH_REBOOT', value: 'true' }]))).toEqual({
      setting: 'on',
    });
    expect(readWithReboot(policy([{ name: 'WITH_REBOOT', value: '1' }])).setting).toBe('on');
  });

  it('is off when absent, false or empty', () => {
    expect(readWithReboot(undefined).setting).toBe('off');
    expect(readWithReboot(policy(undefined)).setting).toBe('off');
    expect(readWithReboot(policy([{ name: 'OTHER', value: 'true' }])).setting).toBe('off');
    expect(readWithReboot(policy([{ name: 'WITH_REBOOT', value: 'false' }])).setting).toBe('off');
    expect(readWithReboot(policy([{ name: 'WITH_REBOOT' }])).setting).toBe('off');
  });

  it('takes the last entry, as a container does', () => {
    const env = [
      { name: 'WITH_REBOOT', value: 'false' },
      { name: 'WITH_REBOOT', value: 'True' },
    ];
    expect(readWithReboot(policy(env)).setting).toBe('on');
  });

  it('is unknown for valueFrom or a value the mig-manager does not read as a boolean', () => {
    const fromConfigMap = [{ name: 'WITH_REBOOT', valueFrom: { configMapKeyRef: { key: 'r' } } }];
    expect(readWithReboot(policy(fromConfigMap))).toEqual({
      setting: 'unknown',
      value: 'valueFrom',
    });
    expect(readWithReboot(policy([{ name: 'WITH_REBOOT', value: 'yes' }]))).toEqual({
      setting: 'unknown',
      value: 'yes',
    });
  });

  it('never throws on malformed policies', () => {
    fc.assert(
      fc.property(fc.anything(), fc.anything(), (env, whole) => {
        expect(['on', 'off', 'unknown']).toContain(readWithReboot(policy(env)).setting);
        expect(['on', 'off', 'unknown']).toContain(
          readWithReboot(whole as ClusterPolicyKind).setting,
        );
      }),
    );
  });
});
