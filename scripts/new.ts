/**
 * `npm run new -- "Stripe"`: starts a subprocessor file with every required field,
 * announced today and effective after the notice period, with notes on what to fill in.
 */
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { contentDir } from '../lib/content/load';
import { addDays } from '../lib/content/dates';
import { siteSchema } from '../lib/content/schema';
import { parseYaml } from '../lib/content/source';
import { resolveToday } from '../lib/content/today';

const USAGE = `Usage: npm run new -- "Company name"

Starts content/subprocessors/<name>.md (or in CONTENT_DIR) with every required field,
announced today and effective after the notice period. Fill in every TODO, then run
\`npm run validate\`.

Options:
  -h, --help   print this help and change nothing`;

// Flags are flags: `npm run new -- "Zoom" --help` prints the usage, it does not write zoom-help.md.
function options() {
  try {
    return parseArgs({ options: { help: { type: 'boolean', short: 'h' } }, allowPositionals: true });
  } catch (error) {
    console.error(`${(error as Error).message}\n\n${USAGE}`);
    process.exit(2);
  }
}
const { values, positionals } = options();
if (values.help) {
  console.log(USAGE);
  process.exit(0);
}
const name = positionals.join(' ').trim();
if (!name) {
  console.error(USAGE);
  process.exit(2);
}
const dir = contentDir();
// Société Générale → societe-generale: drop accents before dropping everything else.
const slug = name.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
const existing = ['.md', '.yaml', '.yml'].map((ext) => path.join(dir, 'subprocessors', `${slug}${ext}`)).find((file) => fs.existsSync(file));
if (!slug || existing) {
  console.error(existing ? `${path.relative(process.cwd(), existing)} already exists; nothing was changed.` : `'${name}' has no letters or digits to name a file after.`);
  process.exit(1);
}

// The site settings decide the dates; fall back to safe defaults if site.yaml has a problem.
const parsed = siteSchema.safeParse(parseYaml('site.yaml', fs.readFileSync(path.join(dir, 'site.yaml'), 'utf8')).data);
const site = parsed.success ? parsed.data : { timezone: 'UTC', notice_period_days: 30, categories: [] };
const announced = resolveToday(site);
const categories = site.categories.map((category) => category.id).join(', ') || 'see site.yaml';

const text = `---
# New subprocessor. Replace every TODO, delete the notes you no longer need (lines
# starting with #), then run \`npm run validate\`. Quote a value that contains ": " or "#".
name: ${JSON.stringify(name)}
# The legal entity that processes the data, as named in the DPA.
entity: TODO
# One of: ${categories}
category: TODO
# What it does for you, in one or two sentences.
purpose: TODO
# Each category of personal data it processes, one per line.
data:
  - TODO
# Where the data is processed: a two-letter country code (US, DE, IE…), EU or global.
locations:
  - country: TODO
    # Optional: city, data centre, or why it was chosen.
    detail: TODO
# Recommended: registered address and privacy contact (EDPB Opinion 22/2024).
address: TODO
contact: TODO
# Optional fields: delete the # to use one.
# website: https://
# subjects: [End users, Account administrators]
# transfers: [SCCs]        # adequacy, SCCs, DPF, UK-IDTA, UK-Addendum, BCRs
# certifications: [SOC 2 Type II, ISO 27001]
# condition: Only when you enable …
links:
  dpa: TODO
  subprocessors: TODO   # its own subprocessor list (EDPB Opinion 22/2024: the whole chain)
history:
  - change: added
    # The day customers are told, and the day it takes effect: at least ${site.notice_period_days} days later.
    announced: ${announced}
    effective: ${addDays(announced, site.notice_period_days)}
    summary: TODO (what customers should know about this addition)
---
<!-- Optional: notes in Markdown below this line are shown on the subprocessor's own page. -->
`;
const file = path.join(dir, 'subprocessors', `${slug}.md`);
fs.mkdirSync(path.dirname(file), { recursive: true });
fs.writeFileSync(file, text, { flag: 'wx' });
console.log(`Created ${path.relative(process.cwd(), file)}: fill in every TODO, then run \`npm run validate\`.`);
