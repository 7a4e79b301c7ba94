import {
  Divider,
  MenuToggle,
  Select,
  SelectGroup,
  SelectList,
  SelectOption,
} from '@patternfly/react-core';
import * as React from 'react';
import type { ConfigOption } from '../../cluster/applyPlan';
import { usePluginTranslation } from '../../hooks/usePluginTranslation';
import { configOptionReasonText } from '../text/configIssueText';

interface ConfigSelectProps {
  options: ConfigOption[];
  selected?: string;
  onSelect: (name: string) => void;
}

/** The toggle's id: the form label points at it. */
const TOGGLE_ID = 'gpu-partitioning-apply-config';

/** Named configs: the valid ones to choose, the others disabled with the reason. */
export const ConfigSelect = ({ options, selected, onSelect }: ConfigSelectProps) => {
  const { t } = usePluginTranslation();
  const [isOpen, setIsOpen] = React.useState(false);
  const available = options.filter((option) => option.available);
  const unavailable = options.filter((option) => !option.available);

  const describe = (option: ConfigOption) => {
    const parts: string[] = [];
    if (option.current) parts.push(t('current config'));
    if (option.verdict === 'unknown') parts.push(t('cannot be fully checked offline'));
    if (option.comment?.length) parts.push(option.comment.join(' '));
    return parts.join(' · ') || undefined;
  };

  // Escape with the menu open closes the menu only, as PatternFly asks of a menu in a modal; a
  // second Escape closes the dialog. The Modal listens for Escape on <body>, the node it portals
  // into, where React's own listener was added first: stopping the native event there keeps
  // the Modal from seeing it.
  const closeMenuOnEscape = (event: React.KeyboardEvent<HTMLDivElement>) => {
    if (event.key !== 'Escape' || !isOpen) return;
    event.stopPropagation();
    event.nativeEvent.stopImmediatePropagation();
    setIsOpen(false);
    event.currentTarget.querySelector<HTMLElement>(`#${TOGGLE_ID}`)?.focus();
  };

  return (
    // Only passes Escape on; the toggle and the options handle every other key.
    <div onKeyDown={closeMenuOnEscape}>
      <Select
        isOpen={isOpen}
        selected={selected}
        onSelect={(_event, value) => {
          if (typeof value === 'string') onSelect(value);
          setIsOpen(false);
        }}
        onOpenChange={setIsOpen}
        isScrollable
        maxMenuHeight="360px"
        // Inside the dialog, not appended to <body>: the modal's focus trap keeps focus out of
        // anything outside it, so arrow keys could not reach the options.
        popperProps={{ appendTo: 'inline' }}
        shouldFocusToggleOnSelect
        toggle={(toggleRef) => (
          <MenuToggle
            ref={toggleRef}
            id={TOGGLE_ID}
            onClick={() => setIsOpen((open) => !open)}
            isExpanded={isOpen}
            isFullWidth
            aria-label={t('MIG config')}
          >
            {selected ?? t('Choose a MIG config')}
          </MenuToggle>
        )}
      >
        <SelectGroup label={t('Valid for the selected nodes')}>
          <SelectList aria-label={t('Valid configs')}>
            {available.length === 0 && (
              <SelectOption isDisabled value="">
                {t('No config in the file fits these GPUs')}
              </SelectOption>
            )}
            {available.map((option) => (
              <SelectOption key={option.name} value={option.name} description={describe(option)}>
                {option.name}
              </SelectOption>
            ))}
          </SelectList>
        </SelectGroup>
        {unavailable.length > 0 && (
          <>
            <Divider />
            <SelectGroup label={t('Not available')}>
              <SelectList aria-label={t('Unavailable configs')}>
                {unavailable.map((option) => (
                  <SelectOption
                    key={option.name}
                    value={option.name}
                    isDisabled
                    description={
                      option.why[0]
                        ? configOptionReasonText(t, option.why[0])
                        : t('Not valid for these GPUs')
                    }
                  >
                    {option.name}
                  </SelectOption>
                ))}
              </SelectList>
            </SelectGroup>
          </>
        )}
      </Select>
    </div>
  );
};
