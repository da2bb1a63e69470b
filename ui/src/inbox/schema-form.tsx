import type { FieldErrors } from './field-errors';
import type { FormValues } from './form-data';
import { SchemaField } from './schema-field';
import type { FormSchema } from './types';

/** The procedure's form generated from its JSON Schema (a flat object): one field per property, in order. */
export function SchemaForm(props: { schema: FormSchema; values: FormValues; errors: FieldErrors; onChange: (values: FormValues) => void }) {
  const { schema, values, errors, onChange } = props;
  const required = new Set(schema.required ?? []);
  return (
    <div class="schema-form">
      {Object.entries(schema.properties ?? {}).map(([name, field]) => (
        <SchemaField
          key={name}
          name={name}
          schema={field}
          required={required.has(name)}
          value={values[name]}
          error={errors[`/data/${name}`]}
          onChange={(value) => onChange({ ...values, [name]: value })}
        />
      ))}
    </div>
  );
}
