package com.webgrip.deploy.sops;

import com.webgrip.deploy.age.Age;
import com.webgrip.deploy.age.AgeDecryptor;
import com.webgrip.deploy.age.AgeException;
import com.webgrip.deploy.age.AgeKeyException;
import com.webgrip.deploy.age.AgeKeys;
import com.webgrip.deploy.age.AgePublicKey;
import com.webgrip.deploy.age.Identity;
import com.webgrip.deploy.age.NoIdentityMatchedException;
import com.webgrip.deploy.age.Recipient;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * sops's {@code age} master keys through the age package's public API: {@code enc} is an
 * ASCII-armored age file whose payload is the data key (or a Shamir share), {@code recipient}
 * the recipient text. Recipients are parsed by age's single entry point, so every recipient type
 * it knows works here (X25519, and the SSH, post-quantum, tag and plugin types where age has them).
 */
final class AgeKeyProvider implements MasterKeyProvider {

    @Override
    public String type() {
        return "age";
    }

    @Override
    public MasterKey wrap(String recipient, byte[] dataKey, Credentials credentials) throws SopsException {
        Recipient parsed;
        try {
            parsed = AgeKeys.parseRecipient(recipient, credentials.random());
        } catch (AgeKeyException e) {
            throw new SopsKeyException("age recipient \"" + recipient + "\" is not usable: " + e.getMessage(), e);
        }
        byte[] armored;
        try {
            armored = Age.encryptor()
                    .recipient(parsed)
                    .armor(true)
                    .random(credentials.random())
                    .build()
                    .encrypt(dataKey);
        } catch (IOException e) {
            throw new SopsKeyException(
                    "could not encrypt the data key to age recipient " + recipient + ": " + e.getMessage(), e);
        }
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("recipient", recipient);
        fields.put("enc", new String(armored, StandardCharsets.US_ASCII));
        return new MasterKey("age", fields);
    }

    @Override
    public Optional<byte[]> unwrap(MasterKey key, Credentials credentials) throws SopsException {
        List<Identity> identities = credentials.ageIdentities();
        if (identities.isEmpty()) {
            return Optional.empty();
        }
        try {
            AgeDecryptor decryptor = Age.decryptor()
                    .identities(identities)
                    .armor(AgeDecryptor.Armor.DETECT)
                    .build();
            return Optional.of(decryptor.decrypt(key.encryptedKey().getBytes(StandardCharsets.US_ASCII)));
        } catch (NoIdentityMatchedException e) {
            return Optional.empty();
        } catch (AgeException e) {
            throw new SopsKeyException(
                    "age key " + key.publicPart() + ": the wrapped data key is unreadable: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new SopsKeyException("age key " + key.publicPart() + ": " + e.getMessage(), e);
        }
    }

    @Override
    public List<String> describeCredentials(Credentials credentials) {
        List<String> names = new ArrayList<>();
        for (String name : credentials.ageIdentityNames()) {
            names.add(name.startsWith("age") ? name : "age:" + name);
        }
        return names;
    }

    /** How an identity is named in messages: its type and, when it has one, its public key. */
    static String describe(Identity identity) {
        try {
            AgePublicKey publicKey = AgeKeys.publicKeyOf(identity);
            return "age:" + identity.typeName() + ":" + publicKey.encoded();
        } catch (AgeKeyException e) {
            return "age:" + identity.typeName();
        }
    }
}
