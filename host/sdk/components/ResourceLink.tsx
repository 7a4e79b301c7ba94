import type { K8sGroupVersionKind, ResourceLinkProps } from '@openshift-console/dynamic-plugin-sdk';
import * as React from 'react';
import { Link } from 'react-router-dom';
import { findModel } from '../k8s/discovery';
import { useDiscovery } from '../k8s/hooks';
import { getGroupVersionKindForReference, getReference } from '../k8s/paths';
import { resourcePath } from './resource-path';

const kindAbbreviation = (kind: string) => (kind.replace(/[^A-Z]/g, '') || kind[0]).slice(0, 4);

/** A kind badge and the resource name, linking to the resource's page like the console's. */
export const ResourceLink: React.FC<ResourceLinkProps> = ({
  kind,
  groupVersionKind,
  className,
  displayName,
  inline = false,
  linkTo = true,
  name,
  namespace,
  hideIcon,
  title,
  dataTest,
  onClick,
  truncate,
  nameSuffix,
  children,
}) => {
  const { models } = useDiscovery();
  const gvk: K8sGroupVersionKind | undefined =
    groupVersionKind ?? (kind ? getGroupVersionKindForReference(kind) : undefined);
  const model = gvk && findModel(models, kind?.includes('~') || !kind ? getReference(gvk) : kind);
  const kindName = model?.kind ?? gvk?.kind ?? kind ?? '';
  const value = displayName || name;
  const classes = [
    'host-resource-link',
    inline ? 'host-resource-link--inline' : '',
    truncate ? 'host-resource-link--truncate' : '',
    className ?? '',
  ]
    .filter(Boolean)
    .join(' ');
  const path =
    gvk && name
      ? resourcePath(
          model ? { group: model.apiGroup, version: model.apiVersion, kind: model.kind } : gvk,
          name,
          namespace,
        )
      : undefined;
  return (
    <span className={classes} data-test={dataTest}>
      {!hideIcon && kindName && (
        <span className="host-resource-icon" title={kindName} aria-hidden="true">
          {model?.abbr ?? kindAbbreviation(kindName)}
        </span>
      )}
      {linkTo && path ? (
        <Link
          to={path}
          title={title}
          onClick={onClick}
          data-test-id={value}
          className="host-resource-link__name"
        >
          {value}
          {nameSuffix}
        </Link>
      ) : (
        <span title={title} className="host-resource-link__name" data-test-id={value}>
          {value}
          {nameSuffix}
        </span>
      )}
      {children}
    </span>
  );
};
