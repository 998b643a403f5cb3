#!/usr/bin/env node
import '../dist/cli/glassbox.mjs';
