import { CityPropertiesProvider } from './city-properties-provider';

/** The properties panel's group for the city's own attributes (bpmn-js module). */
export default {
  __init__: ['cityPropertiesProvider'],
  cityPropertiesProvider: ['type', CityPropertiesProvider],
};
