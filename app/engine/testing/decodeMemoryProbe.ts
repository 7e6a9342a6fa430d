/**
 * A child process for the image-memory test: decodes the images named on its command line as
 * one prediction batch and prints its peak resident memory in bytes, so the measure holds only
 * this decode (not the test runner's own heap).
 */

import { loadImageBatch } from '../images';

const [size, ...paths] = process.argv.slice(2);
const input = { height: Number(size), width: Number(size), channels: 3 };
const batch = await loadImageBatch(paths.map((path) => ({ path })), input);
process.stdout.write(JSON.stringify({ peakBytes: process.resourceUsage().maxRSS * 1024, decoded: batch.images.length, failures: batch.failures.length }));
