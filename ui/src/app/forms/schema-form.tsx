import type { FieldErrors } from './field-error';
import type { FormSchema } from './form-schema';
import type { FormValues } from './form-values';
import { SchemaField } from './schema-field';

/** The inputs of a procedure's form, generated from its JSON Schema (a flat object), in the schema's order. */
export function SchemaForm({
  schema,
  values,
  errors,
  onChange,
}: {
  schema: FormSchema;
  values: FormValues;
  errors: FieldErrors;
  onChange: (values: FormValues) => void;
}) {
  const required = new Set(schema.required ?? []);
  return (
    <div class="form-grid">
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
