import type { contracts as en } from '../en/contracts.ts';
import type { Translation } from '../translation.ts';

export const contracts: Translation<typeof en> = {
  services: {
    none: 'Lägg till tjänsten som avtalet omfattar: ett avtal utan tjänst kan inte sparas',
    unnamed: 'Tjänst {{number}} saknar namn: namnge den eller ta bort raden',
  },
};
