import type { ComponentChildren } from 'preact';
import { ErrorBox, Spinner } from '../app/ui';
import { t } from './messages';

/** A titled box for one chart: a spinner while its call runs, the server's message if it fails. */
export function ChartPanel(props: {
  title: string;
  name: string;
  loading: boolean;
  error: unknown;
  children?: ComponentChildren;
  footer?: ComponentChildren;
}) {
  return (
    <section class="panel chart-panel" data-testid={`chart-${props.name}`}>
      <header>
        <h2>{props.title}</h2>
        {props.loading && <Spinner label={t('loading')} />}
      </header>
      <ErrorBox error={props.error} />
      {props.children}
      {props.footer}
    </section>
  );
}
