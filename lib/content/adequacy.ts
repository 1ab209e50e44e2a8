/**
 * Where personal data may go from the EEA without another safeguard (GDPR Art. 45), as data.
 *
 * Source: the European Commission's list of adequacy decisions,
 * https://commission.europa.eu/law/law-topic/data-protection/international-dimension-data-protection/adequacy-decisions_en
 * Reviewed: December 2026, with the decisions announced up to then: the United Kingdom's renewed on
 * 19 December 2025 (until 27 December 2031) and Brazil's adopted on 27 January 2026. Review this
 * file when the Commission adopts, renews or withdraws a decision. (The European Patent
 * Organisation's decision of 2025, the first for an international organisation, has no country
 * code and so no place here.)
 */
export const ADEQUACY = {
  reviewed: '2026-12',
  source: 'https://commission.europa.eu/law/law-topic/data-protection/international-dimension-data-protection/adequacy-decisions_en',
  /** Country code → what the decision covers. */
  decisions: {
    AD: 'Andorra',
    AR: 'Argentina',
    BR: 'Brazil (adopted 27 January 2026)',
    CA: 'Canada: commercial organisations subject to PIPEDA',
    CH: 'Switzerland',
    FO: 'Faroe Islands',
    GB: 'United Kingdom (renewed until 27 December 2031)',
    GG: 'Guernsey',
    IL: 'Israel',
    IM: 'Isle of Man',
    JE: 'Jersey',
    JP: 'Japan',
    KR: 'Republic of Korea',
    NZ: 'New Zealand',
    US: 'United States: only organisations certified under the EU-U.S. Data Privacy Framework (DPF)',
    UY: 'Uruguay',
  } as Record<string, string>,
};

/** The European Economic Area: the EU's 27 members, Iceland, Liechtenstein and Norway. Data moves freely inside it. */
export const EEA = new Set('AT BE BG CY CZ DE DK EE ES FI FR GR HR HU IE IS IT LI LT LU LV MT NL NO PL PT RO SE SI SK'.split(' '));
