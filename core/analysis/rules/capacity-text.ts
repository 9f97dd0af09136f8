/** How a utilisation figure is explained in capacity findings. */
import { formatPercent, formatRate } from '../../format';
import type { ComponentModel } from '../../model/types';
import type { CapacityFigures } from '../capacity';

export function utilisationText(c: ComponentModel, f: CapacityFigures): string {
  const per = c.capacity === undefined ? '' : `${f.activeInstances} × ${formatRate(c.capacity)}`;
  return `${formatRate(f.peakLoad)} at peak on ${per} = ${formatPercent(f.utilisation ?? 0)}`;
}
