import { FieldError, fieldId } from './field-error';
import { t } from './messages';
import type { FieldSchema } from './types';

export interface SchemaFieldProps {
  name: string;
  schema: FieldSchema;
  required: boolean;
  value: string | boolean | undefined;
  error: string | undefined;
  onChange: (value: string | boolean) => void;
}

/** One field of a procedure's form: its title as the label, its type as the input (select, date, number, checkbox…). */
export function SchemaField({ name, schema, required, value, error, onChange }: SchemaFieldProps) {
  const pointer = `/data/${name}`;
  const id = fieldId(pointer);
  const common = { id, name, 'aria-invalid': error ? true : undefined, 'aria-describedby': error ? `${id}-error` : undefined };
  const text = (e: Event) => onChange((e.currentTarget as HTMLInputElement).value);
  const title = schema.title ?? name;
  if (schema.type === 'boolean') {
    return (
      <div class={`field${error ? ' has-error' : ''}`} data-field={pointer}>
        <label class="inline">
          <input {...common} type="checkbox" checked={value === true} onChange={(e) => onChange((e.currentTarget as HTMLInputElement).checked)} />
          {title}
        </label>
        <FieldError id={`${id}-error`} message={error} />
      </div>
    );
  }
  const str = typeof value === 'string' ? value : '';
  let input;
  if (schema.enum) {
    input = (
      <select {...common} value={str} onChange={text}>
        <option value="">{t('choose')}</option>
        {schema.enum.map((v) => (
          <option key={String(v)} value={String(v)}>
            {String(v)}
          </option>
        ))}
      </select>
    );
  } else if (schema.type === 'array' || Number(schema.maxLength) > 500) {
    input = <textarea {...common} rows={2} value={str} onInput={text} />;
  } else if (schema.format === 'date') {
    // dd/mm/yyyy whatever the browser's language (a native date input shows the browser's own format).
    input = <input {...common} type="text" inputMode="numeric" placeholder="dd/mm/yyyy" maxLength={10} value={str} onInput={text} />;
  } else {
    const type = schema.type === 'number' || schema.type === 'integer' ? 'number' : 'text';
    const step = schema.type === 'integer' ? '1' : schema.type === 'number' ? 'any' : undefined;
    input = <input {...common} type={type} step={step} value={str} onInput={text} />;
  }
  return (
    <div class={`field${error ? ' has-error' : ''}`} data-field={pointer}>
      <label>
        <span>
          {title}
          {required && <span class="required"> *</span>}
          {schema.type === 'array' && <small class="muted"> ({t('onePerLine')})</small>}
        </span>
        {input}
      </label>
      <FieldError id={`${id}-error`} message={error} />
    </div>
  );
}
