package com.webgrip.deploy.sops;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One master key entry of a file's metadata: the data key (or a Shamir share of it) wrapped for
 * one recipient. The fields are those sops stores for the type ({@code recipient} and {@code enc}
 * for age; {@code fp}, {@code created_at} and {@code enc} for PGP; {@code arn}, … for KMS), so that
 * entries of types this library cannot open still round-trip unchanged.
 *
 * @param type the metadata list the entry belongs to: {@code age}, {@code pgp}, {@code kms},
 *     {@code gcp_kms}, {@code azure_kv}, {@code hc_vault}, {@code hckms}, or an SPI type
 * @param fields the entry's fields; values are strings, or maps of strings (KMS context)
 */
public record MasterKey(String type, Map<String, Object> fields) {
    public MasterKey {
        Objects.requireNonNull(type, "type");
        fields = Collections.unmodifiableMap(new LinkedHashMap<>(fields));
    }

    /** The wrapped data key ({@code enc}); not a secret in clear, but opaque. */
    public String encryptedKey() {
        Object enc = fields.get("enc");
        return enc == null ? "" : enc.toString();
    }

    /** The public part that names the key: an age recipient, a PGP fingerprint, a KMS ARN, … */
    public String publicPart() {
        String field = switch (type) {
            case "age" -> "recipient";
            case "pgp" -> "fp";
            case "kms" -> "arn";
            case "gcp_kms" -> "resource_id";
            case "azure_kv" -> "vault_url";
            case "hc_vault" -> "vault_address";
            case "hckms" -> "key_id";
            default -> "id";
        };
        Object value = fields.get(field);
        if (value == null) {
            return "?";
        }
        if (type.equals("azure_kv")) {
            return value + "/keys/" + fields.getOrDefault("name", "") + "/" + fields.getOrDefault("version", "");
        }
        if (type.equals("hc_vault")) {
            return value + "/v1/" + fields.getOrDefault("engine_path", "") + "/keys/"
                    + fields.getOrDefault("key_name", "");
        }
        return value.toString();
    }

    /** A copy with another wrapped data key. */
    public MasterKey withEncryptedKey(String enc) {
        Map<String, Object> copy = new LinkedHashMap<>(fields);
        copy.put("enc", enc);
        return new MasterKey(type, copy);
    }

    /** {@code type:public-part}, for messages. */
    @Override
    public String toString() {
        return type + ":" + publicPart();
    }
}
