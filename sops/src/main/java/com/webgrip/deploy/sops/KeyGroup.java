package com.webgrip.deploy.sops;

import java.util.List;

/**
 * A group of master keys. With one group every key wraps the whole data key; with several, the
 * data key is split by Shamir's scheme and every key of group {@code i} wraps share {@code i}.
 *
 * @param keys the keys, in the order sops lists them (kms, gcp_kms, hckms, azure_kv, hc_vault,
 *     pgp, age, then SPI types)
 */
public record KeyGroup(List<MasterKey> keys) {
    public KeyGroup {
        keys = List.copyOf(keys);
    }
}
