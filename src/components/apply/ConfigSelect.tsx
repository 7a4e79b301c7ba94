import { AngleDownIcon, AngleRightIcon } from '@patternfly/react-icons';
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
import {
  groupLabel,
  groupUnavailable,
  shortReasonText,
  type UnavailableGroup,
} from './configOptionGroups';

interface ConfigSelectProps {
  options: ConfigOption[];
  /** How many nodes the options were judged for (a reason all of them share names none). */
  nodeCount: number;
  selected?: string;
  onSelect: (name: string) => void;
}

/** The toggle's id: the form label points at it. */
const TOGGLE_ID = 'gpu-partitioning-apply-config';

/** The value of an option that folds or unfolds a group of unavailable configs. */
const GROUP_TOGGLE = 'gpu-partitioning-config-group:';

/**
 * Named configs: the valid ones to choose first; the others folded into groups (made for other
 * GPU models, not in a node's config, do not fit), each disabled with one short reason.
 */
export const ConfigSelect = ({ options, nodeCount, selected, onSelect }: ConfigSelectProps) => {
  const { t } = usePluginTranslation();
  const [isOpen, setIsOpen] = React.useState(false);
  const [unfolded, setUnfolded] = React.useState<UnavailableGroup[]>([]);
  const containerRef = React.useRef<HTMLDivElement>(null);
  const available = options.filter((option) => option.available);
  const unavailableGroups = groupUnavailable(options);
  const unavailableCount = unavailableGroups.reduce((sum, entry) => sum + entry.options.length, 0);

  const choose = (value: unknown) => {
    if (typeof value !== 'string') return;
    if (value.startsWith(GROUP_TOGGLE)) {
      // Folding keeps the menu open, and the focus on the group's toggle.
      const group = value.slice(GROUP_TOGGLE.length) as UnavailableGroup;
      setUnfolded((current) =>
        current.includes(group) ? current.filter((name) => name !== group) : [...current, group],
      );
      return;
    }
    onSelect(value);
    setIsOpen(false);
    containerRef.current?.querySelector<HTMLElement>(`#${TOGGLE_ID}`)?.focus();
  };

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

  const menuParent = () =>
    containerRef.current?.closest<HTMLElement>('[role="dialog"]') ?? document.body;

  return (
    // Only passes Escape on; the toggle and the options handle every other key.
    <div onKeyDown={closeMenuOnEscape} ref={containerRef}>
      <Select
        isOpen={isOpen}
        selected={selected}
        onSelect={(_event, value) => choose(value)}
        onOpenChange={setIsOpen}
        isScrollable
        maxMenuHeight="360px"
        // Portalled into the dialog, not <body>: the modal's focus trap keeps focus out of
        // anything outside it, so arrow keys could not reach the options. Not 'inline' either:
        // in the real console (shared PatternFly, development React) the inline menu raised a
        // missing-key warning. As wide as the toggle: a long description wraps instead of
        // widening the menu past the dialog.
        popperProps={{ appendTo: menuParent, width: 'trigger' }}
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
        {unavailableCount > 0 && (
          <>
            <Divider />
            <SelectGroup label={t('Not available ({{count}})', { count: unavailableCount })}>
              {unavailableGroups.map(({ group, options: groupOptions }) => {
                const isUnfolded = unfolded.includes(group);
                return (
                  <SelectList key={group} aria-label={groupLabel(t, group, groupOptions.length)}>
                    <SelectOption
                      value={`${GROUP_TOGGLE}${group}`}
                      icon={isUnfolded ? <AngleDownIcon /> : <AngleRightIcon />}
                      data-test={`config-group-${group}`}
                    >
                      {isUnfolded
                        ? t('Hide: {{group}}', { group: groupLabel(t, group, groupOptions.length) })
                        : t('Show: {{group}}', {
                            group: groupLabel(t, group, groupOptions.length),
                          })}
                    </SelectOption>
                    {isUnfolded &&
                      groupOptions.map((option) => (
                        <SelectOption
                          key={option.name}
                          value={option.name}
                          isDisabled
                          description={shortReasonText(t, option, nodeCount)}
                        >
                          {option.name}
                        </SelectOption>
                      ))}
                  </SelectList>
                );
              })}
            </SelectGroup>
          </>
        )}
      </Select>
    </div>
  );
};
