import {
  Dropdown,
  DropdownItem,
  DropdownList,
  MenuToggle,
  MenuToggleCheckbox,
} from '@patternfly/react-core';
import { useState } from 'react';
import { usePluginTranslation } from '../../../hooks/usePluginTranslation';

interface BulkSelectProps {
  /** How many rows are selected (among the selectable rows that pass the filters). */
  selectedCount: number;
  /** Selectable rows on the current page. */
  pageCount: number;
  /** Selectable rows across all pages that pass the filters. */
  totalCount: number;
  onSelectNone: () => void;
  onSelectPage: () => void;
  onSelectAll: () => void;
}

/**
 * PatternFly's bulk-select pattern: a split toggle whose checkbox selects all / none and whose
 * menu offers none, this page or every filtered row.
 */
export const BulkSelect = ({
  selectedCount,
  pageCount,
  totalCount,
  onSelectNone,
  onSelectPage,
  onSelectAll,
}: BulkSelectProps) => {
  const { t } = usePluginTranslation();
  const [isOpen, setIsOpen] = useState(false);
  const allSelected = totalCount > 0 && selectedCount === totalCount;
  // null renders the checkbox as indeterminate ("some selected").
  const checked = allSelected ? true : selectedCount === 0 ? false : null;
  const choose = (action: () => void) => {
    action();
    setIsOpen(false);
  };

  return (
    <Dropdown
      isOpen={isOpen}
      onOpenChange={setIsOpen}
      onSelect={() => setIsOpen(false)}
      toggle={(toggleRef) => (
        <MenuToggle
          ref={toggleRef}
          isExpanded={isOpen}
          isDisabled={totalCount === 0}
          onClick={() => setIsOpen(!isOpen)}
          aria-label={t('Bulk selection')}
          splitButtonItems={[
            <MenuToggleCheckbox
              key="bulk-select-checkbox"
              id="gpu-nodes-bulk-select"
              aria-label={allSelected ? t('Select no nodes') : t('Select all nodes')}
              isChecked={checked}
              isDisabled={totalCount === 0}
              onChange={() => (allSelected ? onSelectNone() : onSelectAll())}
            >
              {selectedCount > 0 ? t('{{count}} selected', { count: selectedCount }) : undefined}
            </MenuToggleCheckbox>,
          ]}
        />
      )}
    >
      <DropdownList>
        <DropdownItem key="none" onClick={() => choose(onSelectNone)}>
          {t('Select none (0 nodes)')}
        </DropdownItem>
        <DropdownItem key="page" onClick={() => choose(onSelectPage)}>
          {t('Select page ({{count}} node)', { count: pageCount })}
        </DropdownItem>
        <DropdownItem key="all" onClick={() => choose(onSelectAll)}>
          {t('Select all ({{count}} node)', { count: totalCount })}
        </DropdownItem>
      </DropdownList>
    </Dropdown>
  );
};
