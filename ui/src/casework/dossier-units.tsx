import { t } from './messages';
import type { Dossier } from './types';

export type DossierUnitsOf = Pick<
  Dossier,
  'unitCode' | 'unitName' | 'deskUnitCode' | 'deskUnitName' | 'resultReturn' | 'resultUnitCode' | 'resultUnitName'
>;

/** Whether another unit than the receiving desk handles the dossier or returns its result, or it goes by post. */
export function handledElsewhere(d: DossierUnitsOf): boolean {
  return d.deskUnitCode !== d.unitCode || d.resultUnitCode !== d.unitCode || d.resultReturn === 'post';
}

/** Where the dossier was received, which unit handles it and where its result is returned, when they are not one. */
export function DossierUnits({ dossier, class: className }: { dossier: DossierUnitsOf; class?: string }) {
  if (!handledElsewhere(dossier)) return null;
  return (
    <div class={`dossier-units ${className ?? ''}`} data-testid="dossier-units">
      <span>
        {t('receivingUnit')}: <strong>{dossier.unitName}</strong>
      </span>
      <span>
        {t('handlingUnit')}: <strong>{dossier.deskUnitName}</strong>
      </span>
      <span>
        {t('resultReturn')}: <strong>{t(`resultReturn_${dossier.resultReturn}`)}</strong> ({dossier.resultUnitName})
      </span>
    </div>
  );
}
