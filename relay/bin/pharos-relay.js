#!/usr/bin/env node
// @ts-check
import { main } from '../lib/cli.js';

process.exitCode = await main(process.argv.slice(2), process.env);
