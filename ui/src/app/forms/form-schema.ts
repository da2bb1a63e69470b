/** A procedure's form: a flat JSON Schema object, as the catalogue stores it. */
export interface FormSchema {
  type?: 'object';
  required?: string[];
  properties?: Record<string, FieldSchema>;
  [keyword: string]: unknown;
}

/** One property of a procedure's form. */
export interface FieldSchema {
  type?: 'string' | 'number' | 'integer' | 'boolean' | 'array';
  title?: string;
  description?: string;
  enum?: (string | number)[];
  format?: string;
  maxLength?: number;
  items?: FieldSchema;
  [keyword: string]: unknown;
}
