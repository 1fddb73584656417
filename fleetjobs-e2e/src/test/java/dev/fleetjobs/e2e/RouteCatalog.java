package dev.fleetjobs.e2e;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.function.Function;

/**
 * Every route the server has, each with a sample call (for refusals and fuzzing: it need not
 * succeed) and a call its rightful principal makes successfully, preparing what it needs first.
 */
final class RouteCatalog {

    static final String PRINCIPAL = "x-amzn-principal";

    /** One route. */
    record Route(String operation, Function<SecurityFixture, ApiCall> sample, Function<SecurityFixture, ApiCall> success) {

        boolean dataPlane(SecurityFixture fixture) {
            return sample.apply(fixture).dataPlane();
        }

        @Override
        public String toString() {
            return operation;
        }
    }

    private RouteCatalog() {
    }

    static List<Route> all() {
        return List.of(
                // the data plane
                same("GetPendingJobExecutions", f -> ApiCall.data("GetPendingJobExecutions", "GET", "/things/pump-1/jobs", null)),
                same("DescribeJobExecution", f -> ApiCall.data("DescribeJobExecution", "GET", "/things/pump-1/jobs/job-1?includeJobDocument=true", null)),
                same("StartNextPendingJobExecution", f -> ApiCall.data("StartNextPendingJobExecution", "PUT", "/things/pump-1/jobs/$next", "{\"statusDetails\":{\"step\":\"1\"}}")),
                same("UpdateJobExecution", f -> ApiCall.data("UpdateJobExecution", "POST", "/things/pump-1/jobs/job-1", "{\"status\":\"IN_PROGRESS\"}")),
                // things, jobs and executions
                same("CreateThing", f -> ApiCall.control("CreateThing", "POST", "/things/pump-9", "{}")),
                same("DescribeThing", f -> ApiCall.control("DescribeThing", "GET", "/things/pump-1", null)),
                same("ListThings", f -> ApiCall.control("ListThings", "GET", "/things?maxResults=10", null)),
                same("DeleteThing", f -> ApiCall.control("DeleteThing", "DELETE", "/things/pump-gone", null)),
                route("CreateJob", f -> createJob("job-sample"), f -> createJob("job-new-" + f.next())),
                same("DescribeJob", f -> ApiCall.control("DescribeJob", "GET", "/jobs/job-1", null)),
                same("GetJobDocument", f -> ApiCall.control("GetJobDocument", "GET", "/jobs/job-1/job-document", null)),
                route("CancelJob", f -> ApiCall.control("CancelJob", "PUT", "/jobs/job-1/cancel", "{\"comment\":\"stop\"}"),
                        f -> ApiCall.control("CancelJob", "PUT", "/jobs/" + jobOnPump2(f) + "/cancel", "{\"comment\":\"stop\"}")),
                same("ListJobExecutionsForJob", f -> ApiCall.control("ListJobExecutionsForJob", "GET", "/jobs/job-1/things", null)),
                same("ListJobExecutionsForThing", f -> ApiCall.control("ListJobExecutionsForThing", "GET", "/things/pump-1/jobs?maxResults=5", null)),
                same("DescribeJobExecution", f -> ApiCall.control("DescribeJobExecution", "GET", "/things/pump-1/jobs/job-1", null)),
                route("CancelJobExecution", f -> ApiCall.control("CancelJobExecution", "PUT", "/things/pump-2/jobs/job-1/cancel", "{}"),
                        f -> ApiCall.control("CancelJobExecution", "PUT", "/things/pump-2/jobs/" + jobOnPump2(f) + "/cancel", "{}")),
                route("DeleteJobExecution", f -> ApiCall.control("DeleteJobExecution", "DELETE", "/things/pump-2/jobs/job-1/executionNumber/1", null),
                        f -> ApiCall.control("DeleteJobExecution", "DELETE", "/things/pump-2/jobs/" + canceledJobOnPump2(f) + "/executionNumber/1", null)),
                // certificates
                same("CreateKeysAndCertificate", f -> ApiCall.control("CreateKeysAndCertificate", "POST", "/keys-and-certificate?setAsActive=false", null)),
                route("RegisterCertificate", f -> register("RegisterCertificate", "/certificate/register", "x"),
                        f -> register("RegisterCertificate", "/certificate/register", f.freshCertificatePem(true))),
                route("RegisterCertificateWithoutCA", f -> register("RegisterCertificateWithoutCA", "/certificate/register-no-ca", "x"),
                        f -> register("RegisterCertificateWithoutCA", "/certificate/register-no-ca", f.freshCertificatePem(false))),
                same("DescribeCertificate", f -> ApiCall.control("DescribeCertificate", "GET", "/certificates/" + f.pump1Certificate.certificateId(), null)),
                same("UpdateCertificate", f -> ApiCall.control("UpdateCertificate", "PUT", "/certificates/" + f.pump1Certificate.certificateId() + "?newStatus=ACTIVE", null)),
                route("DeleteCertificate", f -> ApiCall.control("DeleteCertificate", "DELETE", "/certificates/" + f.revokedCertificate.certificateId(), null),
                        f -> ApiCall.control("DeleteCertificate", "DELETE", "/certificates/" + inactiveCertificate(f), null)),
                same("ListCertificates", f -> ApiCall.control("ListCertificates", "GET", "/certificates?pageSize=5&isAscendingOrder=true", null)),
                same("ListCertificatesByCA", f -> ApiCall.control("ListCertificatesByCA", "GET", "/certificates-by-ca/" + f.caCertificateId
                        + "?pageSize=5&isAscendingOrder=true", null)),
                same("AttachThingPrincipal", f -> ApiCall.control("AttachThingPrincipal", "PUT", "/things/pump-1/principals", null)
                        .withHeader(PRINCIPAL, f.pump1Certificate.arn())),
                same("DetachThingPrincipal", f -> ApiCall.control("DetachThingPrincipal", "DELETE", "/things/pump-2/principals", null)
                        .withHeader(PRINCIPAL, f.revokedCertificate.arn())),
                same("ListThingPrincipals", f -> ApiCall.control("ListThingPrincipals", "GET", "/things/pump-1/principals?maxResults=5", null)),
                same("ListPrincipalThings", f -> ApiCall.control("ListPrincipalThings", "GET", "/principals/things", null)
                        .withHeader(PRINCIPAL, f.pump1Certificate.arn())),
                same("GetRegistrationCode", f -> ApiCall.control("GetRegistrationCode", "GET", "/registrationcode", null)),
                route("RegisterCACertificate", f -> ApiCall.control("RegisterCACertificate", "POST", "/cacertificate", "{\"caCertificate\":\"x\"}"),
                        f -> ApiCall.control("RegisterCACertificate", "POST", "/cacertificate?setAsActive=true",
                                "{\"caCertificate\":" + quote(f.freshCaPem()) + ",\"certificateMode\":\"SNI_ONLY\"}")),
                same("DescribeCACertificate", f -> ApiCall.control("DescribeCACertificate", "GET", "/cacertificate/" + f.caCertificateId, null)),
                same("UpdateCACertificate", f -> ApiCall.control("UpdateCACertificate", "PUT", "/cacertificate/" + f.caCertificateId + "?newStatus=ACTIVE", null)),
                same("ListCACertificates", f -> ApiCall.control("ListCACertificates", "GET", "/cacertificates", null)),
                // The sample names the fixture's CA, which stays ACTIVE and so is never deleted.
                route("DeleteCACertificate", f -> ApiCall.control("DeleteCACertificate", "DELETE", "/cacertificate/" + f.caCertificateId, null),
                        f -> ApiCall.control("DeleteCACertificate", "DELETE", "/cacertificate/" + inactiveCa(f), null)),
                // thing groups and things
                same("CreateThingGroup", f -> ApiCall.control("CreateThingGroup", "POST", "/thing-groups/line-" + f.next(), "{}")),
                route("DescribeThingGroup", f -> ApiCall.control("DescribeThingGroup", "GET", "/thing-groups/line-0", null),
                        f -> ApiCall.control("DescribeThingGroup", "GET", "/thing-groups/" + group(f), null)),
                route("UpdateThingGroup", f -> ApiCall.control("UpdateThingGroup", "PATCH", "/thing-groups/line-0", GROUP_UPDATE),
                        f -> ApiCall.control("UpdateThingGroup", "PATCH", "/thing-groups/" + group(f), GROUP_UPDATE)),
                route("DeleteThingGroup", f -> ApiCall.control("DeleteThingGroup", "DELETE", "/thing-groups/line-0", null),
                        f -> ApiCall.control("DeleteThingGroup", "DELETE", "/thing-groups/" + group(f), null)),
                same("ListThingGroups", f -> ApiCall.control("ListThingGroups", "GET", "/thing-groups?maxResults=5", null)),
                same("ListThingGroupsForThing", f -> ApiCall.control("ListThingGroupsForThing", "GET", "/things/pump-1/thing-groups", null)),
                route("AddThingToThingGroup", f -> membership("AddThingToThingGroup", "/thing-groups/addThingToThingGroup", "line-0", "pump-1"),
                        f -> membership("AddThingToThingGroup", "/thing-groups/addThingToThingGroup", group(f), "pump-1")),
                route("RemoveThingFromThingGroup",
                        f -> membership("RemoveThingFromThingGroup", "/thing-groups/removeThingFromThingGroup", "line-0", "pump-1"),
                        f -> membership("RemoveThingFromThingGroup", "/thing-groups/removeThingFromThingGroup", groupWithPump1(f), "pump-1")),
                route("ListThingsInThingGroup", f -> ApiCall.control("ListThingsInThingGroup", "GET", "/thing-groups/line-0/things", null),
                        f -> ApiCall.control("ListThingsInThingGroup", "GET", "/thing-groups/" + groupWithPump1(f) + "/things?recursive=true", null)),
                same("UpdateThing", f -> ApiCall.control("UpdateThing", "PATCH", "/things/pump-1",
                        "{\"attributePayload\":{\"attributes\":{\"site\":\"north\"}}}")),
                // job lifecycle and listing
                same("ListJobs", f -> ApiCall.control("ListJobs", "GET", "/jobs?maxResults=5&status=IN_PROGRESS", null)),
                same("UpdateJob", f -> ApiCall.control("UpdateJob", "PATCH", "/jobs/job-1", "{\"description\":\"updated\"}")),
                route("DeleteJob", f -> ApiCall.control("DeleteJob", "DELETE", "/jobs/job-1", null),
                        f -> ApiCall.control("DeleteJob", "DELETE", "/jobs/" + jobOnPump2(f) + "?force=true", null)),
                route("AssociateTargetsWithJob", f -> ApiCall.control("AssociateTargetsWithJob", "POST", "/jobs/job-1/targets", "{\"targets\":[]}"),
                        RouteCatalog::associateTargets),
                // job templates
                same("CreateJobTemplate", f -> template("CreateJobTemplate", "PUT", "tpl-" + f.next())),
                route("DescribeJobTemplate", f -> ApiCall.control("DescribeJobTemplate", "GET", "/job-templates/tpl-0", null),
                        f -> ApiCall.control("DescribeJobTemplate", "GET", "/job-templates/" + jobTemplate(f), null)),
                same("ListJobTemplates", f -> ApiCall.control("ListJobTemplates", "GET", "/job-templates?maxResults=5", null)),
                route("DeleteJobTemplate", f -> ApiCall.control("DeleteJobTemplate", "DELETE", "/job-templates/tpl-0", null),
                        f -> ApiCall.control("DeleteJobTemplate", "DELETE", "/job-templates/" + jobTemplate(f), null)),
                // tags and endpoint discovery
                same("TagResource", f -> ApiCall.control("TagResource", "POST", "/tags",
                        "{\"resourceArn\":\"" + JOB_1_ARN + "\",\"tags\":[{\"Key\":\"team\",\"Value\":\"ops\"}]}")),
                same("UntagResource", f -> ApiCall.control("UntagResource", "POST", "/untag",
                        "{\"resourceArn\":\"" + JOB_1_ARN + "\",\"tagKeys\":[\"team\"]}")),
                same("ListTagsForResource", f -> ApiCall.control("ListTagsForResource", "GET",
                        "/tags?resourceArn=" + URLEncoder.encode(JOB_1_ARN, StandardCharsets.UTF_8), null)),
                same("DescribeEndpoint", f -> ApiCall.control("DescribeEndpoint", "GET", "/endpoint?endpointType=iot%3AJobs", null)),
                // Fleetjobs' own views, which the console reads too
                same("FleetOverview", f -> ApiCall.control("FleetOverview", "GET", "/_fleetjobs/overview?maxFailures=5", null)),
                same("JobsWithProgress", f -> ApiCall.control("JobsWithProgress", "GET", "/_fleetjobs/jobs?maxResults=5&jobIdPrefix=job", null)),
                same("JobTimeline", f -> ApiCall.control("JobTimeline", "GET", "/_fleetjobs/jobs/job-1/timeline?points=10", null)),
                // the development clock (the fixture's server runs with --dev); reading it moves nothing
                same("DevClock", f -> ApiCall.control("DevClock", "POST", "/_dev/clock", "{\"advanceSeconds\":0}")),
                // Fleetjobs' own safe rollouts
                same("DryRunJob", f -> createJob("job-sample").withPath("/_fleetjobs/jobs/job-sample/dry-run").withMethod("POST", "DryRunJob")),
                route("PauseJob", f -> ApiCall.control("PauseJob", "POST", "/_fleetjobs/jobs/job-1/pause", "{\"reason\":\"look\"}"),
                        f -> ApiCall.control("PauseJob", "POST", "/_fleetjobs/jobs/" + jobOnPump2(f) + "/pause", "{\"reason\":\"look\"}")),
                route("ResumeJob", f -> ApiCall.control("ResumeJob", "POST", "/_fleetjobs/jobs/job-1/resume", null),
                        f -> ApiCall.control("ResumeJob", "POST", "/_fleetjobs/jobs/" + pausedJobOnPump2(f) + "/resume", null)),
                route("RollbackJob", f -> ApiCall.control("RollbackJob", "POST", "/_fleetjobs/jobs/job-1/rollback", ROLLBACK),
                        f -> ApiCall.control("RollbackJob", "POST", "/_fleetjobs/jobs/" + jobOnPump2(f) + "/rollback", ROLLBACK)));
    }

