import { fieldAttributes, FieldError } from './field-error';
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

/** One property of a procedure's form: its title as the label, its type as the input, the server's message under it. */
export function SchemaField({ name, schema, required, value, error, onChange }: SchemaFieldProps) {
  const pointer = `/data/${name}`;
  const attributes = { ...fieldAttributes(pointer, error), name };
  const title = schema.title ?? name;
  const text = typeof value === 'string' ? value : '';
  const onText = (e: Event) => onChange((e.currentTarget as HTMLInputElement).value);
  let input;
  if (schema.type === 'boolean') {
    input = <input {...attributes} type="checkbox" checked={value === true} onChange={(e) => onChange(e.currentTarget.checked)} />;
  } else if (schema.enum) {
    input = (
      <select {...attributes} value={text} onChange={onText}>
        <option value="">{t('choose')}</option>
        {schema.enum.map((v) => (
          <option key={String(v)} value={String(v)}>
            {String(v)}
          </option>
        ))}
      </select>
    );
  } else if (schema.type === 'array' || Number(schema.maxLength) > 500) {
    input = <textarea {...attributes} rows={2} value={text} onInput={onText} />;
  } else if (schema.format === 'date') {
    input = <input {...attributes} inputMode="numeric" placeholder="dd/mm/yyyy" maxLength={10} value={text} onInput={onText} />;
  } else {
    const numeric = schema.type === 'number' || schema.type === 'integer';
    input = <input {...attributes} type={numeric ? 'number' : 'text'} step={schema.type === 'integer' ? '1' : numeric ? 'any' : undefined} value={text} onInput={onText} />;
  }
  return (
    <div class={`field${error ? ' has-error' : ''}${schema.type === 'boolean' ? ' checkbox' : ''}`} data-field={pointer}>
      <label>
        <span>
          {title}
          {required && <span class="required"> *</span>}
          {schema.type === 'array' && <small> ({t('onePerLine')})</small>}
        </span>
        {input}
      </label>
      <FieldError pointer={pointer} message={error} />
    </div>
  );
}
