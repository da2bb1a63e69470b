import { t } from './messages';
import type { ProcedureDocument } from './types';

/** The documents of a dossier (thành phần hồ sơ), with how many originals and copies. */
export function DocumentList({ documents }: { documents: ProcedureDocument[] }) {
  if (documents.length === 0) return <p class="muted">{t('noDocuments')}</p>;
  return (
    <table class="document-list">
      <thead>
        <tr>
          <th>#</th>
          <th>{t('documentName')}</th>
          <th>{t('quantity')}</th>
        </tr>
      </thead>
      <tbody>
        {documents.map((d, i) => (
          <tr key={i}>
            <td>{i + 1}</td>
            <td>
              {d.name}
              {!d.required && <span class="badge">{t('ifApplicable')}</span>}
            </td>
            <td class="nowrap">{d.quantity ?? '—'}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
