import {
  Button,
  EmptyState,
  EmptyStateActions,
  EmptyStateBody,
  EmptyStateFooter,
  Pagination,
  PaginationVariant,
  SearchInput,
  Toolbar,
  ToolbarContent,
  ToolbarGroup,
  ToolbarItem,
  ToolbarToggleGroup,
} from '@patternfly/react-core';
import { FilterIcon, SearchIcon } from '@patternfly/react-icons';
import type { IAction } from '@patternfly/react-table';
import { type ReactNode, useCallback, useMemo, useState } from 'react';
import { useSearchParams } from 'react-router-dom-v5-compat';
import type { GpuNodeView } from '../../../cluster/types';
import { usePluginTranslation } from '../../../hooks/usePluginTranslation';
import { useConfigStateText, useHealthStateText } from '../shared/StateLabels';
import { CheckboxSelectFilter } from './CheckboxSelectFilter';
import {
  applyFiltersToSearch,
  CONFIG_STATES,
  EMPTY_FILTERS,
  filterNodes,
  filterOptions,
  filtersFromSearch,
  hasActiveFilters,
  HEALTH_STATES,
  NO_CONFIG,
  type NodeFilters,
  sortNodes,
} from './nodeList';
import { NodesTable, type NodesTableSort } from './NodesTable';

export const PER_PAGE_OPTIONS = [20, 50, 100];

interface NodesTabProps {
  nodes: GpuNodeView[];
  /** Slot for the write side: buttons next to the filters (e.g. "Change MIG config"). */
  toolbarActions?: ReactNode;
  rowActions?: (node: GpuNodeView) => IAction[];
}

