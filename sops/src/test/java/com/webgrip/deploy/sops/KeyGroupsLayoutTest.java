package com.webgrip.deploy.sops;

import static org.assertj.core.api.Assertions.assertThat;

import com.webgrip.deploy.sops.store.Format;
import com.webgrip.deploy.sops.store.StoreOptions;
import com.webgrip.deploy.sops.store.Stores;
import com.webgrip.deploy.sops.tree.Node;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Known answers for the metadata layout sops 3.13.2 writes, derived from its Go source
 * (getsops/sops 15e36f9, {@code stores/stores.go} and {@code stores/metadata.go}; go-viper/mapstructure
 * v2.5.0 {@code decodeMapFromStruct}):
 *
 * <ul>
 *   <li>{@code metadataFromInternal} writes a single group's keys at the top level and fills
 *       {@code key_groups} only for two or more groups;
 *   <li>the struct becomes a map through mapstructure: a field tagged {@code omitempty} is left
 *       out when empty; in the {@code keygroup} struct the {@code hc_vault} and {@code age} tags
 *       are {@code "hc_vault,deep"} and {@code "age,deep"}, without {@code omitempty}, so every
 *       group carries {@code age} and {@code hc_vault}, as empty lists when the group has no such
 *       key ({@code goToSops} turns the nil slice into an empty list); {@code pgp}, {@code kms},
 *       {@code gcp_kms}, {@code hckms} and {@code azure_kv} appear only when non-empty;
 *   <li>{@code goToSops} sorts the keys of every map, so groups and key entries list their
 *       fields alphabetically;
 *   <li>inside an entry every field without {@code omitempty} is written even when empty (a KMS
 *       key's {@code aws_profile}), while {@code role} and {@code context} are left out when empty.
 * </ul>
 */
class KeyGroupsLayoutTest {
    private static final OffsetDateTime MODIFIED = OffsetDateTime.parse("2026-01-02T03:04:05Z");

    private static MasterKey key(String type, String... fieldsAndValues) {
        Map<String, Object> fields = new LinkedHashMap<>();
        for (int i = 0; i < fieldsAndValues.length; i += 2) {
            fields.put(fieldsAndValues[i], fieldsAndValues[i + 1]);
        }
        return new MasterKey(type, fields);
    }

    private static final MasterKey KMS = key(
            "kms",
            "arn",
            "arn:aws:kms:eu-west-1:1:key/k",
            "created_at",
            "2026-01-01T00:00:00Z",
            "enc",
            "E1",
            "role",
            "",
            "aws_profile",
            "");
    private static final MasterKey PGP = key(
            "pgp", "fp", "FBC7B9E2A4F9289AC0C1D4843D16CEE4A27381B4", "created_at", "2026-01-01T00:00:00Z", "enc", "E2");
    private static final MasterKey AGE = key("age", "recipient", "age1example", "enc", "E3");

    private static Metadata metadata(List<KeyGroup> groups, int threshold) {
        return new Metadata(groups, threshold, MODIFIED, "ENC[mac]", EncryptionRule.DEFAULT, false, "3.13.2");
    }

    private static Node.Entry e(String key, Node value) {
        return new Node.Entry(key, value);
    }

    private static Node.Str s(String value) {
        return new Node.Str(value);
    }

    private static Node.Mapping m(Node.MapItem... items) {
        return new Node.Mapping(List.of(items));
    }

    private static Node.Sequence list(Node... items) {
        return new Node.Sequence(List.of(items));
    }

    @Test
    void writesEveryGroupWithAgeAndHcVaultAndOnlyTheOtherTypesItHas() {
        Metadata metadata = metadata(List.of(new KeyGroup(List.of(KMS, PGP)), new KeyGroup(List.of(AGE))), 2);

        Node.Mapping written = MetadataCodec.write(metadata);

        Node.Mapping firstGroup = m(
                e("age", list()),
                e("hc_vault", list()),
                e(
                        "kms",
                        list(m(
                                e("arn", s("arn:aws:kms:eu-west-1:1:key/k")),
                                e("aws_profile", s("")),
                                e("created_at", s("2026-01-01T00:00:00Z")),
                                e("enc", s("E1"))))),
                e(
                        "pgp",
                        list(m(
                                e("created_at", s("2026-01-01T00:00:00Z")),
                                e("enc", s("E2")),
                                e("fp", s("FBC7B9E2A4F9289AC0C1D4843D16CEE4A27381B4"))))));
        Node.Mapping secondGroup =
                m(e("age", list(m(e("enc", s("E3")), e("recipient", s("age1example"))))), e("hc_vault", list()));
        assertThat(written)
                .isEqualTo(m(
                        e("key_groups", list(firstGroup, secondGroup)),
                        e("lastmodified", s("2026-01-02T03:04:05Z")),
                        e("mac", s("ENC[mac]")),
                        e("shamir_threshold", new Node.Int(2)),
                        e("unencrypted_suffix", s("_unencrypted")),
                        e("version", s("3.13.2"))));
    }

    @Test
    void writesASingleGroupAtTheTopWithoutEmptyLists() {
        Node.Mapping written = MetadataCodec.write(metadata(List.of(new KeyGroup(List.of(PGP, AGE))), 0));

        assertThat(written.entries().stream().map(Node.Entry::key))
                .containsExactly("age", "lastmodified", "mac", "pgp", "unencrypted_suffix", "version");
    }

    @Test
    void rendersKeyGroupsInYamlAsSopsDoes() throws SopsException {
        Metadata metadata = metadata(List.of(new KeyGroup(List.of(PGP)), new KeyGroup(List.of(AGE))), 0);
        Node.Mapping document = m(e("sops", MetadataCodec.write(metadata)));

        String yaml = new String(
                Stores.forFormat(Format.YAML, StoreOptions.defaults()).emitPlain(List.of(document)),
                StandardCharsets.UTF_8);

        assertThat(yaml).isEqualTo("""
                        sops:
                            key_groups:
                                - age: []
                                  hc_vault: []
                                  pgp:
                                    - created_at: "2026-01-01T00:00:00Z"
                                      enc: E2
                                      fp: FBC7B9E2A4F9289AC0C1D4843D16CEE4A27381B4
                                - age:
                                    - enc: E3
                                      recipient: age1example
                                  hc_vault: []
                            lastmodified: "2026-01-02T03:04:05Z"
                            mac: ENC[mac]
                            unencrypted_suffix: _unencrypted
                            version: 3.13.2
                        """);
    }
}
