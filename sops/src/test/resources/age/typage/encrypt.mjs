// Encrypts standard input with npm's age-encryption (typage) to the recipients given as
// arguments; "--armor" as the first argument writes ASCII armor. The age file goes to standard output.
import * as age from "age-encryption";
import { readFileSync, writeSync } from "node:fs";

const args = process.argv.slice(2);
const armored = args[0] === "--armor";
const recipients = armored ? args.slice(1) : args;
const e = new age.Encrypter();
for (const r of recipients) e.addRecipient(r);
const out = await e.encrypt(new Uint8Array(readFileSync(0)));
const bytes = armored ? new TextEncoder().encode(age.armor.encode(out)) : out;
for (let off = 0; off < bytes.length; ) off += writeSync(1, bytes, off);
