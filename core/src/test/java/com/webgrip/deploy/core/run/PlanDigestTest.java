package com.webgrip.deploy.core.run;

import static org.assertj.core.api.Assertions.assertThat;

import com.webgrip.deploy.core.plan.ValuesLayer;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PlanDigestTest {

    private static ValuesLayer plain(Map<String, Object> values) {
        return new ValuesLayer.Plain(ValuesLayer.Kind.ENVIRONMENT_FILE, "ops/values/production.yaml", values);
    }

    @Test
    void theSameValuesInAnotherKeyOrderGiveTheSameDigest() {
        Map<String, Object> ab = new LinkedHashMap<>();
        ab.put("a", 1);
        ab.put("b", Map.of("c", "x"));
        Map<String, Object> ba = new LinkedHashMap<>();
        ba.put("b", Map.of("c", "x"));
        ba.put("a", 1);

        assertThat(PlanDigest.ofLayers(List.of(plain(ab)))).isEqualTo(PlanDigest.ofLayers(List.of(plain(ba))));
    }

    @Test
    void aChangedValueOrSourceChangesTheDigest() {
        String digest = PlanDigest.ofLayers(List.of(plain(Map.of("replicas", 2))));

        assertThat(PlanDigest.ofLayers(List.of(plain(Map.of("replicas", 3))))).isNotEqualTo(digest);
        assertThat(PlanDigest.ofLayers(List.of(new ValuesLayer.Plain(
                        ValuesLayer.Kind.ENVIRONMENT, "ops/values/other.yaml", Map.of("replicas", 2)))))
                .isNotEqualTo(digest);
    }
}
