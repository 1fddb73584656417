package dev.fleetjobs.server.auth;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CanonicalRequestTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
        "/things/t1/jobs/$next,      /things/t1/jobs/%24next",
        "/things/t1/jobs/%24next,    /things/t1/jobs/%2524next",
        "/things/my%3Athing/jobs/j1, /things/my%253Athing/jobs/j1",
        "/things/a b,                /things/a%20b",
        "/a/./b/../c/,               /a/c/",
        "/a//b,                      /a/b",
        "/,                          /",
        "'',                         /",
    })
    void canonicalUriEncodesTheWirePathAgain(String rawPath, String canonical) {
        assertThat(CanonicalRequest.uri(rawPath)).isEqualTo(canonical);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
        "maxResults=10&nextToken=abc%2Fdef%3D             | maxResults=10&nextToken=abc%2Fdef%3D",
        "nextToken=abc%2fdef%3d&maxResults=10             | maxResults=10&nextToken=abc%2Fdef%3D",
        "includeJobDocument=false&executionNumber=2       | executionNumber=2&includeJobDocument=false",
        "b=2&a-b=1&a=2&a=1                                | a=1&a=2&a-b=1&b=2",
        "flag&x=                                          | flag=&x=",
        "q=a+b&r=$x                                       | q=a%2Bb&r=%24x",
        "''                                               | ''",
    })
    void canonicalQueryIsDecodedReencodedAndSorted(String rawQuery, String canonical) {
        assertThat(CanonicalRequest.query(rawQuery, false)).isEqualTo(canonical);
    }
}
