import { describe, expect, it } from 'vitest';
import { checkContent } from '@/lib/content/check';
import { listJson } from '@/lib/publish/exports';
import { listExportSchema } from '@/lib/publish/export-schemas';
import { formatLocation } from '@/lib/publish/labels';
import { changeLine, fieldChanges } from '@/lib/publish/upcoming';
import { scopeTitleMap } from '@/lib/timeline/scopes';
import { upcomingChanges } from '@/lib/timeline/timeline';

const TODAY = '2026-11-23';
const twoCloud = checkContent('examples/two-cloud').content!;

describe('an announced update shows what it changes', () => {
  it('in one line: each field before and after', () => {
    const zendesk = upcomingChanges(twoCloud, TODAY).find(({ entry }) => entry.slug === 'zendesk')!;
    expect(changeLine(fieldChanges(zendesk.entry, zendesk.event, twoCloud.site.scopes))).toBe(
      "Locations: United States \u2192 United States (US Cloud); European Union: Frankfurt and Dublin \u2014 Zendesk's EU data centres (EU Cloud)",
    );
  });

  it('in the JSON: `next` holds the new values of the fields `previous` names', () => {
    const json = listJson(twoCloud, TODAY);
    const zendesk = json.upcoming.find((event) => event.slug === 'zendesk')!;
    expect(zendesk.previous).toEqual({ locations: [{ country: 'US' }] });
    expect(zendesk.next).toEqual({
      locations: [
        { country: 'US', scopes: ['us'] },
        { country: 'EU', detail: "Frankfurt and Dublin \u2014 Zendesk's EU data centres", scopes: ['eu'] },
      ],
    });
    // An addition has no `previous`, so no `next`: the entry itself is the new value.
    expect(json.upcoming.filter((event) => event.change === 'added').every((event) => event.next === undefined)).toBe(true);
    expect(listExportSchema.safeParse(json).success).toBe(true);
  });
});

describe('locations', () => {
  it('a detail that starts with the place is not repeated after it', () => {
    expect(formatLocation({ country: 'global', detail: 'Global edge \u2014 the nearest point of presence' })).toBe('Global edge \u2014 the nearest point of presence');
    expect(formatLocation({ country: 'DE', detail: 'Frankfurt', scopes: ['eu'] }, scopeTitleMap(twoCloud.site.scopes))).toBe('Germany: Frankfurt (EU Cloud)');
  });
});
