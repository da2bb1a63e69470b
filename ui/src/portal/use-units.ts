import { api } from '../app/api';
import { todayInHanoi } from '../app/format';
import { useLoad, type Loaded } from '../app/ui';
import type { Procedure, Unit } from './types';

export interface UnitChoice {
  code: string;
  /** "Phường Phúc Xá — Quận Ba Đình": the parent tells apart communes of the same name. */
  label: string;
}

/** Where a dossier of this procedure at this level can be submitted: the units of that level in force today. */
export function useUnits(procedure: Pick<Procedure, 'code' | 'departmentCode'>, level: string): Loaded<UnitChoice[]> {
  return useLoad(async () => {
    const today = todayInHanoi();
    const units = await api<Unit[]>(`/units?level=${encodeURIComponent(level)}&inForceOn=${today}`);
    if (level === 'tinh' && procedure.departmentCode) {
      const department = units.filter((u) => u.code === procedure.departmentCode);
      if (department.length) return department.map((u) => ({ code: u.code, label: u.name }));
    }
    const parentLevel = level === 'xa' ? 'huyen' : null;
    const parents = parentLevel ? await api<Unit[]>(`/units?level=${parentLevel}&inForceOn=${today}`) : [];
    const parentNames = new Map(parents.map((p) => [p.code, p.name]));
    return units
      .map((u) => {
        const parent = u.parentCode ? parentNames.get(u.parentCode) : undefined;
        return { code: u.code, label: parent ? `${u.name} — ${parent}` : u.name };
      })
      .sort((a, b) => a.label.localeCompare(b.label, 'vi'));
  }, [procedure.code, level]);
}
