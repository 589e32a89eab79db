// Decrypts one SOPS file with npm's sops-age in a loop; prints "meanMs coldMs".
// Usage: node sops-age-loop.mjs <node_modules> <file> <keyfile> <warmup> <runs>
import { pathToFileURL } from "node:url";
import { join } from "node:path";
import { readFileSync } from "node:fs";

const [nodeModules, file, keyFile, warmup, runs] = process.argv.slice(2);
const { decryptSops } = await import(pathToFileURL(join(nodeModules, "sops-age", "dist", "index.js")).href);
const secretKey = readFileSync(keyFile, "utf8").trim();
const content = readFileSync(file, "utf8");
const once = () => decryptSops(content, { fileType: "yaml", secretKey });
let t = performance.now();
await once();
const cold = performance.now() - t;
for (let i = 0; i < Number(warmup); i++) await once();
t = performance.now();
for (let i = 0; i < Number(runs); i++) await once();
const mean = (performance.now() - t) / Number(runs);
console.log(`${mean.toFixed(3)} ${cold.toFixed(3)}`);
