import type { K8sGroupVersionKind } from '@openshift-console/dynamic-plugin-sdk';
import * as React from 'react';
import consoleExtensions from '../../console-extensions.json';
import packageJson from '../../package.json';

/**
 * The plugin as the console would load it: its extensions come from `console-extensions.json`
 * and each `$codeRef` resolves to one of the modules exposed in package.json.
 */

type CodeRef = { $codeRef: string };
type Flags = { required?: string[]; disallowed?: string[] };
type RawExtension = { type: string; properties: Record<string, unknown>; flags?: Flags };

type PluginComponent = React.ComponentType<Record<string, unknown>>;
type ModuleLoader = () => Promise<Record<string, unknown>>;

/**
 * One loader per exposed module (webpack needs static import paths). `plugin.test.ts` checks
 * that this table and package.json's `consolePlugin.exposedModules` name the same modules.
 */
export const EXPOSED_MODULE_LOADERS: Record<string, ModuleLoader> = {
  GpuPartitioningPage: () => import('../../src/pages/GpuPartitioningPage'),
  NodeGpuTab: () => import('../../src/pages/NodeGpuTab'),
};

export const PLUGIN_NAME: string = packageJson.consolePlugin.name;
export const I18N_NAMESPACE = `plugin__${PLUGIN_NAME}`;

const extensions = consoleExtensions as RawExtension[];

const lazyComponents = new Map<string, React.LazyExoticComponent<PluginComponent>>();

/** `{"$codeRef": "Module"}` or `"Module.named"` → a lazily loaded component. */
export const componentForCodeRef = (
  codeRef: CodeRef,
): React.LazyExoticComponent<PluginComponent> => {
  const reference = codeRef.$codeRef;
  let component = lazyComponents.get(reference);
  if (!component) {
    const [moduleName, exportName = 'default'] = reference.split('.');
    const load = EXPOSED_MODULE_LOADERS[moduleName];
    if (!load) throw new Error(`console-extensions.json refers to unknown module ${moduleName}`);
    component = React.lazy(async () => {
      const module = await load();
      const exported = module[exportName];
      if (!exported) throw new Error(`Module ${moduleName} has no export ${exportName}`);
      return { default: exported as PluginComponent };
    });
    lazyComponents.set(reference, component);
  }
  return component;
};

/** `%plugin__name~Label%` → the translated label, as the console resolves extension strings. */
export const translateExtensionText = (text: string, t: (key: string) => string): string => {
  const match = /^%(.+?)~(.+)%$/.exec(text);
  return match ? t(`${match[1]}~${match[2]}`) : text;
};

export type ModelFlag = { flag: string; model: K8sGroupVersionKind };
export type RoutePage = { path: string[]; exact: boolean; component: CodeRef; flags?: Flags };
export type NavItem = { id: string; name: string; href: string; flags?: Flags };
export type ResourceTab = {
  model: K8sGroupVersionKind;
  name: string;
  href: string;
  component: CodeRef;
  flags?: Flags;
};

const ofType = (type: string) => extensions.filter((extension) => extension.type === type);

export const modelFlags: ModelFlag[] = ofType('console.flag/model').map(({ properties }) => ({
  flag: properties.flag as string,
  model: properties.model as K8sGroupVersionKind,
}));

export const routePages: RoutePage[] = ofType('console.page/route').map(
  ({ properties, flags }) => ({
    path: ([] as string[]).concat(properties.path as string | string[]),
    exact: Boolean(properties.exact),
    component: properties.component as CodeRef,
    flags,
  }),
);

export const navItems: NavItem[] = ofType('console.navigation/href').map(
  ({ properties, flags }) => ({
    id: properties.id as string,
    name: properties.name as string,
    href: properties.href as string,
    flags,
  }),
);

export const resourceTabs: ResourceTab[] = ofType('console.tab/horizontalNav').map(
  ({ properties, flags }) => {
    const page = properties.page as { name: string; href: string };
    return {
      model: properties.model as K8sGroupVersionKind,
      name: page.name,
      href: page.href,
      component: properties.component as CodeRef,
      flags,
    };
  },
);

/** Whether an extension's `flags` allow it, given flag values (undefined = not resolved yet). */
export const flagsAllow = (flags: Flags | undefined, values: Record<string, boolean | undefined>) =>
  (flags?.required ?? []).every((flag) => values[flag] === true) &&
  (flags?.disallowed ?? []).every((flag) => values[flag] === false);

export const allFlagNames = (): string[] =>
  [
    ...new Set(
      extensions.flatMap((extension) => [
        ...(extension.flags?.required ?? []),
        ...(extension.flags?.disallowed ?? []),
      ]),
    ),
  ].sort();
