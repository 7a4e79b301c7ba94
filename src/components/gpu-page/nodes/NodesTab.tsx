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
import { configStateText, healthStateText } from '../../text/stateText';
import { BulkSelect } from './BulkSelect';
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

/** Slots the write side fills; without them the tab is read-only (no checkboxes, no actions). */
export interface NodesWriteSlots {
  /** Buttons next to the filters, given the selected nodes that the filters show. */
  toolbarActions: (selected: GpuNodeView[]) => ReactNode;
  rowActions: (node: GpuNodeView) => IAction[];
  /** Which rows get an enabled checkbox. */
  isSelectable: (node: GpuNodeView) => boolean;
  /** Opens the apply preview for a node, with `config` chosen when given (an alert's fix). */
  applyConfig?: (node: GpuNodeView, config?: string) => void;
}

interface NodesTabProps {
  nodes: GpuNodeView[];
  write?: NodesWriteSlots;
}

/** The Nodes tab: filters (kept in the URL), sortable paginated table, expandable rows. */
export const NodesTab = ({ nodes, write }: NodesTabProps) => {
  const isSelectable = write?.isSelectable;
  const { t } = usePluginTranslation();
  const [searchParams, setSearchParams] = useSearchParams();
  const filters = useMemo(() => filtersFromSearch(searchParams), [searchParams]);
  const [sort, setSort] = useState<NodesTableSort>({ key: 'name', direction: 'asc' });
  const [page, setPage] = useState(1);
  const [perPage, setPerPage] = useState(PER_PAGE_OPTIONS[0]);
  const [expanded, setExpanded] = useState<Set<string>>(() => new Set());
  const [selectedNames, setSelectedNames] = useState<ReadonlySet<string>>(() => new Set());

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

  // Acting on rows the filters hide would surprise the user: the selection that counts is the
  // selectable part of what is shown (across pages).
  const selectableFiltered = useMemo(
    () => (isSelectable ? sorted.filter(isSelectable) : []),
    [sorted, isSelectable],
  );
  const selectedNodes = useMemo(
    () => selectableFiltered.filter((node) => selectedNames.has(node.name)),
    [selectableFiltered, selectedNames],
  );
  const selectablePage = isSelectable ? pageNodes.filter(isSelectable) : [];
  const selectNames = (names: string[]) => setSelectedNames(new Set(names));
  // Stable callbacks and selection: the table's rows re-render only when their node changed.
  const toggleSelected = useCallback(
    (name: string, select: boolean) =>
      setSelectedNames((previous) => {
        const next = new Set(previous);
        if (select) next.add(name);
        else next.delete(name);
        return next;
      }),
    [],
  );
  const selection = useMemo(
    () =>
      isSelectable
        ? {
            isSelectable,
            isSelected: (node: GpuNodeView) => selectedNames.has(node.name),
            onSelect: (node: GpuNodeView, select: boolean) => toggleSelected(node.name, select),
          }
        : undefined,
    [isSelectable, selectedNames, toggleSelected],
  );

  const toggleExpanded = useCallback(
    (name: string) =>
      setExpanded((previous) => {
        const next = new Set(previous);
        if (next.has(name)) next.delete(name);
        else next.add(name);
        return next;
      }),
    [],
  );

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
          {isSelectable && (
            <ToolbarItem>
              <BulkSelect
                selectedCount={selectedNodes.length}
                pageCount={selectablePage.length}
                totalCount={selectableFiltered.length}
                onSelectNone={() => selectNames([])}
                onSelectPage={() => selectNames(selectablePage.map((node) => node.name))}
                onSelectAll={() => selectNames(selectableFiltered.map((node) => node.name))}
              />
            </ToolbarItem>
          )}
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
                    label: t('mig-manager state'),
                    options: CONFIG_STATES.map((state) => ({
                      value: state,
                      label: configStateText(t, state),
                    })),
                    selected: filters.states,
                    onChange: (states) => update({ states: states as NodeFilters['states'] }),
                  },
                  {
                    key: 'health',
                    label: t('State'),
                    options: HEALTH_STATES.map((state) => ({
                      value: state,
                      label: healthStateText(t, state),
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
          {write && <ToolbarItem>{write.toolbarActions(selectedNodes)}</ToolbarItem>}
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
            {...(write ? { rowActions: write.rowActions } : {})}
            {...(write?.applyConfig ? { onApplyConfig: write.applyConfig } : {})}
            {...(selection ? { selection } : {})}
          />
          {pagination('bottom')}
        </>
      )}
    </>
  );
};
