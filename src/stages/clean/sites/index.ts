import harborLedger from './harbor-ledger.example/rules.json' with { type: 'json' };
import valleyTribune from './valley-tribune.example/rules.json' with { type: 'json' };
import { parseSiteRule, type SiteRule } from './site-rule.js';

// One explicit list rather than a directory read: the package ships dist/
// only, and tsc copies a JSON file there only when it is imported, so a
// readdir of src/ would find no rules in an installed crosscheck. Nothing
// registers itself on import either; sites.test.ts fails when a folder
// under sites/ is missing here, so a forgotten line cannot go unnoticed.
export const SITE_RULE_FILES: readonly { readonly file: string; readonly data: unknown }[] = [
  { file: 'harbor-ledger.example/rules.json', data: harborLedger },
  { file: 'valley-tribune.example/rules.json', data: valleyTribune },
];

let loaded: readonly SiteRule[] | null = null;

/**
 * Every site rule, validated on first use and then kept: a bad rules file
 * throws here with its path, and the test suite calls this, so it fails
 * there before it fails an ingest.
 */
export function siteRules(): readonly SiteRule[] {
  loaded ??= SITE_RULE_FILES.map(({ file, data }) => {
    const rule = parseSiteRule(data, `src/stages/clean/sites/${file}`);
    const folder = file.split('/')[0];
    if (rule.domain !== folder) throw new Error(`invalid site rule in src/stages/clean/sites/${file}: its domain is "${rule.domain}" but it sits in the folder "${folder}"; the folder is named after the domain`);
    return rule;
  });
  return loaded;
}
