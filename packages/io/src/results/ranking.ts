import type { Lang, Ranking } from '@p135/rules';
import type { Cell, Sheet } from '../table.js';
import { reasonsText, STATUS_WORDS } from './words.js';

/** A ranking as a table: the admitted, the waiting list, those passed over (each says why), then the ineligible with their reasons. */
export function rankingSheet(ranking: Ranking, lang: Lang): Sheet {
  const vi = lang === 'vi';
  const rows: Cell[][] = [...ranking.admitted, ...ranking.waiting, ...ranking.passedOver, ...ranking.ineligible].map((p) => [
    p.rank,
    STATUS_WORDS[p.status][lang],
    p.candidateId,
    p.name,
    p.status === 'ineligible' ? null : p.points,
    p.criteria.map((c) => c.message[lang]).join(' | ') || null,
    p.message[lang],
    p.reasons.length ? reasonsText(p.reasons, lang) : null,
  ]);
  return {
    name: vi ? 'Xếp hạng' : 'Ranking',
    columns: [
      { key: 'rank', header: vi ? 'Hạng' : 'rank' },
      { key: 'status', header: vi ? 'Kết quả' : 'status' },
      { key: 'id', header: vi ? 'Mã' : 'id' },
      { key: 'full_name', header: vi ? 'Họ và tên' : 'full_name' },
      { key: 'points', header: vi ? 'Điểm ưu tiên' : 'priority_points' },
      { key: 'criteria', header: vi ? 'Tiêu chí ưu tiên' : 'priority_criteria' },
      { key: 'message', header: vi ? 'Diễn giải' : 'explanation' },
      { key: 'reasons', header: vi ? 'Lý do không đúng đối tượng' : 'ineligible_reasons' },
    ],
    rows,
  };
}
