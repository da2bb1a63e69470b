import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import actions from './actions.js';
import attachments from './attachments.js';
import audit from './audit.js';
import forms from './forms.js';
import online from './online.js';
import receipt from './receipt.js';

/** Everything under `/dossiers`: each file its own plugin (only `attachments.ts` reads multipart forms). */
const routes: FastifyPluginAsyncTypebox = async (app) => {
  for (const plugin of [receipt, actions, online, attachments, forms, audit]) await app.register(plugin);
};

export default routes;
