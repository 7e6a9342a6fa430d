/** Types of stryker.config.mjs (plain JavaScript, as Stryker's own command line reads it). */

import type { PartialStrykerOptions } from '@stryker-mutator/api/core';

declare const config: PartialStrykerOptions;
export default config;
