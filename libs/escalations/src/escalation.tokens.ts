export const SLA_POLICY = Symbol('SLA_POLICY');
