/** A kubeconfig for the sandbox: contexts `sandbox-admin` (current), `sandbox-viewer`, `sandbox-data-scientist`. */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { stringify } from 'yaml';
import { ADMIN_TOKEN, DATA_SCIENTIST_TOKEN, VIEWER_TOKEN } from './auth';

export function kubeconfigYaml(url: string, caCertificate: string): string {
  const context = (user: string): Record<string, unknown> => ({
    name: user,
    context: { cluster: 'sandbox', user },
  });
  return stringify({
    apiVersion: 'v1',
    kind: 'Config',
    clusters: [
      {
        name: 'sandbox',
        cluster: {
          server: url,
          'certificate-authority-data': Buffer.from(caCertificate).toString('base64'),
        },
      },
    ],
    users: [
      { name: 'sandbox-admin', user: { token: ADMIN_TOKEN } },
      { name: 'sandbox-viewer', user: { token: VIEWER_TOKEN } },
      { name: 'sandbox-data-scientist', user: { token: DATA_SCIENTIST_TOKEN } },
    ],
    contexts: [
      context('sandbox-admin'),
      context('sandbox-viewer'),
      context('sandbox-data-scientist'),
    ],
    'current-context': 'sandbox-admin',
    preferences: {},
  });
}

export function writeKubeconfig(path: string, url: string, caCertificate: string): void {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, kubeconfigYaml(url, caCertificate), { mode: 0o600 });
}
