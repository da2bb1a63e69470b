import { formatDateTime } from '../app/format';
import { ErrorBox, Link, Spinner, type Loaded } from '../app/ui';
import { t } from './messages';
import type { SubmittedVersion } from './types';

/** The versions modelers have submitted, each leading to its review. */
export function SubmittedVersions({ loaded }: { loaded: Loaded<SubmittedVersion[]> }) {
  return (
    <section class="panel" data-testid="submitted-versions">
      <h2>{t('submitted')}</h2>
      <ErrorBox error={loaded.error} />
      {!loaded.data ? (
        !loaded.error && <Spinner label={t('loading')} />
      ) : loaded.data.length === 0 ? (
        <p class="muted">{t('noSubmitted')}</p>
      ) : (
        <table>
          <tbody>
            {loaded.data.map((v) => (
              <tr key={`${v.procedureCode}-${v.number}`}>
                <td>
                  <strong>{v.procedureCode}</strong> <span class="nowrap">· {t('versionN', { n: v.number })}</span>
                  <div class="muted small">{v.procedureName}</div>
                </td>
                <td class="small">
                  {t('submittedAt')} {formatDateTime(v.submittedAt)}
                  {v.findings.length > 0 && (
                    <div>
                      <span class="badge warn">{t('findingsCount', { n: v.findings.length })}</span>
                    </div>
                  )}
                </td>
                <td class="nowrap">
                  <Link href={`/cong-bo/${encodeURIComponent(v.procedureCode)}/${v.number}`}>{t('open')}</Link>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
