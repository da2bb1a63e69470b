import { DossierNotFound, Forbidden } from '../errors.js';
import { ROLES, type Role } from '../vocabulary/roles.js';

/**
 * The one authorization policy. Every HTTP route names an action (route config `action`); the auth hook
 * checks who may attempt it, and the domain calls `authorize` again with the resource for the rules that
 * depend on it (a task's unit and role, the unit a dossier is received at).
 */

export { ROLES, type Role };

/** Roles that a task in a BPMN diagram may be assigned to. */
export const TASK_ROLES: readonly Role[] = ['officer', 'leader'];

export interface Actor {
  id: number;
  username: string;
  unitCode: string | null;
  /** The level of the actor's unit (tinh, huyen, xa). */
  unitLevel: string | null;
  roles: Role[];
}

type Audience = 'public' | 'authenticated' | readonly Role[];

/** Who may attempt each action at all. */
export const ACTIONS = {
  'health:read': 'public',
  'docs:read': 'public',
  'ui:read': 'public',
  'auth:login': 'public',
  'units:read': 'public',
  'units:edit': ['admin'],
  'units:reorganise': ['admin'],
  'calendar:read': 'public',
  'calendar:edit': ['admin'],
  'settings:read': ['officer', 'leader', 'modeler', 'publisher', 'auditor', 'admin'],
  'settings:edit': ['admin'],
  'notifications:templates': ['admin'],
  'procedures:read': 'public',
  'users:me': 'authenticated',
  'users:create': ['admin'],
  'dossiers:receive': ['officer'],
  'dossiers:read': ['officer', 'leader', 'auditor', 'publisher', 'admin'],
  'tasks:inbox': ['officer', 'leader'],
  'tasks:act': ['officer', 'leader'],
  'tasks:assign': ['officer', 'leader'],
  'dossiers:handle': ['officer', 'leader'],
  // The apology and request for extension (Mẫu 04) is signed by the head of the unit (Decree 61/2018 art. 19(9)).
  'dossiers:extend': ['leader'],
  'alerts:read': ['officer', 'leader'],
  'audit:read': ['auditor', 'admin'],
  'procedures:heatmap': ['auditor', 'publisher', 'admin'],
  'reports:read': ['leader', 'publisher', 'auditor', 'admin'],
  'register:read': ['officer', 'leader', 'auditor', 'publisher', 'admin'],
  'procedures:versions': ['modeler', 'publisher', 'auditor', 'admin'],
  'procedures:model': ['modeler', 'publisher', 'admin'],
  'procedures:publish': ['publisher', 'admin'],
  'procedures:edit': ['publisher', 'admin'],
  'announcements:read': 'public',
  'announcements:edit': ['publisher', 'admin'],
  'imports:run': ['admin'],
  'portal:submit': ['citizen'],
  'portal:track': 'public',
  'portal:mine': ['citizen'],
  'portal:rate': ['citizen'],
  'dossiers:attachments': ['citizen', 'officer', 'leader', 'auditor', 'publisher', 'admin'],
  'incidents:read': ['officer', 'leader', 'modeler', 'publisher', 'auditor', 'admin'],
  'incidents:resolve': ['publisher', 'admin'],
} as const satisfies Record<string, Audience>;

export type Action = keyof typeof ACTIONS;

/** The resource each resource-dependent action is judged on. */
interface Resources {
  'dossiers:receive': { unitCode: string };
  'dossiers:read': { unitCodes: readonly string[] };
  'dossiers:attachments': { unitCodes: readonly string[]; citizenId: number | null };
  'tasks:act': { role: string; unitCode: string };
  'tasks:assign': { role: string; unitCode: string; holderId: number | null };
  'dossiers:handle': { unitCodes: readonly string[] };
  'procedures:model': ProcedureScope;
  'procedures:versions': ProcedureScope;
  'procedures:publish': Record<string, never>;
  /** The unit a report is about, null for every unit. */
  'reports:read': { unitCode: string | null };
  /** The unit whose register (sổ theo dõi hồ sơ) is read. */
  'register:read': { unitCode: string };
}

/** Where a procedure is handled: its department, the department that owns its process, the unit levels that receive it. */
interface ProcedureScope {
  departmentCode: string | null;
  ownerCode: string | null;
  levels: readonly string[];
}

const SEES_ALL_PROCEDURES: readonly Role[] = ['publisher', 'auditor', 'admin'];

/** A modeler works on the procedures their department handles or owns, or that are handled at their unit's level. */
function inScope(actor: Actor, { departmentCode, ownerCode, levels }: ProcedureScope): boolean {
  if (actor.roles.some((r) => SEES_ALL_PROCEDURES.includes(r))) return true;
  if (actor.unitCode !== null && (actor.unitCode === departmentCode || actor.unitCode === ownerCode)) return true;
  return !departmentCode && actor.unitLevel !== null && levels.includes(actor.unitLevel);
}

const SEES_ALL_DOSSIERS: readonly Role[] = ['auditor', 'publisher', 'admin'];

/** Oversight roles see every dossier; staff see those of their own unit (rule `dossiers:read`). */
export function seesAllDossiers(actor: Actor): boolean {
  return actor.roles.some((r) => SEES_ALL_DOSSIERS.includes(r));
}

const SEES_ALL_REPORTS: readonly Role[] = ['publisher', 'auditor', 'admin'];

