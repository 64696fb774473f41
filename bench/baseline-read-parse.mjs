// The baseline topogate is measured against: read the plan file and JSON.parse it, nothing else.
import { readFileSync } from 'node:fs';

const text = readFileSync(process.argv[2], 'utf8');
const plan = JSON.parse(text);
// Touch the result so the parse cannot be optimised away.
if (typeof plan !== 'object') process.exitCode = 3;
