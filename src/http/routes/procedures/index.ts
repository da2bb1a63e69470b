import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import catalogue from './catalogue.js';
import { readDiagrams } from './diagram-upload.js';
import heatmap from './heatmap.js';
import publication from './publication.js';
import versions from './versions.js';

/** Everything under `/procedures`. A diagram comes as an XML body or one file of a multipart form: both are read here. */
const routes: FastifyPluginAsyncTypebox = async (app) => {
  await readDiagrams(app, app.system.versions.maxBytes);
  for (const plugin of [catalogue, versions, publication, heatmap]) await app.register(plugin);
};

export default routes;
