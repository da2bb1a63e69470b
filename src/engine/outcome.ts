/**
 * bpmn-elements extension: when a human task ends, the outcome it was completed with (the signal's
 * `outcome`) becomes the process variable `outcome`, which the conditions after it test with `outcomeIs`.
 */
interface ActivityLike {
  type: string;
  on(event: string, cb: (api: { content: { output?: { outcome?: unknown } } }) => void, options: object): void;
  broker: { cancel(consumerTag: string): void };
}

const TAG = '_motcua-outcome';

interface ContextLike {
  environment: { assignVariables(variables: Record<string, unknown>): void };
}

export function recordOutcome(activity: ActivityLike, { environment }: ContextLike) {
  if (activity.type !== 'bpmn:UserTask' && activity.type !== 'bpmn:ManualTask') return undefined;
  return {
    activate() {
      const record = (api: { content: { output?: { outcome?: unknown } } }) =>
        environment.assignVariables({ outcome: api.content.output?.outcome ?? null });
      activity.on('end', record, { consumerTag: TAG });
    },
    deactivate() {
      activity.broker.cancel(TAG);
    },
  };
}
