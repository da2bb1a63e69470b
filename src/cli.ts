#!/usr/bin/env node
import { existsSync } from 'node:fs';
import { importLegacyCommand } from './cli/import-legacy.js';
import { publishRevisionsCommand } from './cli/publish-revisions.js';
import { reorganiseCommand } from './reorganisation/cli.js';
import { verifyCommand } from './cli/verify.js';
import { readConfig } from './config.js';
import { openSystem, type System } from './system.js';

/** Each command gets the system and its arguments and returns the exit code (2: wrong usage). */
type Command = (system: System, args: string[]) => Promise<number>;

const COMMANDS: Record<string, Command> = {
  verify: verifyCommand,
  'import-legacy': importLegacyCommand,
  reorganise: reorganiseCommand,
  'publish-revisions': publishRevisionsCommand,
};

const USAGE = `Usage: motcua <command>

  verify --all            verify the audit chain of every dossier (exit 1 if any is broken)
  verify CODE [CODE…]     verify the given dossiers
  import-legacy FILE --unit CODE --mapping MAP.json [--dry-run]
                          import a unit's dossiers exported (CSV or JSON) from its former one-stop application;
                          --dry-run lists what would be imported and every row that cannot be (exit 1 if any)
  reorganise --units FILE --merges FILE --effective YYYY-MM-DD [--name TEXT] [--abolish-level LEVEL]…
             [--complete] [--dry-run]
                          load a unit reorganisation (merges, splits, abolished levels) from CSV; on its date,
                          hand over dossiers, tasks and staff; run it again to finish an interrupted run
                          (the 2025 Hà Nội one: README "Unit reorganisations")
  publish-revisions [--dry-run]
                          publish the shipped revisions of procedures (processes/<YYYY-MM-DD>/) this database does
                          not have yet, each in force from its day or from now (a database started before 2025)

The database is DATABASE_URL's (README "Configuration").`;

/** Command-line tools for operators and auditors; `npm start` serves the API. */
async function main(args: string[]): Promise<number> {
  const [name, ...rest] = args;
  const command = name ? COMMANDS[name] : undefined;
  if (!command) return usage();
  const config = readConfig();
  const file = config.databaseUrl.startsWith('sqlite:') ? config.databaseUrl.slice('sqlite:'.length) : null;
  if (file && !existsSync(file)) {
    console.error(`No database at ${file}.`);
    return 2;
  }
  const system = await openSystem({
    databaseUrl: config.databaseUrl,
    adminPassword: config.adminPassword,
    demoAccounts: config.demoAccounts,
  });
  try {
    const code = await command(system, rest);
    return code === 2 ? usage() : code;
  } finally {
    await system.close();
  }
}

function usage(): number {
  console.error(USAGE);
  return 2;
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (err: unknown) => {
    console.error(err instanceof Error ? err.message : err);
    process.exit(2);
  },
);
