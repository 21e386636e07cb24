#!/usr/bin/env node
// Thin launcher: the compiled CLI lives in build/ (made by `npm ci`, via the prepare script).
import { main } from '../build/cli/main.js';

process.exitCode = await main(process.argv.slice(2));