    private static final String ROLLBACK = "{\"document\":\"{\\\"op\\\":\\\"undo\\\"}\",\"statuses\":[\"QUEUED\"]}";

    private static String pausedJobOnPump2(SecurityFixture f) {
        String jobId = jobOnPump2(f);
        HttpResponse<String> paused = f.signed(ApiCall.control("PauseJob", "POST", "/_fleetjobs/jobs/" + jobId + "/pause", null), f.admin,
                Clock.systemUTC());
        if (paused.statusCode() != 200) {
            throw new IllegalStateException("pause failed: " + paused.body());
        }
        return jobId;
    }

    private static final String JOB_1_ARN = "arn:aws:iot:us-east-1:000000000000:job/job-1";
    private static final String GROUP_UPDATE = "{\"thingGroupProperties\":{\"thingGroupDescription\":\"line\"}}";

    /** A fresh empty thing group (a top-level one, so that groups never nest past the limit). */
    private static String group(SecurityFixture f) {
        String name = "line-" + f.next();
        f.iot.createThingGroup(r -> r.thingGroupName(name));
        return name;
    }

    private static String groupWithPump1(SecurityFixture f) {
        String name = group(f);
        f.iot.addThingToThingGroup(r -> r.thingGroupName(name).thingName("pump-1"));
        return name;
    }

