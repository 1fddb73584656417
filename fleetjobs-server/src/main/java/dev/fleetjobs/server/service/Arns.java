package dev.fleetjobs.server.service;

import dev.fleetjobs.core.rules.JobTargets;
import dev.fleetjobs.core.validation.Constraints;
import dev.fleetjobs.core.validation.Validator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Builds this server's ARNs and reads resource names out of ARNs. Any region and account are
 * accepted in ARNs given to us, since operators write them by hand; the name must be valid for
 * its resource type.
 */
public final class Arns {

    private static final Pattern IOT_ARN = Pattern.compile("arn:aws[a-z-]*:iot:[a-z0-9-]*:[0-9]*:([a-z]+)/(.+)");
    private static final Pattern CERTIFICATE_ARN = Pattern.compile("arn:aws[a-z-]*:iot:[a-z0-9-]*:[0-9]*:cert/(.+)");

    private final String prefix;

    public Arns(String region, String accountId) {
        this.prefix = "arn:aws:iot:" + region + ":" + accountId + ":";
    }

    public String thing(String thingName) {
        return prefix + "thing/" + thingName;
    }

    public String thingGroup(String groupName) {
        return prefix + "thinggroup/" + groupName;
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

    public String jobTemplate(String jobTemplateId) {
        return prefix + "jobtemplate/" + jobTemplateId;
    }

    /** This server's ARN of a resource. */
    public String of(ResourceArn resource) {
        return prefix + resource.type().segment() + "/" + resource.name();
    }

    /** The resource an ARN names, of any of the types this server has. */
    public ResourceArn resource(String field, String arn) {
        Validator.required(field, arn);
        Matcher matcher = IOT_ARN.matcher(arn);
        if (matcher.matches()) {
            for (ResourceArn.Type type : ResourceArn.Type.values()) {
                if (type.segment().equals(matcher.group(1))) {
                    return new ResourceArn(type, validName(field, type, matcher.group(2)));
                }
            }
        }
        throw Validator.invalid(field, arn, "Member must be the ARN of a thing, thing group, job or job template"
                + " (arn:aws:iot:<region>:<account>:<thing|thinggroup|job|jobtemplate>/<name>)");
    }

    /** The name of a resource of one type that an ARN names. */
    public String nameOf(String field, String arn, ResourceArn.Type type) {
        ResourceArn resource = resource(field, arn);
        if (resource.type() != type) {
            throw Validator.invalid(field, arn, "Member must be a " + type.segment() + " ARN (arn:aws:iot:<region>:<account>:"
                    + type.segment() + "/<name>)");
        }
        return resource.name();
    }

    /** A job target: a thing or a thing group. */
    public ResourceArn target(String field, String arn) {
        ResourceArn resource = resource(field, arn);
        if (resource.type() != ResourceArn.Type.THING && resource.type() != ResourceArn.Type.THING_GROUP) {
            throw Validator.invalid(field, arn, "Member must be a thing or thing group ARN");
        }
        return resource;
    }

    /**
     * The things and groups a list of target ARNs names, each once.
     *
     * @param field  the list's member name; an item is reported as {@code field.N.member}
     */
    public JobTargets targets(String field, List<String> targetArns) {
        Set<String> things = new LinkedHashSet<>();
        Set<String> groups = new LinkedHashSet<>();
        for (int i = 0; i < targetArns.size(); i++) {
            String itemField = field + "." + (i + 1) + ".member";
            String arn = Validator.required(itemField, targetArns.get(i));
            Validator.length(itemField, arn, 1, Constraints.TARGET_ARN_MAX);
            ResourceArn target = target(itemField, arn);
            (target.type() == ResourceArn.Type.THING ? things : groups).add(target.name());
        }
        return new JobTargets(things, groups);
    }

    private static String validName(String field, ResourceArn.Type type, String name) {
        return switch (type) {
            case THING, THING_GROUP -> Validator.name(field, name, Constraints.THING_NAME, Constraints.THING_NAME_MAX);
            case JOB, JOB_TEMPLATE -> Validator.name(field, name, Constraints.JOB_ID, Constraints.JOB_ID_MAX);
        };
    }
}
