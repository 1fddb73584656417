package dev.fleetjobs.server.service;

import dev.fleetjobs.core.validation.Constraints;
import dev.fleetjobs.core.validation.Validator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Builds this server's ARNs and reads thing names out of target ARNs. */
public final class Arns {

    private static final Pattern THING_ARN = Pattern.compile("arn:aws[a-z-]*:iot:[a-z0-9-]*:[0-9]*:thing/(.+)");
    private static final Pattern CERTIFICATE_ARN = Pattern.compile("arn:aws[a-z-]*:iot:[a-z0-9-]*:[0-9]*:cert/(.+)");
    private static final Pattern THING_GROUP_ARN = Pattern.compile("arn:aws[a-z-]*:iot:[a-z0-9-]*:[0-9]*:thinggroup/(.+)");

    private final String prefix;

    public Arns(String region, String accountId) {
        this.prefix = "arn:aws:iot:" + region + ":" + accountId + ":";
    }

    public String thing(String thingName) {
        return prefix + "thing/" + thingName;
    }

    public String job(String jobId) {
        return prefix + "job/" + jobId;
    }

    public String certificate(String certificateId) {
        return prefix + "cert/" + certificateId;
    }

    public String caCertificate(String certificateId) {
        return prefix + "cacert/" + certificateId;
    }

    /** The certificate id a principal names; only certificate ARNs are principals here (no Cognito identities). */
    public String certificateIdOfPrincipal(String field, String principal) {
        Validator.required(field, principal);
        Matcher certificate = CERTIFICATE_ARN.matcher(principal);
        if (!certificate.matches()) {
            throw Validator.invalid(field, principal, "Member must be a certificate ARN (arn:aws:iot:<region>:<account>:cert/<id>)");
        }
        return Validator.certificateId(field, certificate.group(1));
    }

    /**
     * The thing name a target ARN names. Any region and account are accepted, since operators
     * write ARNs by hand; the name must be a valid thing name.
     */
    public String thingNameOfTarget(String field, String arn) {
        Matcher thing = THING_ARN.matcher(arn);
        if (thing.matches()) {
            return Validator.name(field, thing.group(1), Constraints.THING_NAME, Constraints.THING_NAME_MAX);
        }
        if (THING_GROUP_ARN.matcher(arn).matches()) {
            throw Validator.invalid(field, arn, "Thing group targets are not supported by this Fleetjobs version yet; target things by their ARNs");
        }
        throw Validator.invalid(field, arn, "Member must be a thing ARN (arn:aws:iot:<region>:<account>:thing/<name>)");
    }
}
