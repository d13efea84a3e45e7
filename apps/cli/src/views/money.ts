import { formatMoneyText, type Lang } from '@p135/rules';
import { padStart } from '../text/width.js';

/** Money in the reader's form, right-aligned: `  7.980.000.000 đ`. */
export const money = (digits: string, lang: Lang, width = 19): string => padStart(formatMoneyText(digits, lang), width);
