#!/usr/bin/env node
// Thin launcher: the bundled CLI lives in build/bundle/ (made by `npm ci`, via the prepare script).
import { main } from '../build/bundle/main.js';

process.exitCode = await main(process.argv.slice(2));
