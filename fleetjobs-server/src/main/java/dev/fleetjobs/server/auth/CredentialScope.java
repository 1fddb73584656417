package dev.fleetjobs.server.auth;

/** The parts of a SigV4 credential, {@code AKID/yyyymmdd/region/service/aws4_request}. */
record CredentialScope(String accessKeyId, String date, String region, String service, String terminator) {

    static final String TERMINATOR = "aws4_request";

    static CredentialScope parse(String credential) {
        String[] parts = credential.split("/", -1);
        if (parts.length != 5) {
            throw new IncompleteSignatureException(
                    "Credential must have exactly 5 slash-delimited elements, e.g. keyid/date/region/service/term, got '"
                            + credential + "'");
        }
        return new CredentialScope(parts[0], parts[1], parts[2], parts[3], parts[4]);
    }

    /** The scope line of the string to sign (everything after the access key id). */
    String scope() {
        return date + "/" + region + "/" + service + "/" + terminator;
    }
}
