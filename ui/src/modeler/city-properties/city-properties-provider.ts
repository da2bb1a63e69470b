import { isSelectEntryEdited, isTextFieldEntryEdited } from '@bpmn-io/properties-panel';
import { isAny } from 'bpmn-js/lib/util/ModelUtil';
import type { Element } from 'bpmn-js/lib/model/Types';
import { t } from '../messages';
import { BudgetEntry, FormEntry, RoleEntry, UnitLevelEntry } from './city-entries';

const LOW_PRIORITY = 500;

interface Group {
  id: string;
  label: string;
  entries: unknown[];
  shouldOpen?: boolean;
}

interface PropertiesPanel {
  registerProvider(priority: number, provider: CityPropertiesProvider): void;
}

/**
 * Adds the group "Thuộc tính Một Cửa" to human tasks (user and manual tasks): who does the step (`mc:role`), at which
 * level (`mc:unitLevel`), in how much working time (`mc:budget`), with which form (`mc:form`). These are the
 * attributes the server's rule `motcua/human-task-attributes` requires.
 */
export class CityPropertiesProvider {
  static $inject = ['propertiesPanel'];

  constructor(propertiesPanel: PropertiesPanel) {
    propertiesPanel.registerProvider(LOW_PRIORITY, this);
  }

  getGroups(element: Element) {
    return (groups: Group[]): Group[] => {
      if (!isAny(element, ['bpmn:UserTask', 'bpmn:ManualTask'])) return groups;
      const general = groups.findIndex((g) => g.id === 'general');
      groups.splice(general + 1, 0, cityGroup(element));
      return groups;
    };
  }
}

function cityGroup(element: Element): Group {
  return {
    id: 'motcua',
    label: t('cityGroup'),
    shouldOpen: true,
    entries: [
      { id: 'mc-role', element, component: RoleEntry, isEdited: isSelectEntryEdited },
      { id: 'mc-unitLevel', element, component: UnitLevelEntry, isEdited: isSelectEntryEdited },
      { id: 'mc-budget', element, component: BudgetEntry, isEdited: isTextFieldEntryEdited },
      { id: 'mc-form', element, component: FormEntry, isEdited: isTextFieldEntryEdited },
    ],
  };
}