/** The city's Public Administrative Service Centre (its branches are units of their own, `TTPVHCC-CNnn`). */
export const SERVICE_CENTRE = 'TTPVHCC';

/**
 * VPUBND, auditors, administrators and the service centre's leaders read the reports of every unit (the centre
 * receives for all of them); any other leader those of their own unit.
 */
export function seesAllReports(actor: Actor): boolean {
  return (
    actor.roles.some((r) => SEES_ALL_REPORTS.includes(r)) ||
    (actor.unitCode === SERVICE_CENTRE && actor.roles.includes('leader'))
  );
}

const RESOURCE_RULES: { [A in keyof Resources]: (actor: Actor, resource: Resources[A]) => boolean } = {
  // A desk officer receives dossiers at the unit they belong to.
  'dossiers:receive': (actor, { unitCode }) => actor.unitCode === unitCode,
  // Staff see the dossiers their unit received or holds a task of; oversight roles see all.
  'dossiers:read': (actor, { unitCodes }) =>
    seesAllDossiers(actor) || (actor.unitCode !== null && unitCodes.includes(actor.unitCode)),
  // Uploaded documents: staff who may read the dossier, and the citizen who submitted it (their own files only).
  'dossiers:attachments': (actor, { unitCodes, citizenId }) =>
    RESOURCE_RULES['dossiers:read'](actor, { unitCodes }) ||
    (actor.roles.includes('citizen') && actor.id === citizenId),
  // A task is done by someone holding its role at its unit.
  'tasks:act': (actor, task) => actor.unitCode === task.unitCode && actor.roles.includes(task.role as Role),
  // A leader hands any task of their unit to a colleague; an officer hands on a task that is theirs or nobody's yet.
  'tasks:assign': (actor, task) =>
    actor.unitCode === task.unitCode &&
    (actor.roles.includes('leader') ||
      (actor.roles.includes(task.role as Role) && (task.holderId === null || task.holderId === actor.id))),
  // Pausing, resuming, withdrawal, apology, return of the result: the desk that received it or a unit working on it.
  'dossiers:handle': (actor, { unitCodes }) => actor.unitCode !== null && unitCodes.includes(actor.unitCode),
  'procedures:model': inScope,
  'procedures:versions': inScope,
  'procedures:publish': () => true,
  'reports:read': (actor, { unitCode }) =>
    seesAllReports(actor) || (unitCode !== null && actor.unitCode !== null && unitCode === actor.unitCode),
  // The register of a unit: its own staff, and the oversight roles.
  'register:read': (actor, { unitCode }) => seesAllDossiers(actor) || actor.unitCode === unitCode,
};

/** Whether the actor (null when anonymous) may attempt the action, before any resource is known. */
export function mayAttempt(actor: Actor | null, action: Action): boolean {
  const audience: Audience = ACTIONS[action];
  if (audience === 'public') return true;
  if (!actor) return false;
  return audience === 'authenticated' || actor.roles.some((role) => audience.includes(role));
}

/** Whether the actor may perform a resource-dependent action on that resource (to filter lists). */
export function may<A extends keyof Resources>(actor: Actor, action: A, resource: Resources[A]): boolean {
  const rule = RESOURCE_RULES[action] as (a: Actor, r: Resources[A]) => boolean;
  return mayAttempt(actor, action) && rule(actor, resource);
}

/** Throws 403 unless the actor may perform a resource-dependent action on that resource. */
export function authorize<A extends keyof Resources>(actor: Actor, action: A, resource: Resources[A]): void {
  if (!may(actor, action, resource)) throw new Forbidden(forbiddenMessage(action));
}

/** Like `authorize` for reading a dossier or its files, but a dossier the actor may not see is not found (404), as a missing one is. */
export function authorizeDossier<A extends 'dossiers:read' | 'dossiers:attachments'>(
  actor: Actor,
  action: A,
  resource: Resources[A],
  code: string,
): void {
  if (!may(actor, action, resource)) throw new DossierNotFound(code);
}

/** Why a role may not attempt an action, where the rule is worth saying; the generic refusal otherwise. */
export function audienceMessage(action: Action): string | undefined {
  return action === 'dossiers:extend'
    ? 'Văn bản xin lỗi và đề nghị gia hạn do lãnh đạo đơn vị giải quyết hồ sơ ký.'
    : undefined;
}

function forbiddenMessage(action: Action): string {
  switch (action) {
    case 'tasks:act':
      return 'Công việc này thuộc vai trò hoặc đơn vị khác, bạn không thể xử lý.';
    case 'tasks:assign':
      return 'Chỉ lãnh đạo đơn vị hoặc cán bộ đang giữ công việc mới chuyển được công việc này cho người khác.';
    case 'dossiers:receive':
      return 'Bạn chỉ có thể tiếp nhận hồ sơ tại đơn vị của mình.';
    case 'dossiers:handle':
      return 'Chỉ đơn vị tiếp nhận hoặc đơn vị đang xử lý hồ sơ mới thực hiện được thao tác này.';
    case 'reports:read':
      return 'Báo cáo của lãnh đạo đơn vị chỉ gồm số liệu của đơn vị mình (unitCode); Văn phòng UBND thành phố và thanh tra xem mọi đơn vị.';
    case 'procedures:model':
    case 'procedures:versions':
      return 'Thủ tục này không thuộc đơn vị hoặc cấp của bạn.';
    default:
      return 'Bạn không có quyền truy cập hồ sơ này.';
  }
}
