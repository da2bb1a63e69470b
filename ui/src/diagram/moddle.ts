import motcua from '../../../src/engine/motcua.moddle.json';

/** The city's BPMN attributes (`mc:role`, `mc:budget`…): the same descriptor the server parses diagrams with. */
export const moddleExtensions = { mc: motcua };
