package dev.fleetjobs.server.service;

/** A resource named by an ARN: its type and its name (a thing name, group name, job id or template id). */
public record ResourceArn(Type type, String name) {

    public enum Type {
        THING("thing"),
        THING_GROUP("thinggroup"),
        JOB("job"),
        JOB_TEMPLATE("jobtemplate");

        private final String segment;

        Type(String segment) {
            this.segment = segment;
        }

        /** How the type is spelled in an ARN's resource part. */
        public String segment() {
            return segment;
        }
    }
}
