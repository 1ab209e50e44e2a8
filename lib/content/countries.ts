import { closest } from './suggest';

// ISO 3166-1 alpha-2, officially assigned codes.
const ISO_CODES = new Set(
  'AD AE AF AG AI AL AM AO AQ AR AS AT AU AW AX AZ BA BB BD BE BF BG BH BI BJ BL BM BN BO BQ BR BS BT BV BW BY BZ CA CC CD CF CG CH CI CK CL CM CN CO CR CU CV CW CX CY CZ DE DJ DK DM DO DZ EC EE EG EH ER ES ET FI FJ FK FM FO FR GA GB GD GE GF GG GH GI GL GM GN GP GQ GR GS GT GU GW GY HK HM HN HR HT HU ID IE IL IM IN IO IQ IR IS IT JE JM JO JP KE KG KH KI KM KN KP KR KW KY KZ LA LB LC LI LK LR LS LT LU LV LY MA MC MD ME MF MG MH MK ML MM MN MO MP MQ MR MS MT MU MV MW MX MY MZ NA NC NE NF NG NI NL NO NP NR NU NZ OM PA PE PF PG PH PK PL PM PN PR PS PT PW PY QA RE RO RS RU RW SA SB SC SD SE SG SH SI SJ SK SL SM SN SO SR SS ST SV SX SY SZ TC TD TF TG TH TJ TK TL TM TN TO TR TT TV TW TZ UA UG UM US UY UZ VA VC VE VG VI VN VU WF WS YE YT ZA ZM ZW'.split(' '),
);

/** Besides ISO codes, a location may be the whole EU or a global network. */
export const REGIONS = { EU: 'European Union', global: 'Global' } as const;

const displayNames = new Intl.DisplayNames(['en'], { type: 'region' });

// Names people type instead of the code; the ISO names themselves are added below.
const COMMON_NAMES: Record<string, string> = {
  usa: 'US',
  'united states of america': 'US',
  america: 'US',
  uk: 'GB',
  'great britain': 'GB',
  england: 'GB',
  'european union': 'EU',
  europe: 'EU',
  worldwide: 'global',
};
const BY_NAME = new Map<string, string>(Object.entries(COMMON_NAMES));
for (const code of ISO_CODES) BY_NAME.set(displayNames.of(code)!.toLowerCase(), code);

export function isLocationCode(value: string): boolean {
  return ISO_CODES.has(value) || value in REGIONS;
}

/** "United States" for US, "Global" for global. */
export function locationName(code: string): string {
  return code in REGIONS ? REGIONS[code as keyof typeof REGIONS] : (displayNames.of(code) ?? code);
}

/** The code a mistyped location most likely meant ("United States" → US, "us" → US), if any. */
export function suggestLocationCode(value: string): string | undefined {
  const key = value.trim().toLowerCase();
  if (isLocationCode(value.trim().toUpperCase())) return value.trim().toUpperCase();
  if (key === 'global') return 'global';
  return BY_NAME.get(key) ?? BY_NAME.get(closest(key, [...BY_NAME.keys()]) ?? '');
}
