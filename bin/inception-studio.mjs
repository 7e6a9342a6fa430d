#!/usr/bin/env node
// Installed command: runs the TypeScript CLI through tsx's loader.
import { register } from 'tsx/esm/api';

register();
await import('../app/cli/main.ts');
