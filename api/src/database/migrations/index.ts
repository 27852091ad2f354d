import { RegistryCore1764000000000 } from './1764000000000-RegistryCore';
import { Accounts1764000000100 } from './1764000000100-Accounts';
import { SeedRegions1764000000200 } from './1764000000200-SeedRegions';

// Listed explicitly (not globbed) so the same list works compiled, under jest and in the CLI.
export const MIGRATIONS = [RegistryCore1764000000000, Accounts1764000000100, SeedRegions1764000000200];
