package com.webgrip.deploy.helm.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.webgrip.deploy.helm.HelmInputException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class GoYamlTest {

    @Test
    void aSyntaxErrorNamesTheSourceAndLine() {
        assertThatThrownBy(() -> GoYaml.readMap("a: 1\nb: [1, 2\nc: 3\n", "values-prod.yaml"))
                .isInstanceOfSatisfying(HelmInputException.class, e -> {
                    assertThat(e.source()).isEqualTo("values-prod.yaml");
                    assertThat(e.line()).isGreaterThanOrEqualTo(3);
                    assertThat(e.getMessage()).startsWith("values-prod.yaml:");
                });
    }

    @Test
    void aTopLevelListIsRefusedAsHelmRefusesIt() {
        assertThatThrownBy(() -> GoYaml.readMap("- a\n- b\n", "v.yaml"))
                .isInstanceOf(HelmInputException.class)
                .hasMessageContaining("expected a YAML mapping");
    }

    @Test
    void anEmptyOrNullDocumentIsAnEmptyMap() throws HelmInputException {
        assertThat(GoYaml.readMap("", "v.yaml")).isEmpty();
        assertThat(GoYaml.readMap("# only a comment\n", "v.yaml")).isEmpty();
        assertThat(GoYaml.readMap("~\n", "v.yaml")).isEmpty();
    }

    @Test
    void onlyTheFirstDocumentCounts() throws HelmInputException {
        assertThat(GoYaml.readMap("a: 1\n---\nb: 2\n", "v.yaml")).isEqualTo(Map.of("a", 1L));
    }

    @Test
    void anAliasBombStopsWithATypedError() {
        StringBuilder yaml = new StringBuilder("a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n");
        for (int i = 1; i <= 9; i++) {
            yaml.append("a").append(i).append(": &a").append(i).append(" [");
            for (int j = 0; j < 10; j++) {
                yaml.append(j == 0 ? "" : ", ").append("*a").append(i - 1);
            }
            yaml.append("]\n");
        }
        assertThatThrownBy(() -> GoYaml.readMap(yaml.toString(), "bomb.yaml"))
                .isInstanceOf(HelmInputException.class)
                .hasMessageContaining("expands beyond");
    }

    @Test
    void nonStringKeysBecomeStringsAsSigsK8sYamlDoes() throws HelmInputException {
        Map<String, Object> map = GoYaml.readMap("1: a\ntrue: b\nyes: c\n1.5: d\n1e6: e\n", "v.yaml");
        assertThat(map).containsKeys("1", "true", "1.5", "1e+06");
        assertThat(map.get("true")).isEqualTo("c");
    }

    @Test
    void explicitTagsAreHonouredOrRefused() throws HelmInputException {
        assertThat(GoYaml.readMap("a: !!str 1\nb: !!int \"7\"\nc: !!float 2\n", "v.yaml"))
                .isEqualTo(Map.of("a", "1", "b", 7L, "c", 2L));
        assertThatThrownBy(() -> GoYaml.readMap("a: !!int abc\n", "v.yaml")).isInstanceOf(HelmInputException.class);
    }

    @Test
    void mergeKeysLetExplicitKeysWinAndTheFirstListedMapWin() throws HelmInputException {
        Map<String, Object> map =
                GoYaml.readMap("x: &x {a: 1, b: 1}\ny: &y {b: 2, c: 2}\nz:\n  <<: [*x, *y]\n  c: 3\n", "v.yaml");
        assertThat(map.get("z")).isEqualTo(Map.of("a", 1L, "b", 1L, "c", 3L));
    }

    @Test
    void infinityIsRefusedBecauseHelmGoesThroughJson() {
        assertThatThrownBy(() -> GoYaml.readMap("a: .inf\n", "v.yaml"))
                .isInstanceOf(HelmInputException.class)
                .hasMessageContaining("JSON");
        assertThat(List.of(GoYaml.resolvePlain("1e400"), GoYaml.resolvePlain("08"), GoYaml.resolvePlain("-0b11")))
                .containsExactly("1e400", 8.0, -3L);
    }
}
