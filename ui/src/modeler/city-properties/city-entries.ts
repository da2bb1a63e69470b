import { SelectEntry, TextFieldEntry } from '@bpmn-io/properties-panel';
import { createElement as h } from '@bpmn-io/properties-panel/preact';
import { useService } from 'bpmn-js-properties-panel';
import { parseWorkingDuration } from '../../../../src/calendar/duration';
import { t } from '../messages';

// Entries render inside the properties panel, which draws with its own copy of Preact: hence `h` from it, not JSX.

interface EntryProps {
  id: string;
  element: { businessObject: { get(name: string): unknown } };
}

interface Modeling {
  updateProperties(element: unknown, properties: Record<string, unknown>): void;
}

/** Reads and writes one `mc:` attribute of the element; an empty value removes the attribute. */
function useAttribute(props: EntryProps, name: string) {
  const modeling = useService('modeling') as Modeling;
  return {
    element: props.element,
    id: props.id,
    getValue: () => (props.element.businessObject.get(`mc:${name}`) as string | undefined) ?? '',
    setValue: (value: string) =>
      modeling.updateProperties(props.element, { [`mc:${name}`]: value?.trim() ? value.trim() : undefined }),
  };
}

const choices = (values: string[], label: (value: string) => string) => () => [
  { value: '', label: t('none') },
  ...values.map((value) => ({ value, label: label(value) })),
];

export function RoleEntry(props: EntryProps) {
  return h(SelectEntry, {
    ...useAttribute(props, 'role'),
    label: t('role'),
    getOptions: choices(['officer', 'leader'], (v) => t(`role_${v}` as 'role_officer')),
  });
}

export function UnitLevelEntry(props: EntryProps) {
  return h(SelectEntry, {
    ...useAttribute(props, 'unitLevel'),
    label: t('unitLevel'),
    getOptions: choices(['xa', 'huyen', 'tinh'], (v) => t(`unitLevel_${v}` as 'unitLevel_xa')),
  });
}

/** The working time the step may take (ISO-8601 duration of working time, as src/calendar/duration.ts reads it). */
export function BudgetEntry(props: EntryProps) {
  const debounce = useService('debounceInput') as unknown;
  return h(TextFieldEntry, {
    ...useAttribute(props, 'budget'),
    label: t('budget'),
    description: t('budgetHelp'),
    debounce,
    validate: validateBudget,
  });
}

export function FormEntry(props: EntryProps) {
  const debounce = useService('debounceInput') as unknown;
  return h(TextFieldEntry, { ...useAttribute(props, 'form'), label: t('form'), description: t('formHelp'), debounce });
}

/** The panel's message for a budget the server would refuse (the value is kept: the findings list says it too). */
export function validateBudget(value: string | undefined): string | null {
  if (!value?.trim()) return null;
  return parseWorkingDuration(value, 8) === null ? t('budgetInvalid') : null;
}
