/** Types of thirdPartyNotices.mjs (plain JavaScript so that scripts/build.mjs runs it with bare Node). */

export interface LicenceText {
  file: string;
  text: string;
  /** Why a non-licence file (a bundle's manifest) is listed. */
  note?: string;
}

export interface ShippedPackage {
  name: string;
  version: string;
  /** The package.json licence (SPDX expression), `UNKNOWN` when it states none. */
  licence: string;
  homepage: string | null;
  texts: LicenceText[];
}

export const BUNDLED_DATA: readonly { name: string; licence: string; files: readonly string[] }[];

export function collectPackages(root: string): Promise<ShippedPackage[]>;

export function renderNotices(root: string, packages: readonly ShippedPackage[]): Promise<string>;