    private static ApiCall membership(String operation, String path, String groupName, String thingName) {
        return ApiCall.control(operation, "PUT", path, "{\"thingGroupName\":\"" + groupName + "\",\"thingName\":\"" + thingName + "\"}");
    }

    private static ApiCall associateTargets(SecurityFixture f) {
        String jobId = "continuous-" + f.next();
        String first = f.iot.describeThingGroup(r -> r.thingGroupName(group(f))).thingGroupArn();
        f.iot.createJob(r -> r.jobId(jobId).targets(first).document("{\"op\":\"x\"}").targetSelection("CONTINUOUS"));
        String second = f.iot.describeThingGroup(r -> r.thingGroupName(groupWithPump1(f))).thingGroupArn();
        return ApiCall.control("AssociateTargetsWithJob", "POST", "/jobs/" + jobId + "/targets", "{\"targets\":[\"" + second + "\"]}");
    }

    private static ApiCall template(String operation, String method, String templateId) {
        return ApiCall.control(operation, method, "/job-templates/" + templateId, "{\"description\":\"t\",\"document\":\"{}\"}");
    }

    private static String jobTemplate(SecurityFixture f) {
        String templateId = "tpl-" + f.next();
        f.iot.createJobTemplate(r -> r.jobTemplateId(templateId).description("t").document("{}"));
        return templateId;
    }

