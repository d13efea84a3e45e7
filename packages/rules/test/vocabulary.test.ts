import { describe, expect, it } from 'vitest';
import type { Pack } from '../src/index.js';
import { packWords, wordKey } from '../src/vocabulary.js';
import { editedPack, pack } from './helpers.js';

/**
 * The words officials write in their spreadsheets, as the pack knows them: roles, ethnic groups,
 * genders, yes/no, column headers and the rows that end a list. What a clerk types must find its
 * value however it is accented, spaced or abbreviated; a misspelling must find its nearest words.
 */

/** The bundled pack's words, made inside each test (a mutation run changes the code per test, after the file loads). */
const words = () => packWords(pack);
/** The words of a pack changed by `edit` (packWords reads the pack as given; validation is elsewhere). */
const wordsOf = (edit: (p: Record<string, any>) => void) => packWords(editedPack(edit) as Pack);
/** The role words of a pack with only these roles and no vocabulary. */
const rolesOf = (roles: unknown[]) =>
  wordsOf((p) => {
    p.roles = roles;
    delete p.vocabulary;
  }).roles;

describe('a word as it is compared (wordKey)', () => {
  it('ignores case, accents (composed or not), spaces and punctuation', () => {
    expect(wordKey('CT UBND xã')).toBe(wordKey('ct-ubnd xa'));
    expect(wordKey('Nữ'.normalize('NFD'))).toBe(wordKey('nu'));
    expect(wordKey('Đảng ủy')).toBe('danguy');
    expect(wordKey("H'Mông")).toBe('hmong');
  });

  it('keeps a word of symbols only, without its spaces; nothing stays nothing', () => {
    expect(wordKey('✓')).toBe('✓');
    expect(wordKey(' ✓ ✓ ')).toBe('✓✓');
    expect(wordKey('✓')).not.toBe(wordKey('✔'));
    expect(wordKey('')).toBe('');
    expect(wordKey('   ')).toBe('');
  });
});

