// "generate": prints a fresh post-quantum identity and its recipient, one per line.
// "recipient IDENTITY": prints the recipient of the identity.
import * as age from "age-encryption";

const [command, identity] = process.argv.slice(2);
if (command === "generate") {
  const id = await age.generateHybridIdentity();
  console.log(id);
  console.log(await age.identityToRecipient(id));
} else if (command === "recipient") {
  console.log(await age.identityToRecipient(identity));
} else {
  console.error("usage: keys.mjs generate | recipient IDENTITY");
  process.exit(2);
}
