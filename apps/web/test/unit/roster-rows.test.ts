import { readFileSync } from 'node:fs';
import { bundledPack, type CandidateInput, CandidateSchema, decideSync, type Pack, parsePack, placesOf } from '@p135/rules';
import { describe, expect, it } from 'vitest';
import { communesIn, FILE_ORDER, filterRows, NO_FILTER, pageOf, pointLevels, rosterRows, sortRows } from '../../src/lib/roster-rows';
import { book, exampleRoster } from './helpers';

const people = exampleRoster().slice(0, 2000);
const decisions = people.map((c) => decideSync(book, c));
const rows = rosterRows(people, decisions);
const trackIndex = (code: string) => book.tracks.findIndex((t) => t.code === code);

describe('roster rows', () => {
  it('flatten each decision: per track eligible and points, commune names from the official list', () => {
    expect(rows).toHaveLength(2000);
    const r = rows[0]!;
    expect(r.id).toBe(people[0]!.id);
    expect(r.eligible).toEqual(decisions[0]!.tracks.map((t) => t.eligible));
    expect(r.points).toEqual(decisions[0]!.tracks.map((t) => t.priority.points));
    expect(r.communeName).toBe('Xã Khánh Long');
    expect(r.districtName).toBe('Huyện Tràng Định');
  });

  it('filter by track and eligibility: exactly the people the decisions call eligible', () => {
    const t = trackIndex('province_cadre');
    const yes = filterRows(rows, { ...NO_FILTER, track: t, eligible: 'yes' });
    const no = filterRows(rows, { ...NO_FILTER, track: t, eligible: 'no' });
    expect(yes.length).toBe(decisions.filter((d) => d.tracks[t]!.eligible).length);
    expect(yes.length + no.length).toBe(rows.length);
    expect(yes.length).toBeGreaterThan(0);
  });

  it('"any track, eligible" means eligible for at least one track; "not eligible" for none', () => {
    const none = filterRows(rows, { ...NO_FILTER, eligible: 'no' });
    expect(none.every((r) => r.eligibleCount === 0)).toBe(true);
    expect(none.length).toBe(decisions.filter((d) => d.eligibleTracks.length === 0).length);
  });

  it('filter by commune, by priority points, and by name or id without diacritics', () => {
    const commune = rows[0]!.commune;
    expect(filterRows(rows, { ...NO_FILTER, commune }).every((r) => r.commune === commune)).toBe(true);
    const t = trackIndex('commune_community');
    const two = filterRows(rows, { ...NO_FILTER, track: t, minPoints: 2 });
    expect(two.length).toBeGreaterThan(0);
    expect(two.every((r) => r.eligible[t] && r.points[t]! >= 2)).toBe(true);
    const any = filterRows(rows, { ...NO_FILTER, minPoints: 1 });
    expect(any.length).toBe(rows.filter((r) => r.points.some((p, i) => r.eligible[i] && p >= 1)).length);
    const name = people[0]!.name;
    const folded = name
      .normalize('NFD')
      .replace(/[\u0300-\u036f]/g, '')
      .replace(/đ/g, 'd')
      .replace(/Đ/g, 'D')
      .toLowerCase();
    expect(filterRows(rows, { ...NO_FILTER, text: folded }).map((r) => r.id)).toContain(people[0]!.id);
    expect(filterRows(rows, { ...NO_FILTER, text: people[5]!.id })).toHaveLength(1);
  });

  it('sorts by name (Vietnamese order), by count and by a track, both ways, stable on ties', () => {
    const byName = sortRows(rows, { key: 'name', dir: 'asc' });
    const collator = new Intl.Collator('vi', { sensitivity: 'base', numeric: true });
    for (let i = 1; i < byName.length; i++) expect(collator.compare(byName[i - 1]!.name, byName[i]!.name)).toBeLessThanOrEqual(0);
    const byCount = sortRows(rows, { key: 'count', dir: 'desc' });
    expect(byCount[0]!.eligibleCount).toBe(Math.max(...rows.map((r) => r.eligibleCount)));
    const t = trackIndex('commune_community');
    const byTrack = sortRows(rows, { key: `track:${t}`, dir: 'desc' });
    expect(byTrack[0]!.eligible[t]).toBe(true);
    expect(byTrack[0]!.points[t]).toBe(Math.max(...rows.filter((r) => r.eligible[t]).map((r) => r.points[t]!)));
    const ties = sortRows(rows, { key: 'count', dir: 'asc' }).filter((r) => r.eligibleCount === byCount.at(-1)!.eligibleCount);
    expect(ties.map((r) => r.index)).toEqual([...ties.map((r) => r.index)].sort((a, b) => a - b));
  });

  it('keeps the file order by default, sorts ids and places', () => {
    expect(sortRows(rows, FILE_ORDER).map((r) => r.index)).toEqual(rows.map((r) => r.index));
    const ids = sortRows(rows, { key: 'id', dir: 'desc' }).map((r) => r.id);
    expect(ids).toEqual([...ids].sort().reverse());
    const places = sortRows(rows, { key: 'place', dir: 'asc' }, rows);
    const collator = new Intl.Collator('vi', { sensitivity: 'base', numeric: true });
    for (let i = 1; i < places.length; i++) expect(collator.compare(places[i - 1]!.communeName, places[i]!.communeName)).toBeLessThanOrEqual(0);
  });

  it('lists the communes present, grouped by district, and the point levels present', () => {
    const groups = communesIn(rows);
    expect(groups.length).toBeGreaterThan(0);
    expect(groups.flatMap((g) => g.communes).length).toBe(new Set(rows.map((r) => r.commune)).size);
    expect(pointLevels(rows)).toEqual([1, 2, 3]);
  });

  it('pages: 50 a page, clamped to the pages there are', () => {
    expect(pageOf(rows, 1).items).toHaveLength(50);
    expect(pageOf(rows, 99).page).toBe(40);
    expect(pageOf([], 3)).toEqual({ items: [], page: 1, pages: 1 });
  });
});

describe("roster rows of another province's pack", () => {
  it("name places with the pack's places (Cao Bằng's communes, which Lạng Sơn's list does not know)", () => {
    const text = readFileSync(new URL('../../../../examples/cao-bang-2021/cao-bang-2021.json', import.meta.url), 'utf8');
    const pack = parsePack(text, { resolveBase: (id) => bundledPack(id) }).value as Pack;
    const input: CandidateInput = {
      id: 'CB-1',
      name: 'Nông Thị Hoa',
      gender: 'female',
      birthYear: 1985,
      ethnicity: '07',
      role: 'citizen',
      district: { code: '042' },
      commune: { code: '01293', p135: { listed: true, struckOff: false } },
    };
    const person = CandidateSchema.parse(input);
    const [row] = rosterRows([person], [decideSync(book, person)], placesOf(pack));
    expect([row?.communeName, row?.districtName]).toEqual(['Xã Đức Hạnh', 'Huyện Bảo Lâm']);
  });
});
