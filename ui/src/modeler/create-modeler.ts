import Modeler from 'bpmn-js/lib/Modeler';
import lintModule from 'bpmn-js-bpmnlint';
import { BpmnPropertiesPanelModule, BpmnPropertiesProviderModule } from 'bpmn-js-properties-panel';
import { moddleExtensions } from '../diagram/moddle';
import cityPropertiesModule from './city-properties';
import { lintingConfig } from './lint/lint-config';
import translateModule from './translate';
import 'bpmn-js/dist/assets/diagram-js.css';
import 'bpmn-js/dist/assets/bpmn-js.css';
import 'bpmn-js/dist/assets/bpmn-font/css/bpmn-embedded.css';
import '@bpmn-io/properties-panel/dist/assets/properties-panel.css';
import 'bpmn-js-bpmnlint/dist/assets/css/bpmn-js-bpmnlint.css';

export type { Modeler };

/**
 * The department's editor: bpmn-js with the properties panel (the city's `mc:` attributes in their own group), live
 * linting with the server's rules and the procedure's time limit, and Vietnamese labels.
 */
export function createModeler(options: {
  container: HTMLElement;
  panel: HTMLElement;
  limitHours: number | null;
}): Modeler {
  return new Modeler({
    container: options.container,
    moddleExtensions,
    additionalModules: [
      BpmnPropertiesPanelModule,
      BpmnPropertiesProviderModule,
      cityPropertiesModule,
      lintModule,
      translateModule,
    ],
    propertiesPanel: { parent: options.panel },
    linting: lintingConfig(options.limitHours),
  });
}
