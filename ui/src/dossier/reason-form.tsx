import { useState } from 'preact/hooks';
import { api } from '../app/api';
import { ErrorBox } from '../app/ui';
import { t } from '../casework/messages';
import type { Dossier } from '../casework/types';
import { useAction } from '../casework/use-action';

export interface ReasonFormProps {
  /** The action's address under /api. */
  path: string;
  /** The request's body from what was typed (`items` one per line). */
  body: (text: string, items: string[], ground: string) => Record<string, unknown>;
  textLabel: string;
  /** A note may be left empty; a reason may not. */
  optional?: boolean;
  withItems?: boolean;
  /** A stop notice: its legal ground is asked for too, and what stopping means is said. */
  withGround?: boolean;
  submitLabel: string;
  danger?: boolean;
  /** Nothing to type: a confirmation only. */
  hideText?: boolean;
  onDone: (dossier: Dossier) => void;
}

/** An action on the dossier that takes a reason (or a note) and, for supplementation, every missing item. */
export function ReasonForm(props: ReasonFormProps) {
  const [text, setText] = useState('');
  const [items, setItems] = useState('');
  const [ground, setGround] = useState('');
  const action = useAction();
  const submit = async (event: Event) => {
    event.preventDefault();
    const list = items
      .split('\n')
      .map((s) => s.trim())
      .filter(Boolean);
    const dossier = await action.run(() =>
      api<Dossier>(props.path, { body: { json: props.body(text.trim(), list, ground.trim()) } }),
    );
    if (dossier) props.onDone(dossier);
  };
  return (
    <form class="reason-form" onSubmit={submit} noValidate>
      {props.withItems && (
        <label>
          {t('itemsLabel')}
          <textarea rows={3} value={items} onInput={(e) => setItems(e.currentTarget.value)} />
        </label>
      )}
      {!props.hideText && (
        <label>
          {props.textLabel}
          <textarea rows={2} maxLength={2000} value={text} onInput={(e) => setText(e.currentTarget.value)} />
        </label>
      )}
      {props.withGround && (
        <>
          <label>
            {t('groundLabel')}
            <textarea rows={2} maxLength={2000} value={ground} onInput={(e) => setGround(e.currentTarget.value)} />
          </label>
          <p class="muted small">{t('stopWarning')}</p>
        </>
      )}
      <ErrorBox error={action.error} />
      <button
        type="submit"
        class={props.danger ? 'danger' : 'primary'}
        disabled={action.busy || (!props.optional && !text.trim()) || (props.withGround === true && !ground.trim())}
      >
        {action.busy ? t('sending') : props.submitLabel}
      </button>
    </form>
  );
}