describe('roles', () => {
  it('are found by code, label in either language, alias and the pack’s vocabulary', () => {
    for (const text of ['party_secretary', 'Bí thư Đảng ủy xã', 'Commune Party Committee Secretary', 'Bí thư ĐU xã', 'BT ĐU xã', 'Bí thư Đảng bộ xã']) {
      expect([text, words().roles.find(text)]).toEqual([text, 'party_secretary']);
    }
  });

  it('are found however written: no accents, other case, spacing', () => {
    expect(words().roles.find('bi thu dang uy xa')).toBe('party_secretary');
    expect(words().roles.find('  BÍ THƯ  ĐẢNG ỦY XÃ ')).toBe('party_secretary');
  });

  it('are found with or without "xã" at the end, whichever the pack wrote', () => {
    expect(words().roles.find('Bí thư Đảng ủy')).toBe('party_secretary');
    expect(words().roles.find('Chủ tịch HĐND xã')).toBe('council_chair');
    expect(words().roles.find('Chủ tịch HĐND')).toBe('council_chair');
    expect(words().roles.find('Chủ tịch HĐND xa')).toBe('council_chair');
  });

  it('a word that means no role finds nothing', () => {
    expect(words().roles.find('Giám đốc sở')).toBeUndefined();
    expect(words().roles.find('')).toBeUndefined();
    expect(words().roles.find('toString')).toBeUndefined();
  });

  it('a misspelt role finds its nearest roles, nearest first, one word each, at most `count`', () => {
    const near = words().roles.near('Bí thư Đảng ủy xả');
    expect(near[0]).toEqual({ word: 'Bí thư Đảng ủy xã', value: 'party_secretary' });
    expect(new Set(near.map((w) => w.value)).size).toBe(near.length);
    expect(near.length).toBeLessThanOrEqual(3);
    expect(words().roles.near('Bí thư Đảng ủy xả', 1)).toHaveLength(1);
    expect(words().roles.near('')).toEqual([]);
    expect(words().roles.near('zzzzzzzzzzzzzzzzzz')).toEqual([]);
  });

  it('a word holding a known one (or held by it) is near, after those a few edits away, the closer in length first', () => {
    const roles = packWords(
      editedPack((p) => {
        p.roles = [
          { code: 'head', group: 'commune_cadre', label: { vi: 'Trưởng ban', en: 'Head' } },
          { code: 'front_head', group: 'commune_cadre', label: { vi: 'Trưởng ban công tác mặt trận', en: 'Front head' } },
          { code: 'police', group: 'commune_cadre', label: { vi: 'Công an xã', en: 'Police' } },
        ];
        delete p.vocabulary;
      }) as Pack,
    ).roles;
    expect(roles.near('Trưởng ban công tác mặt trận thôn').map((w) => w.value)).toEqual(['front_head', 'head']);
    expect(roles.near('Trưởng').map((w) => w.value)).toEqual(['head', 'front_head']);
    expect(roles.near('ban').map((w) => w.value)).toEqual([]);
  });

  it('a label written with "xã" is found without it, one written without is found with it; a code is not varied', () => {
    const roles = rolesOf([
      { code: 'mass_mobilisation_head', group: 'commune_cadre', label: { vi: 'Trưởng ban Dân vận xã', en: 'Mass mobilisation head' } },
      { code: 'coop_chair', group: 'commune_cadre', label: { vi: 'Chủ nhiệm HTX', en: 'Cooperative chair' } },
    ]);
    expect(roles.find('Trưởng ban Dân vận')).toBe('mass_mobilisation_head');
    expect(roles.find('Chủ nhiệm HTX xã')).toBe('coop_chair');
    expect(roles.find('coop_chair xã')).toBeUndefined();
  });

  it('a role’s own name wins over another role’s name with "xã" added or taken away', () => {
    const roles = rolesOf([
      { code: 'farmers_chair_commune', group: 'commune_cadre', label: { vi: 'Chủ tịch Hội Nông dân xã', en: 'Commune farmers chair' } },
      { code: 'farmers_chair', group: 'commune_cadre', label: { vi: 'Chủ tịch Hội Nông dân', en: 'Farmers chair' } },
    ]);
    expect(roles.find('Chủ tịch Hội Nông dân')).toBe('farmers_chair');
    expect(roles.find('Chủ tịch Hội Nông dân xã')).toBe('farmers_chair_commune');
  });

  it('of two words equally near, the shorter comes first', () => {
    const roles = rolesOf([
      { code: 'board_head', group: 'commune_cadre', label: { vi: 'Trưởng bảng', en: 'Board head' } },
      { code: 'village_head', group: 'commune_cadre', label: { vi: 'Trưởng bản', en: 'Village head' } },
    ]);
    expect(roles.near('Trưởng bánh').map((w) => w.value)).toEqual(['village_head', 'board_head']);
  });

  it('past the edits allowed, a word holding both is nearer the one closer to it in length', () => {
    const roles = rolesOf([
      { code: 'head', group: 'commune_cadre', label: { vi: 'Trưởng ban', en: 'Head' } },
      { code: 'front_head', group: 'commune_cadre', label: { vi: 'Trưởng ban công tác mặt trận', en: 'Front head' } },
    ]);
    expect(roles.near('Trưởng ban công tác mặt trận thôn Bản Chắt xã Tân Văn').map((w) => w.value)).toEqual(['front_head', 'head']);
  });

  it('every word listed with its value, each key once', () => {
    expect(words().roles.words).toContainEqual({ word: 'BT ĐU xã', value: 'party_secretary' });
    expect(words().roles.words).toContainEqual({ word: 'party_secretary', value: 'party_secretary' });
    const keys = words().roles.words.map((w) => wordKey(w.word));
    expect(new Set(keys).size).toBe(keys.length);
  });
});

