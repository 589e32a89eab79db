// Decrypts standard input (binary or ASCII armor) with npm's age-encryption (typage) and the
// identity given as the argument; the plaintext goes to standard output.
import * as age from "age-encryption";
import { readFileSync, writeSync } from "node:fs";

const d = new age.Decrypter();
d.addIdentity(process.argv[2]);
let input = new Uint8Array(readFileSync(0));
const text = new TextDecoder().decode(input.subarray(0, 64));
if (text.trimStart().startsWith("-----BEGIN AGE ENCRYPTED FILE-----")) {
  input = age.armor.decode(new TextDecoder().decode(input));
}
const out = await d.decrypt(input);
for (let off = 0; off < out.length; ) off += writeSync(1, out, off);
