import {
  Badge,
  MenuToggle,
  Select,
  SelectGroup,
  SelectList,
  SelectOption,
  ToolbarFilter,
} from '@patternfly/react-core';
import { type ReactNode, useState } from 'react';
import { usePluginTranslation } from '../../../hooks/usePluginTranslation';

export interface FilterOption {
  value: string;
  label: ReactNode;
  /** Text for the chip (ToolbarFilter label) when `label` is not a string. */
  chipText?: string;
  description?: ReactNode;
}

export interface FilterOptionGroup {
  label?: string;
  /** Which selection list this group feeds (a filter can combine two, e.g. config state + health). */
  key: string;
  options: FilterOption[];
  selected: string[];
  onChange: (next: string[]) => void;
}

interface CheckboxSelectFilterProps {
  /** Toggle text and chip-group name. */
  categoryName: string;
  groups: FilterOptionGroup[];
  /** Keeps it in the toolbar's filter group while other filters are shown. */
  showToolbarItem?: boolean;
}

/**
 * A PF multi-select (checkbox options) wrapped in ToolbarFilters, so each selection appears as a
 * removable chip. Grouped options keep related filters (config state, health) in one menu.
 */
export const CheckboxSelectFilter = ({
  categoryName,
  groups,
  showToolbarItem = true,
}: CheckboxSelectFilterProps) => {
  const { t } = usePluginTranslation();
  const [isOpen, setIsOpen] = useState(false);
  const selectedCount = groups.reduce((sum, group) => sum + group.selected.length, 0);

  const toggleValue = (groupKey: string, value: string) => {
    const group = groups.find((candidate) => candidate.key === groupKey);
    if (!group) return;
    group.onChange(
      group.selected.includes(value)
        ? group.selected.filter((selected) => selected !== value)
        : [...group.selected, value],
    );
  };

  const renderOptions = (group: FilterOptionGroup) =>
    group.options.map((option) => (
      <SelectOption
        key={option.value}
        hasCheckbox
        value={`${group.key}\u0000${option.value}`}
        isSelected={group.selected.includes(option.value)}
        description={option.description}
      >
        {option.label}
      </SelectOption>
    ));

  const select = (
    <Select
      role="menu"
      isOpen={isOpen}
      selected={groups.flatMap((group) =>
        group.selected.map((value) => `${group.key}\u0000${value}`),
      )}
      onSelect={(_event, value) => {
        const [groupKey, option] = String(value).split('\u0000');
        toggleValue(groupKey, option);
      }}
      onOpenChange={setIsOpen}
      toggle={(toggleRef) => (
        <MenuToggle
          ref={toggleRef}
          onClick={() => setIsOpen((open) => !open)}
          isExpanded={isOpen}
          aria-label={t('Filter by {{category}}', { category: categoryName })}
          badge={selectedCount > 0 ? <Badge isRead>{selectedCount}</Badge> : undefined}
        >
          {categoryName}
        </MenuToggle>
      )}
      isScrollable
      maxMenuHeight="20rem"
    >
      {groups.length === 1 ? (
        <SelectList>{renderOptions(groups[0])}</SelectList>
      ) : (
        groups.map((group) => (
          <SelectGroup key={group.key} label={group.label}>
            <SelectList>{renderOptions(group)}</SelectList>
          </SelectGroup>
        ))
      )}
    </Select>
  );

  // One ToolbarFilter per group so each group's chips can be removed separately; the select sits
  // inside the innermost one.
  return groups.reduceRight<ReactNode>((child, group) => {
    const chipText = (value: string) => {
      const option = group.options.find((candidate) => candidate.value === value);
      if (!option) return value;
      return option.chipText ?? (typeof option.label === 'string' ? option.label : value);
    };
    return (
      <ToolbarFilter
        key={group.key}
        categoryName={group.label ?? categoryName}
        labels={group.selected.map((value) => ({ key: value, node: chipText(value) }))}
        deleteLabel={(_category, label) => {
          const key = typeof label === 'string' ? label : label.key;
          group.onChange(group.selected.filter((value) => value !== key));
        }}
        deleteLabelGroup={() => group.onChange([])}
        showToolbarItem={showToolbarItem}
      >
        {child}
      </ToolbarFilter>
    );
  }, select) as JSX.Element;
};
