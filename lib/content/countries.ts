import { ALPHA2_ALPHA3 } from './country-codes';
import { closest } from './suggest';

const PAIRS = ALPHA2_ALPHA3.split(' ');
// ISO 3166-1 alpha-2, officially assigned codes.
const ISO_CODES = new Set(PAIRS.map((pair) => pair.slice(0, 2)));
/** IRL → IE, DEU → DE: three-letter codes are common in contracts and cloud region names. */
const BY_ALPHA3 = new Map(PAIRS.map((pair) => [pair.slice(2), pair.slice(0, 2)]));

/** Besides ISO codes, a location may be the whole EU or a global network. */
export const REGIONS = { EU: 'European Union', global: 'Global' } as const;

const displayNames = new Intl.DisplayNames(['en'], { type: 'region' });

// Names and abbreviations people type instead of the code; the ISO names themselves are added below.
const COMMON_NAMES: Record<string, string> = {
  usa: 'US',
  'united states of america': 'US',
  america: 'US',
  uk: 'GB',
  'great britain': 'GB',
  britain: 'GB',
  england: 'GB',
  scotland: 'GB',
  wales: 'GB',
  'northern ireland': 'GB',
  uae: 'AE',
  emirates: 'AE',
  // Greece's code in EU documents.
  el: 'GR',
  holland: 'NL',
  'the netherlands': 'NL',
  'czech republic': 'CZ',
  'republic of korea': 'KR',
  korea: 'KR',
  turkey: 'TR',
  'hong kong': 'HK',
  macau: 'MO',
  'ivory coast': 'CI',
  deutschland: 'DE',
  'european union': 'EU',
  europe: 'EU',
  worldwide: 'global',
};
const BY_NAME = new Map<string, string>(Object.entries(COMMON_NAMES));
for (const code of ISO_CODES) BY_NAME.set(displayNames.of(code)!.toLowerCase(), code);

/** Groups of countries that have no code: the editor has to say which countries they mean. */
const GROUPS: Record<string, string> = {
  eea: 'the EEA (the EU, Iceland, Liechtenstein and Norway)',
  emea: 'EMEA',
  apac: 'APAC',
  latam: 'Latin America',
};

export function isLocationCode(value: string): boolean {
  return ISO_CODES.has(value) || value in REGIONS;
}

/** "United States" for US, "Global" for global. */
export function locationName(code: string): string {
  return code in REGIONS ? REGIONS[code as keyof typeof REGIONS] : (displayNames.of(code) ?? code);
}

/** The code a mistyped location most likely meant ("United States" → US, "us" → US, "IRL" → IE), if any. */
export function suggestLocationCode(value: string): string | undefined {
  const key = value.trim().toLowerCase();
  if (isLocationCode(value.trim().toUpperCase())) return value.trim().toUpperCase();
  if (key === 'global') return 'global';
  const named = BY_NAME.get(key) ?? BY_ALPHA3.get(key.toUpperCase());
  // A three-letter code that is not ISO's (or a group) is not a typo of a name: a guess here would point to another country.
  if (named || key.length <= 3 || key in GROUPS) return named;
  return BY_NAME.get(closest(key, [...BY_NAME.keys()]) ?? '');
}

/** For a group of countries written as a location ("EEA"): what it stands for, to say it has no code. */
export function locationGroup(value: string): string | undefined {
  return GROUPS[value.trim().toLowerCase()];
}
