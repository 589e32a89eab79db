package com.webgrip.deploy.helm.values;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.webgrip.deploy.helm.HelmInputException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code --set-literal} (known answers of helm/helm pkg/strvals/literal_parser_test.go at v3.21.0) and
 * {@code --set-file} (the reader and Helm's order); {@code SetFileDifferentialTest} checks --set-file against Helm.
 */
class SetFileAndLiteralTest {
    @TempDir
    Path dir;

    private static Values yaml(String text) throws HelmInputException {
        return Values.parse(text, "expected");
    }

    @ParameterizedTest(name = "--set-literal {0}")
    @CsvSource(
            delimiter = '|',
            quoteCharacter = '"',
            value = {
                "name=|{name: ''}",
                "name=value|{name: value}",
                "long_int_string=1234567890|{long_int_string: '1234567890'}",
                "boolean=true|{boolean: 'true'}",
                "is_null=null|{is_null: 'null'}",
                "zero=0|{zero: '0'}",
                "name1=null,name2=value2|{name1: 'null,name2=value2'}",
                "name1=value,,,tail|{name1: 'value,,,tail'}",
                "leading_zeros=00009|{leading_zeros: '00009'}",
                "name=one two three|{name: one two three}",
                "outer.inner=value|{outer: {inner: value}}",
                "outer.middle.inner=value|{outer: {middle: {inner: value}}}",
                "name1.name2=|{name1: {name2: ''}}",
                "name1={value1,value2}|{name1: '{value1,value2}'}",
                "list[0]=foo|{list: [foo]}",
                "list[0].foo=bar|{list: [{foo: bar}]}",
                "list[3]=bar|{list: [null, null, null, bar]}",
                "noval[0]|{noval: []}",
                "noval[0]=|{noval: ['']}",
                "nested[0][0]=1|{nested: [['1']]}",
                "nested[1][1]=1|{nested: [null, [null, '1']]}",
                "name1.name2[1].foo=bar|{name1: {name2: [null, {foo: bar}]}}",
                "]={}].|{']': '{}].'}",
                "name=val.val|{name: val.val}",
                "name=val=val|{name: val=val}",
                "name=(value)|{name: (value)}",
                "name=val\\val|{name: 'val\\val'}",
                "name=val\\\\val|{name: 'val\\\\val'}",
                "name={val,.?*v\\0a!l)some|{name: '{val,.?*v\\0a!l)some'}",
                "a\\.b=c|{'a\\': {b: c}}"
            })
    void setsLiteralsAsHelmDoes(String expression, String expected) throws HelmInputException {
        assertThat(UserValues.builder().setLiteral(expression).build()).isEqualTo(yaml(expected));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "name",
                "name1.name2",
                "name1.=name2",
                "name1.,name2",
                "list[-30].hello=world",
                "illegal[0]name.foo=bar"
            })
    void rejectsTheLiteralsHelmRejects(String expression) {
        assertThatThrownBy(() -> UserValues.builder().setLiteral(expression))
                .isInstanceOf(InvalidSetExpressionException.class)
                .hasMessageStartingWith("--set-literal: ");
    }

    @Test
    void aLiteralMergesIntoWhatIsThereAndKeepsItsCommas() throws IOException {
        Values v = UserValues.builder()
                .valuesFile(yaml("outer: {inner1: overwrite, inner2: value2}\n"))
                .setLiteral("outer.inner1=value1,outer.inner3=value3,outer.inner4=4")
                .build();
        assertThat(v).isEqualTo(yaml("outer: {inner1: 'value1,outer.inner3=value3,outer.inner4=4', inner2: value2}\n"));
    }

    @Test
    void aLiteralCannotNestUnderAScalarSetEarlier() {
        UserValues.Builder builder = UserValues.builder().set("a=1").setLiteral("a.b=x");
        assertThatThrownBy(builder::build)
                .isInstanceOf(InvalidSetExpressionException.class)
                .hasMessageStartingWith("--set-literal: ")
                .hasMessageContaining("\"a\"");
    }

    private Path file(String name, String content) throws IOException {
        return Files.writeString(dir.resolve(name), content);
    }

    @Test
    void setFileMakesEachFileAStringWhateverItLooksLike() throws IOException {
        file("pem", "-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n");
        file("bool", "true");
        file("number", "123\n");
        file("empty", "");
        file("yaml", "a: {b: 1}\n");
        Values v = UserValues.builder()
                .setFile("tls.crt=pem,flag=bool,n=number,e=empty,y=yaml,none=", dir)
                .build();
        assertThat(v.asMap())
                .isEqualTo(Map.of(
                        "tls",
                        Map.of("crt", "-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n"),
                        "flag",
                        "true",
                        "n",
                        "123\n",
                        "e",
                        "",
                        "y",
                        "a: {b: 1}\n",
                        "none",
                        ""));
    }

    @Test
    void setFileReadsListsIndexesAndEscapedPaths() throws IOException {
        file("a", "A");
        file("b", "B");
        file("odd,name.txt", "odd");
        Values v = UserValues.builder()
                .setFile("both={a,b},list[1]=b,odd=odd\\,name.txt", dir)
                .build();
        assertThat(v.asMap().get("both")).isEqualTo(List.of("A", "B"));
        assertThat(v.asMap().get("list")).isEqualTo(Arrays.asList(null, "B"));
        assertThat(v.asMap().get("odd")).isEqualTo("odd");
    }

    @Test
    void flagsApplyInHelmsOrderFilesThenLiterals() throws IOException {
        file("f", "from file");
        UserValues.Builder builder = UserValues.builder()
                .setLiteral("a=literal")
                .setFile("a=f,b=f,c=f", dir)
                .setString("a=string,b=string")
                .set("a=1,b=2,c=3,d=4")
                .setJson("d=\"json\"");
        assertThat(builder.build()).isEqualTo(yaml("{a: literal, b: from file, c: from file, d: 4}"));
    }

    @Test
    void setFileResolvesRelativePathsAgainstTheBaseFolderAndReadsEachFileNow() throws IOException {
        Path sub = Files.createDirectories(dir.resolve("certs"));
        Files.writeString(sub.resolve("ca.pem"), "first");
        UserValues.Builder builder = UserValues.builder().setFile("ca=certs/ca.pem", dir);
        Files.writeString(sub.resolve("ca.pem"), "changed after setFile");
        assertThat(builder.build().get("ca")).contains("first");
        Path absolute = sub.resolve("ca.pem").toAbsolutePath();
        String escaped = absolute.toString().replace(".", "\\.");
        assertThat(UserValues.builder()
                        .setFile("ca=" + escaped, Path.of("/nowhere"))
                        .build()
                        .get("ca"))
                .contains("changed after setFile");
    }

    @Test
    void setFileNamesAMissingFileAndRefusesUrlsAndStandardInput() {
        assertThatThrownBy(() -> UserValues.builder().setFile("a=missing.pem", dir))
                .isInstanceOfSatisfying(HelmInputException.class, e -> {
                    assertThat(e.source()).isEqualTo("--set-file");
                    assertThat(e.problem()).contains("missing.pem");
                });
        for (String source : List.of("https://example.com/ca.pem", "oci://registry/x", " - ")) {
            assertThatThrownBy(() -> UserValues.builder().setFile("a=" + source.replace(".", "\\."), dir))
                    .as(source)
                    .isInstanceOf(HelmInputException.class)
                    .hasMessageContaining("--set-file");
        }
    }

    @Test
    void setFileSyntaxErrorsAreTheSetErrorsAndNeverShowContent() throws IOException {
        file("secret", "hunter2");
        assertThatThrownBy(() -> UserValues.builder().setFile("a", dir))
                .isInstanceOf(InvalidSetExpressionException.class)
                .hasMessage("--set-file: key \"a\" has no value");
        UserValues.Builder builder = UserValues.builder().set("a=1").setFile("a.b=secret", dir);
        assertThatThrownBy(builder::build)
                .isInstanceOf(InvalidSetExpressionException.class)
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("hunter2"));
    }
}
