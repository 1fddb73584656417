package dev.fleetjobs.cli.dev;

/** An AWS access key, as the AWS CLI reads it from {@code AWS_ACCESS_KEY_ID}, {@code AWS_SECRET_ACCESS_KEY}, {@code AWS_SESSION_TOKEN}. */
record Credentials(String accessKeyId, String secretAccessKey, String sessionToken) {

    @Override
    public String toString() {
        return "Credentials[accessKeyId=" + accessKeyId + ", secretAccessKey=<hidden>]";
    }
}