    private static Route same(String operation, Function<SecurityFixture, ApiCall> call) {
        return new Route(operation, call, call);
    }

    private static Route route(String operation, Function<SecurityFixture, ApiCall> sample, Function<SecurityFixture, ApiCall> success) {
        return new Route(operation, sample, success);
    }

    private static ApiCall createJob(String jobId) {
        return ApiCall.control("CreateJob", "PUT", "/jobs/" + jobId,
                "{\"targets\":[\"arn:aws:iot:us-east-1:000000000000:thing/pump-2\"],\"document\":\"{\\\"op\\\":\\\"x\\\"}\"}");
    }

    private static ApiCall register(String operation, String path, String pem) {
        return ApiCall.control(operation, "POST", path, "{\"certificatePem\":" + quote(pem) + ",\"status\":\"INACTIVE\"}");
    }

    private static String jobOnPump2(SecurityFixture f) {
        String jobId = "job-pump2-" + f.next();
        new Fleet(f.iot).job(jobId, "{\"op\":\"x\"}", "pump-2");
        return jobId;
    }

    private static String canceledJobOnPump2(SecurityFixture f) {
        String jobId = jobOnPump2(f);
        f.iot.cancelJobExecution(r -> r.thingName("pump-2").jobId(jobId));
        return jobId;
    }

    private static String inactiveCertificate(SecurityFixture f) {
        return f.iot.registerCertificate(r -> r.certificatePem(f.freshCertificatePem(true))).certificateId();
    }

    private static String inactiveCa(SecurityFixture f) {
        return f.iot.registerCACertificate(r -> r.caCertificate(f.freshCaPem()).certificateMode("SNI_ONLY")).certificateId();
    }

    static String quote(String text) {
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n") + "\"";
    }
}
