import { ApologyForm } from './apology-form';
import { t } from '../casework/messages';
import { ReasonForm } from './reason-form';
import type { Dossier } from '../casework/types';

export type DossierAction = 'supplement' | 'obligation' | 'stop' | 'resume' | 'withdraw' | 'apology' | 'return';

/** The form of one action on the dossier, posted to its address under /api/dossiers/:code. */
export function ActionForm({
  action,
  code,
  onDone,
}: {
  action: DossierAction;
  code: string;
  onDone: (dossier: Dossier) => void;
}) {
  const path = (name: string) => `/dossiers/${encodeURIComponent(code)}/${name}`;
  const label = t(`action_${action}`);
  switch (action) {
    case 'supplement':
    case 'obligation':
    case 'stop':
      return (
        <ReasonForm
          path={path('pause')}
          withItems={action === 'supplement'}
          withGround={action === 'stop'}
          body={(reason, items, ground) => ({
            kind: action,
            reason,
            ...(items.length ? { items } : {}),
            ...(ground ? { ground } : {}),
          })}
          textLabel={t('reason')}
          submitLabel={label}
          danger={action === 'stop'}
          onDone={onDone}
        />
      );
    case 'resume':
      return (
        <ReasonForm
          path={path('resume')}
          optional
          body={(note) => (note ? { note } : {})}
          textLabel={t('note')}
          submitLabel={label}
          onDone={onDone}
        />
      );
    case 'withdraw':
      return (
        <ReasonForm
          path={path('withdraw')}
          body={(reason) => ({ reason })}
          textLabel={t('reason')}
          submitLabel={label}
          danger
          onDone={onDone}
        />
      );
    case 'return':
      return (
        <ReasonForm
          path={path('return')}
          optional
          body={() => ({})}
          textLabel={t('note')}
          submitLabel={t('confirm')}
          onDone={onDone}
          hideText
        />
      );
    case 'apology':
      return <ApologyForm code={code} onDone={onDone} />;
  }
}