describe('ethnic groups, genders, yes/no', () => {
  it('a group by its name, another name the pack knows, or its code with or without the leading zero', () => {
    expect(words().ethnicities.find('Nùng')).toBe('07');
    expect(words().ethnicities.find('nung')).toBe('07');
    expect(words().ethnicities.find("H'Mông")).toBe('08');
    expect(words().ethnicities.find('Kinh (Việt)')).toBe('01');
    expect(words().ethnicities.find('07')).toBe('07');
    expect(words().ethnicities.find('7')).toBe('07');
    expect(words().ethnicities.find('54')).toBe('54');
    expect(words().ethnicities.find('55')).toBeUndefined();
    expect(words().ethnicities.find('007')).toBeUndefined();
    expect(words().ethnicities.find('Người sao Hỏa')).toBeUndefined();
  });

  it('genders and yes/no by the built-in words and the pack’s', () => {
    expect(['Nữ', 'female', 'Nữ giới', 'F', 'nu'].map((w) => words().genders.find(w))).toEqual(['female', 'female', 'female', 'female', 'female']);
    expect(['Nam', 'male', 'Nam giới', 'M'].map((w) => words().genders.find(w))).toEqual(['male', 'male', 'male', 'male']);
    expect(['Có', 'yes', 'true', '1', 'x', '✓', '☑', 'Thuộc'].map((w) => words().yesNo.find(w))).toEqual(Array(8).fill('yes'));
    expect(['Không', 'no', 'false', '0', 'ko', '-', 'Không thuộc'].map((w) => words().yesNo.find(w))).toEqual(Array(7).fill('no'));
    expect(words().yesNo.find('có lẽ')).toBeUndefined();
  });

  it('a short misspelling is near within 2 edits; a long cell is not near the one-letter words it happens to hold', () => {
    expect(words().yesNo.near('Khg')[0]?.value).toBe('no');
    expect(words().yesNo.near('Thuộc khu vực')).toEqual([{ word: 'Thuộc', value: 'yes' }]);
    expect(words().yesNo.near('')).toEqual([]);
  });

  it('a pack without vocabulary still knows the built-in words, and a blank yes/no is then missing', () => {
    const bare = wordsOf((p) => delete p.vocabulary);
    expect(bare.genders.find('Nữ')).toBe('female');
    expect(bare.yesNo.find('x')).toBeUndefined();
    expect(bare.yesNo.find('Có')).toBe('yes');
    expect(bare.blankYesNo).toBeUndefined();
    expect(bare.headers.words).toEqual([]);
    expect(bare.isFooter('Tổng cộng')).toBe(false);
    expect(bare.problems).toEqual([]);
  });

  it('a blank yes/no cell means what the pack says', () => {
    expect(words().blankYesNo).toBe('no');
    expect(wordsOf((p) => (p.vocabulary.blankYesNo.value = 'yes')).blankYesNo).toBe('yes');
  });
});

describe('column headers', () => {
  it('each header as written finds its column; the first word of a column is the one the toolkit writes', () => {
    expect(words().headers.find('Họ tên')).toBe('full_name');
    expect(words().headers.find('HỌ VÀ TÊN')).toBe('full_name');
    expect(words().headers.find('Mã học viên')).toBe('id');
    expect(words().headers.words.find((w) => w.value === 'full_name')?.word).toBe('Họ và tên');
    expect(words().headers.words[0]).toEqual({ word: 'Mã', value: 'id' });
  });
});

describe('the rows that end a list (footers)', () => {
  it('a cell starting with a footer word ends the list', () => {
    expect(words().isFooter('Tổng cộng')).toBe(true);
    expect(words().isFooter('TỔNG CỘNG:')).toBe(true);
    expect(words().isFooter('Người lập biểu (ký)')).toBe(true);
    expect(words().isFooter('Xã Tổng cộng')).toBe(false);
    expect(words().isFooter('')).toBe(false);
    expect(words().isFooter('Hoàng Văn A')).toBe(false);
  });

  it('"… ngày … tháng … năm" matches the date line anywhere in the cell, its parts in order', () => {
    expect(words().isFooter('Lạng Sơn, ngày 30 tháng 11 năm 2020')).toBe(true);
    expect(words().isFooter('Ngày 30 tháng 11 năm 2020')).toBe(true);
    expect(words().isFooter('năm 2020, tháng 11, ngày 30')).toBe(false);
  });

  it('a footer word of dots only matches nothing; one without a leading … must start the cell', () => {
    const custom = wordsOf((p) => (p.vocabulary.footers = ['…', 'Cộng … đồng']));
    expect(custom.isFooter('anything')).toBe(false);
    expect(custom.isFooter('Cộng: 12 người, 3.000.000 đồng')).toBe(true);
    expect(custom.isFooter('Tổng cộng: 12 người, 3.000.000 đồng')).toBe(false);
  });
});

