import { t } from '../messages';
import { fieldAttributes, FieldError } from './field-error';
import type { FieldSchema } from './form-schema';

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
  // Dates are typed dd/mm/yyyy: a message about the schema's YYYY-MM-DD would only confuse.
  const message = schema.format === 'date' && error?.includes('YYYY-MM-DD') ? t('dateInvalid') : error;
  const attributes = { ...fieldAttributes(pointer, message), name };
  const title = schema.title ?? name;
  const label =
    schema.type === 'boolean' ? (
      <label class="inline">
        <input
          {...attributes}
          type="checkbox"
          checked={value === true}
          onChange={(e) => onChange(e.currentTarget.checked)}
        />
        {title}
      </label>
    ) : (
      <label>
        <span>
          {title}
          {required && <span class="required"> *</span>}
          {schema.type === 'array' && <small class="muted"> ({t('onePerLine')})</small>}
        </span>
        <TextInput
          schema={schema}
          attributes={attributes}
          value={typeof value === 'string' ? value : ''}
          onChange={onChange}
        />
      </label>
    );
  return (
    <div class={`field${message ? ' has-error' : ''}`} data-field={pointer}>
      {label}
      <FieldError pointer={pointer} message={message} />
    </div>
  );
}

interface TextInputProps {
  schema: FieldSchema;
  attributes: ReturnType<typeof fieldAttributes> & { name: string };
  value: string;
  onChange: (value: string) => void;
}

/** The input for anything typed or chosen as text: a select for an enumeration, a textarea for a list or a long text. */
function TextInput({ schema, attributes, value, onChange }: TextInputProps) {
  const onText = (e: Event) => onChange((e.currentTarget as HTMLInputElement).value);
  if (schema.enum) {
    return (
      <select {...attributes} value={value} onChange={onText}>
        <option value="">{t('choose')}</option>
        {schema.enum.map((v) => (
          <option key={String(v)} value={String(v)}>
            {String(v)}
          </option>
        ))}
      </select>
    );
  }
  if (schema.type === 'array' || Number(schema.maxLength) > 500)
    return <textarea {...attributes} rows={2} value={value} onInput={onText} />;
  // dd/mm/yyyy whatever the browser's language (a native date input shows the browser's own format).
  if (schema.format === 'date')
    return (
      <input
        {...attributes}
        type="text"
        inputMode="numeric"
        placeholder="dd/mm/yyyy"
        maxLength={10}
        value={value}
        onInput={onText}
      />
    );
  const numeric = schema.type === 'number' || schema.type === 'integer';
  const step = schema.type === 'integer' ? '1' : numeric ? 'any' : undefined;
  return <input {...attributes} type={numeric ? 'number' : 'text'} step={step} value={value} onInput={onText} />;
}