/** The Nodes tab: filters (kept in the URL), sortable paginated table, expandable rows. */
export const NodesTab = ({ nodes, toolbarActions, rowActions }: NodesTabProps) => {
  const { t } = usePluginTranslation();
  const configStateText = useConfigStateText();
  const healthStateText = useHealthStateText();
  const [searchParams, setSearchParams] = useSearchParams();
  const filters = useMemo(() => filtersFromSearch(searchParams), [searchParams]);
  const [sort, setSort] = useState<NodesTableSort>({ key: 'name', direction: 'asc' });
  const [page, setPage] = useState(1);
  const [perPage, setPerPage] = useState(PER_PAGE_OPTIONS[0]);
  const [expanded, setExpanded] = useState<Set<string>>(() => new Set());

  const setFilters = useCallback(
    (next: NodeFilters) => {
      setSearchParams(applyFiltersToSearch(searchParams, next), { replace: true });
      setPage(1);
    },
    [searchParams, setSearchParams],
  );
  const update = (patch: Partial<NodeFilters>) => setFilters({ ...filters, ...patch });

  const options = useMemo(() => filterOptions(nodes), [nodes]);
  const filtered = useMemo(() => filterNodes(nodes, filters), [nodes, filters]);
  const sorted = useMemo(
    () => sortNodes(filtered, sort.key, sort.direction),
    [filtered, sort.key, sort.direction],
  );
  const lastPage = Math.max(1, Math.ceil(sorted.length / perPage));
  const currentPage = Math.min(page, lastPage);
  const pageNodes = useMemo(
    () => sorted.slice((currentPage - 1) * perPage, currentPage * perPage),
    [sorted, currentPage, perPage],
  );

  const toggleExpanded = (name: string) =>
    setExpanded((previous) => {
      const next = new Set(previous);
      if (next.has(name)) next.delete(name);
      else next.add(name);
      return next;
    });

  const pagination = (variant: 'top' | 'bottom') => (
    <Pagination
      itemCount={sorted.length}
      page={currentPage}
      perPage={perPage}
      perPageOptions={PER_PAGE_OPTIONS.map((value) => ({ title: String(value), value }))}
      onSetPage={(_event, next) => setPage(next)}
      onPerPageSelect={(_event, next) => {
        setPerPage(next);
        setPage(1);
      }}
      variant={variant === 'top' ? PaginationVariant.top : PaginationVariant.bottom}
      isCompact={variant === 'top'}
      titles={{ paginationAriaLabel: t('Nodes pagination ({{position}})', { position: variant }) }}
    />
  );

  const clearAll = () => setFilters(EMPTY_FILTERS);

  return (
    <>
      <Toolbar clearAllFilters={clearAll} collapseListedFiltersBreakpoint="xl">
        <ToolbarContent>
          <ToolbarToggleGroup toggleIcon={<FilterIcon />} breakpoint="xl">
            <ToolbarItem>
              <SearchInput
                aria-label={t('Search nodes by name')}
                placeholder={t('Search by name')}
                value={filters.name}
                onChange={(_event, value) => update({ name: value })}
                onClear={() => update({ name: '' })}
              />
            </ToolbarItem>
            <ToolbarGroup variant="filter-group">
              <CheckboxSelectFilter
                categoryName={t('Product')}
                groups={[
                  {
                    key: 'product',
                    label: t('Product'),
                    options: options.products.map((product) => ({
                      value: product,
                      label: product || t('Unknown product'),
                    })),
                    selected: filters.products,
                    onChange: (products) => update({ products }),
                  },
                ]}
              />
              <CheckboxSelectFilter
                categoryName={t('MIG config')}
                groups={[
                  {
                    key: 'config',
                    label: t('MIG config'),
                    options: options.configs.map((config) => ({
                      value: config,
                      label: config === NO_CONFIG ? t('Not set') : config,
                    })),
                    selected: filters.configs,
                    onChange: (configs) => update({ configs }),
                  },
                ]}
              />
              <CheckboxSelectFilter
                categoryName={t('State')}
                groups={[
                  {
                    key: 'state',
                    label: t('Config state'),
                    options: CONFIG_STATES.map((state) => ({
                      value: state,
                      label: configStateText(state).text,
                    })),
                    selected: filters.states,
                    onChange: (states) => update({ states: states as NodeFilters['states'] }),
                  },
                  {
                    key: 'health',
                    label: t('Health'),
                    options: HEALTH_STATES.map((state) => ({
                      value: state,
                      label: healthStateText(state).text,
                    })),
                    selected: filters.health,
                    onChange: (health) => update({ health: health as NodeFilters['health'] }),
                  },
                ]}
              />
              <CheckboxSelectFilter
                categoryName={t('Has free')}
                groups={[
                  {
                    key: 'free',
                    label: t('Has free'),
                    options: options.profiles.map((profile) => ({
                      value: profile,
                      label: profile,
                    })),
                    selected: filters.freeProfiles,
                    onChange: (freeProfiles) => update({ freeProfiles }),
                  },
                ]}
              />
            </ToolbarGroup>
          </ToolbarToggleGroup>
          {toolbarActions && <ToolbarItem>{toolbarActions}</ToolbarItem>}
          <ToolbarItem variant="pagination" align={{ default: 'alignEnd' }}>
            {pagination('top')}
          </ToolbarItem>
        </ToolbarContent>
      </Toolbar>
      {sorted.length === 0 && hasActiveFilters(filters) ? (
        <EmptyState titleText={t('No nodes match the filters')} headingLevel="h3" icon={SearchIcon}>
          <EmptyStateBody>
            {t('None of the {{total}} GPU nodes matches the filters.', { total: nodes.length })}
          </EmptyStateBody>
          <EmptyStateFooter>
            <EmptyStateActions>
              <Button variant="link" onClick={clearAll}>
                {t('Clear all filters')}
              </Button>
            </EmptyStateActions>
          </EmptyStateFooter>
        </EmptyState>
      ) : (
        <>
          <NodesTable
            nodes={pageNodes}
            sort={sort}
            onSort={setSort}
            expanded={expanded}
            onToggleExpanded={toggleExpanded}
            rowActions={rowActions}
          />
          {pagination('bottom')}
        </>
      )}
    </>
  );
};