describe('the pack’s problems with its words', () => {
  it('one word of the vocabulary for two roles is ambiguous, with both places named', () => {
    const w = wordsOf((p) => p.vocabulary.roles[1].words.push('BT ĐU xã'));
    expect(w.problems).toEqual([
      {
        path: '$.vocabulary.roles[1].words[5]',
        code: 'pack.ambiguous_word',
        message: {
          vi: 'từ "BT ĐU xã" (chức vụ / role) chỉ hai giá trị khác nhau: "party_secretary" ($.vocabulary.roles[0].words[0]) và "party_deputy_secretary"; hãy bỏ một trong hai',
          en: 'the word "BT ĐU xã" (chức vụ / role) means two different values: "party_secretary" ($.vocabulary.roles[0].words[0]) and "party_deputy_secretary"; remove one of them',
        },
      },
    ]);
    expect(w.roles.find('BT ĐU xã')).toBe('party_secretary');
  });

  it('a vocabulary word that is also a role’s own name means that role, without a problem', () => {
    const w = wordsOf((p) => p.vocabulary.roles[1].words.push('Bí thư Đảng ủy xã'));
    expect(w.problems).toEqual([]);
    expect(w.roles.find('Bí thư Đảng ủy xã')).toBe('party_secretary');
  });

  it('a vocabulary word that is another role’s code means that role', () => {
    expect(wordsOf((p) => p.vocabulary.roles[1].words.push('party_secretary')).roles.find('party_secretary')).toBe('party_secretary');
  });

  it('a vocabulary word of spaces only means nothing, not the empty cell', () => {
    const w = wordsOf((p) => p.vocabulary.yesNo[0].words.push('   '));
    expect(w.yesNo.find('')).toBeUndefined();
    expect(w.yesNo.find('   ')).toBeUndefined();
  });

  it('the same word twice for one value is no problem', () => {
    expect(wordsOf((p) => p.vocabulary.roles[0].words.push('bt du xa')).problems).toEqual([]);
  });

  it('a word for a value that does not exist, and a clause that does not, are named where they are', () => {
    const w = wordsOf((p) => {
      p.vocabulary.roles[0].value = 'pope';
      p.vocabulary.genders[0].clause = 'KH.IX';
      p.vocabulary.headers[0].value = 'shoe_size';
    });
    expect(w.problems.map((x) => [x.path, x.code, x.message.vi])).toEqual([
      ['$.vocabulary.roles[0].value', 'pack.unknown_code', '"pope" không phải giá trị chức vụ / role của bộ quy tắc'],
      ['$.vocabulary.genders[0].clause', 'pack.unknown_clause', 'điều khoản "KH.IX" không có trong mục clauses'],
      ['$.vocabulary.headers[0].value', 'pack.unknown_code', '"shoe_size" không phải giá trị cột danh sách / roster column của bộ quy tắc'],
    ]);
    expect(w.problems[0]?.message.en).toBe('"pope" is not a chức vụ / role value of the pack');
    expect(w.problems[1]?.message.en).toBe('clause "KH.IX" is not in "clauses"');
    expect(w.roles.find('BT ĐU xã')).toBeUndefined();
    expect(w.genders.find('Nữ giới')).toBe('female');
  });

  it('the bundled pack’s words have no problem', () => {
    expect(words().problems).toEqual([]);
  });
});

