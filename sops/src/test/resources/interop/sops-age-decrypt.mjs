// Decrypts a SOPS file with npm's sops-age and prints the result as JSON.
// Usage: node sops-age-decrypt.mjs <node_modules dir> <file>   (the age key in env AGE_SECRET_KEY)
import { pathToFileURL } from "node:url";
import { join } from "node:path";

const [nodeModules, file] = process.argv.slice(2);
const { decryptSops } = await import(pathToFileURL(join(nodeModules, "sops-age", "dist", "index.js")).href);
const result = await decryptSops({ path: file, secretKey: process.env.AGE_SECRET_KEY });
process.stdout.write(JSON.stringify(result));
