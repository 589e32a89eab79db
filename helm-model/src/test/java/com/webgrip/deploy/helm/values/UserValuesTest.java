package com.webgrip.deploy.helm.values;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.webgrip.deploy.helm.HelmInputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Helm's strvals syntax and typing (cases follow helm/helm pkg/strvals/parser_test.go at v3.21.0). */
class UserValuesTest {

    private static Values yaml(String text) throws HelmInputException {
        return Values.parse(text, "expected");
    }

    @ParameterizedTest(name = "--set {0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "name1=value1|{name1: value1}",
                "name1=value1,name2=value2,|{name1: value1, name2: value2}",
                "name1=,name2=value2|{name1: '', name2: value2}",
                "leading_zeros=00009|{leading_zeros: '00009'}",
                "zero_int=0|{zero_int: 0}",
                "long_int=1234567890|{long_int: 1234567890}",
                "negative=-7|{negative: -7}",
                "float=1.5|{float: '1.5'}",
                "boolean=TRUE,off=false|{boolean: true, 'off': false}",
                "is_null=null|{is_null: null}",
                "outer.inner=value|{outer: {inner: value}}",
                "outer.middle.inner=value,outer.other=x|{outer: {middle: {inner: value}, other: x}}",
                "list[0]=foo|{list: [foo]}",
                "list[2]=foo|{list: [null, null, foo]}",
                "list[0].a=1,list[0].b=2|{list: [{a: 1, b: 2}]}",
                "nested[0][1]=x|{nested: [[null, x]]}",
                "name={a, b,c}|{name: [a, ' b', c]}",
                "name={a,b},other=1|{name: [a, b], other: 1}",
                "a\\.b=c|{'a.b': c}",
                "a=b\\,c|{a: 'b,c'}",
                "list[0]|{list: []}",
                "a.|{}"
            })
    void parsesAndTypesAsHelmDoes(String expression, String expected) throws HelmInputException {
        assertThat(UserValues.builder().set(expression).build()).isEqualTo(yaml(expected));
    }

    @Test
    void setStringKeepsEveryValueAString() throws HelmInputException {
        assertThat(UserValues.builder().setString("a=true,b=0,c=null,d={1,2}").build())
                .isEqualTo(yaml("{a: 'true', b: '0', c: 'null', d: ['1', '2']}"));
    }

    @Test
    void setJsonReadsJsonValuesAndAnEmptyValueAsNull() throws HelmInputException {
        // As in Helm, the space after a comma belongs to the next key.
        Values v = UserValues.builder()
                .setJson("a={\"b\":[1,2.5,\"x\"]}, c=true,d=,e[1]={\"f\":null}")
                .build();
        assertThat(v.asMap())
                .isEqualTo(yaml("{a: {b: [1, 2.5, x]}, ' c': true, d: null, e: [null, {f: null}]}")
                        .asMap());
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "name1=value1,,,,name2=value2,",
                "name1,name2=",
                "name1,name2=value2",
                "name1",
                "a=1,a.b=2",
                "a.b=1,a[0]=2",
                "list[-1]=x",
                "list[65537]=x",
                "list[x]=1",
                "name={a,b",
                "list[0]x=1"
            })
    void rejectsWhatHelmRejects(String expression) {
        assertThatThrownBy(() -> UserValues.builder().set(expression).build())
                .isInstanceOf(InvalidSetExpressionException.class)
                .hasMessageStartingWith("--set: ");
    }

    @Test
    void rejectsKeysNestedDeeperThanHelmAllows() {
        String ok = "k.".repeat(30) + "v=1";
        assertThat(UserValues.builder().set(ok).build().isEmpty()).isFalse();
        assertThatThrownBy(() -> UserValues.builder().set("k.".repeat(31) + "v=1"))
                .isInstanceOf(InvalidSetExpressionException.class);
    }

    @Test
    void errorsNameKeysButNeverTheValue() {
        assertThatThrownBy(() -> UserValues.builder()
                        .set("password=hunter2,password.x=1")
                        .build())
                .isInstanceOf(InvalidSetExpressionException.class)
                .hasMessageContaining("password")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("hunter2"));
        assertThatThrownBy(
                        () -> UserValues.builder().setJson("token={\"s3cr3t\"").build())
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("s3cr3t"));
    }

    @Test
    void layersApplyInHelmsOrderFilesThenJsonThenSetThenSetString() throws HelmInputException {
        Values v = UserValues.builder()
                .setString("a=string")
                .set("a=7,b=set")
                .setJson("a=[1],b=\"json\",c=\"json\"")
                .valuesFile(yaml("{a: file1, d: {x: 1, y: 2}, e: [1, 2]}"))
                .valuesFile(yaml("{d: {y: null, z: 3}, e: [3]}"))
                .build();
        assertThat(v).isEqualTo(yaml("{a: string, b: set, c: json, d: {x: 1, y: null, z: 3}, e: [3]}"));
    }

    @Test
    void coalesceOverDeletesDefaultsTheOverrideNulls() throws HelmInputException {
        Values defaults = yaml("{a: {b: 1, c: 2}, d: 4, list: [1, 2]}");
        Values overrides = yaml("{a: {b: null}, list: [3], new: x}");
        assertThat(overrides.coalesceOver(defaults)).isEqualTo(yaml("{a: {c: 2}, d: 4, list: [3], new: x}"));
    }

    @Test
    void toStringShowsNoValue() throws HelmInputException {
        assertThat(yaml("{password: hunter2}").toString()).doesNotContain("hunter2");
    }

    @Test
    void yamlAndJsonOutputReadBackToTheSameTree() throws HelmInputException {
        Values v = yaml("{a: [1, 'yes', '0x1F', null, 1.5, {b: 'true'}], c: '007', d: ''}");
        assertThat(Values.parse(v.toYaml(), "out.yaml").asMap()).as(v.toYaml()).isEqualTo(v.asMap());
        assertThat(Values.parse(v.toJson(), "out.json").asMap()).isEqualTo(v.asMap());
    }
}