describe('problems of a pack’s own words, named by kind and place', () => {
  const ambiguous = (w: ReturnType<typeof packWords>) => w.problems.map((x) => [x.path, x.code, x.message.vi]);

  it('two roles with the same label: the second is named, with where the first is', () => {
    const w = wordsOf((p) => {
      p.roles[1].label.vi = p.roles[0].label.vi;
      p.roles[3].label.en = p.roles[2].label.en;
    });
    expect(ambiguous(w)).toEqual([
      [
        '$.roles[1].label.vi',
        'pack.ambiguous_word',
        `từ "${pack.roles[0]?.label.vi}" (chức vụ / role) chỉ hai giá trị khác nhau: "party_secretary" ($.roles[0].label.vi) và "party_deputy_secretary"; hãy bỏ một trong hai`,
      ],
      [
        '$.roles[3].label.en',
        'pack.ambiguous_word',
        `từ "${pack.roles[2]?.label.en}" (chức vụ / role) chỉ hai giá trị khác nhau: "council_chair" ($.roles[2].label.en) và "council_vice_chair"; hãy bỏ một trong hai`,
      ],
    ]);
  });

  it('a role’s alias that is another role’s code', () => {
    const w = wordsOf((p) => (p.roles[1].aliases = ['party_secretary']));
    expect(w.problems.map((x) => x.path)).toEqual(['$.roles[1].aliases[0]']);
    expect(w.problems[0]?.message.en).toContain('"party_secretary" ($.roles[0].code)');
  });

  it('one word of the pack for two ethnic groups, two genders, yes and no, or two columns', () => {
    const w = wordsOf((p) => {
      p.vocabulary.ethnicities = [
        { value: '02', words: ['Thổ Lạng'] },
        { value: '03', words: ['Thổ Lạng'] },
      ];
      p.vocabulary.genders = [
        { value: 'male', words: ['N'] },
        { value: 'female', words: ['N'] },
      ];
      p.vocabulary.yesNo = [
        { value: 'yes', words: ['v'] },
        { value: 'no', words: ['v'] },
      ];
      p.vocabulary.headers = [
        { value: 'full_name', words: ['Tên'] },
        { value: 'gender', words: ['Tên'] },
      ];
    });
    expect(w.problems.map((x) => [x.path, /\((.+?)\)/.exec(x.message.vi)?.[1]])).toEqual([
      ['$.vocabulary.ethnicities[1].words[0]', 'dân tộc / ethnic group'],
      ['$.vocabulary.genders[1].words[0]', 'giới tính / gender'],
      ['$.vocabulary.yesNo[1].words[0]', 'có/không / yes/no'],
      ['$.vocabulary.headers[1].words[0]', 'cột danh sách / roster column'],
    ]);
  });

  it('a word for an ethnic group, a gender or a yes/no value that does not exist', () => {
    const w = wordsOf((p) => {
      p.vocabulary.ethnicities = [{ value: '99', words: ['Mới'] }];
      p.vocabulary.genders = [{ value: 'other', words: ['Khác'] }];
      p.vocabulary.yesNo = [{ value: 'maybe', words: ['?'] }];
    });
    expect(w.problems.map((x) => x.message.en)).toEqual([
      '"99" is not a dân tộc / ethnic group value of the pack',
      '"other" is not a giới tính / gender value of the pack',
      '"maybe" is not a có/không / yes/no value of the pack',
    ]);
  });
});

describe('more of how words are found', () => {
  it('an alias written with spaces around it and "xã" is found without "xã" too', () => {
    const roles = rolesOf([{ code: 'chief', label: { vi: 'Trưởng ban', en: 'Chief' }, aliases: [' Trưởng ban dân vận xã '] }]);
    expect(roles.find('Trưởng ban dân vận')).toBe('chief');
  });

  it('a blank yes/no cell is "no" when the pack says so', () => {
    expect(wordsOf((p) => (p.vocabulary.blankYesNo.value = 'no')).blankYesNo).toBe('no');
  });

  it('a word of four letters held in a known word is near it; so is a known word of four letters held in a cell', () => {
    const bare = wordsOf((p) => delete p.vocabulary);
    expect(bare.roles.near('comm').map((k) => k.value)).toContain('committee_chair');
    expect(bare.yesNo.near('trueish')).toEqual([{ word: 'true', value: 'yes' }]);
  });
});
