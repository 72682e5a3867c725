// Which form fields the config asks for (widget spec §4.3, §4.4).
import type { Config, Department } from '../api/contract.ts';
import type { Field } from './form.ts';
import type { PhoneMode } from './options.ts';

const departmentField = (deps: Department[]): Field[] =>
  deps.length ? [{ id: 'department', kind: 'select', options: deps.map((d) => ({ value: d._id, label: d.name })) }] : [];

const when = (shown: boolean, field: Field): Field[] => (shown ? [field] : []);

export function prechatFields(c: Config, phone: PhoneMode = 'optional'): Field[] {
  const s = c.settings;
  return [
    ...when(s.nameFieldRegistrationForm, { id: 'name', kind: 'text', required: true, autocomplete: 'name' }),
    ...when(s.emailFieldRegistrationForm, { id: 'email', kind: 'email', required: true, autocomplete: 'email' }),
    ...when(phone != 'off', { id: 'phone', kind: 'tel', required: phone == 'required', autocomplete: 'tel' }),
    ...departmentField(c.departments.filter((d) => d.showOnRegistration)),
    ...(c.customFields ?? []).map((f): Field => ({
      id: 'cf.' + f._id,
      kind: f.type == 'select' ? 'select' : 'text',
      label: f.label,
      required: f.required,
      regexp: f.regexp,
      options: f.options?.map((o) => ({ value: o, label: o })),
    })),
  ];
}

export const offlineFields = (c: Config): Field[] => [
  { id: 'name', kind: 'text', required: true, autocomplete: 'name' },
  { id: 'email', kind: 'email', required: true, autocomplete: 'email' },
  ...departmentField(c.departments.filter((d) => d.showOnOfflineForm)),
  { id: 'message', kind: 'textarea', required: true },
];

/** `data-department` names a department by id or by name (§2.3). */
export const findDepartment = (c: Config, idOrName?: string) =>
  idOrName ? c.departments.find((d) => d._id == idOrName || d.name == idOrName)?._id : undefined;
