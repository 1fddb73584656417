package dev.fleetjobs.server.auth;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Key derivation matches AWS's published example, and the cache never answers for another secret or day. */
class SigningKeysTest {

    // "Derive a signing key" in AWS's SigV4 documentation
    private static final String SECRET = "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY";
    private static final CredentialScope SCOPE = new CredentialScope("AKIDEXAMPLE", "20120215", "us-east-1", "iam", "aws4_request");

    @Test
    void theDerivedKeyIsAwsExampleKeyAndStaysItWhenCached() {
        SigningKeys keys = new SigningKeys();
        String expected = "f4780e2d9f65fa895f9c67b32ce1baf0b0d8a43505a000a1a9e090d414db404d";

        assertThat(SigningKeys.hex(keys.signingKey(SECRET, SCOPE))).isEqualTo(expected);
        assertThat(SigningKeys.hex(keys.signingKey(SECRET, SCOPE))).isEqualTo(expected);
    }

    @Test
    void aRotatedSecretOrAnotherDayGetsAKeyOfItsOwn() {
        SigningKeys keys = new SigningKeys();
        byte[] first = keys.signingKey(SECRET, SCOPE);
        byte[] rotated = keys.signingKey(SECRET + "2", SCOPE);
        byte[] nextDay = keys.signingKey(SECRET, new CredentialScope("AKIDEXAMPLE", "20120216", "us-east-1", "iam", "aws4_request"));

        assertThat(rotated).isNotEqualTo(first).isEqualTo(new SigningKeys().signingKey(SECRET + "2", SCOPE));
        assertThat(nextDay).isNotEqualTo(first);
        assertThat(keys.signingKey(SECRET, SCOPE)).isEqualTo(first);
    }

    @Test
    void theEmptyBodyHashIsSha256OfNothing() {
        assertThat(SigningKeys.sha256Hex(new byte[0])).isEqualTo(SigningKeys.sha256Hex(new byte[0]))
                .isEqualTo("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
        assertThat(SigningKeys.sha256Hex("abc".getBytes(java.nio.charset.StandardCharsets.US_ASCII)))
                .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    }
}
