package dev.fleetjobs.server.http;

import dev.fleetjobs.core.error.JobsServiceException;
import dev.fleetjobs.core.model.JobRunConfig;
import dev.fleetjobs.core.model.Tag;
import dev.fleetjobs.core.model.TargetSelection;
import dev.fleetjobs.core.validation.Problems;
import dev.fleetjobs.server.service.CreateJobCommand;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Reads a CreateJob body, member by member, for CreateJob itself (which refuses the first member
 * it cannot read) and for its dry run (which reports every one). A member that cannot be read is
 * left out of the command and named in {@link Read#unreadable()}, so it is not refused twice.
 */
final class CreateJobInput {

    /** Greengrass namespaces and packages are not there at all yet. */
    static final List<String> MEMBERS_NOT_YET_SUPPORTED = List.of("namespaceId", "destinationPackageVersions");

    /** The command, with what could not be read. */
    record Read(CreateJobCommand command, List<JobsServiceException> problems, Set<String> unreadable) {
    }

    private final JsonInput body;
    private final Problems problems = new Problems();
    private final Set<String> unreadable = new HashSet<>();

    private CreateJobInput(JsonInput body) {
        this.body = body;
    }

    /** The command; the first member that cannot be read is refused. */
    static CreateJobCommand command(String jobId, JsonInput body) {
        Read read = read(jobId, body);
        if (!read.problems().isEmpty()) {
            throw read.problems().get(0);
        }
        return read.command();
    }

    /** Everything that could be read, in the order CreateJob reads it. */
    static Read read(String jobId, JsonInput body) {
        return new CreateJobInput(body).readAll(jobId);
    }

    private Read readAll(String jobId) {
        problems.check(() -> JobRoutes.refuseDocumentSource(body));
        problems.check(() -> body.refuseUnsupported(MEMBERS_NOT_YET_SUPPORTED,
                "Pass the document inline in 'document'; Greengrass settings are not supported."));
        TargetSelection selection = member("targetSelection",
                () -> Enums.parse(TargetSelection.class, "targetSelection", body.string("targetSelection")));
        List<String> targets = member("targets", () -> body.stringList("targets"));
        String document = member("document", () -> body.string("document"));
        String description = member("description", () -> body.string("description"));
        Long timeout = member("timeoutConfig", () -> body.object("timeoutConfig").longValue("inProgressTimeoutInMinutes"));
        JobRunConfig runConfig = JobConfigInput.parse(body, problems);
        String templateArn = member("jobTemplateArn", () -> body.string("jobTemplateArn"));
        Map<String, String> parameters = member("documentParameters", () -> body.stringMap("documentParameters"));
        List<Tag> tags = member("tags", () -> WireTags.read(body, "tags"));
        return new Read(new CreateJobCommand(jobId, targets, document, description, selection, timeout, runConfig, templateArn, parameters,
                tags), problems.all(), Set.copyOf(unreadable));
    }

    private <T> T member(String name, Supplier<T> read) {
        int before = problems.size();
        T value = problems.check(read);
        if (problems.size() > before) {
            unreadable.add(name);
        }
        return value;
    }
}
