// The checked templates, one per form (its highest version), loaded once at start.
export const FORM_TEMPLATES = Symbol('FORM_TEMPLATES');
