package dev.fleetjobs.server.http;

import dev.fleetjobs.core.model.CanaryConfig;
import dev.fleetjobs.core.model.CanaryStage;
import dev.fleetjobs.core.model.GateAction;
import dev.fleetjobs.core.validation.Validator;
import java.util.List;
import java.util.Set;

/**
 * Reads Fleetjobs' own member of CreateJob, CreateJobTemplate and the rollback route:
 * {@code "fleetjobs": {"canaryConfig": {"stages": [...]}}}. AWS clients never send it. Being our
 * own, its members are checked by name: a misspelt one is refused rather than ignored. Ranges and
 * rules are the {@code CanaryConfigValidator}'s.
 */
final class CanaryConfigInput {

    static final String MEMBER = "fleetjobs";
    private static final Set<String> FLEETJOBS_MEMBERS = Set.of("canaryConfig");
    private static final Set<String> CONFIG_MEMBERS = Set.of("stages");
    private static final Set<String> STAGE_MEMBERS = Set.of("thingCount", "thingPercentage", "minFinishedThings", "minSuccessPercentage",
            "onFailure");

    private CanaryConfigInput() {
    }

    /** The canary configuration, or null when the body has none. */
    static CanaryConfig read(JsonInput body) {
        if (!body.has(MEMBER)) {
            return null;
        }
        JsonInput fleetjobs = body.object(MEMBER);
        fleetjobs.refuseUnknown(FLEETJOBS_MEMBERS);
        if (!fleetjobs.has("canaryConfig")) {
            return null;
        }
        JsonInput config = fleetjobs.object("canaryConfig");
        config.refuseUnknown(CONFIG_MEMBERS);
        List<JsonInput> stages = config.objectList("stages");
        if (stages == null) {
            throw Validator.invalid(config.qualifiedName("stages"), null, "Member must not be null");
        }
        return new CanaryConfig(stages.stream().map(CanaryConfigInput::stage).toList());
    }

    private static CanaryStage stage(JsonInput stage) {
        stage.refuseUnknown(STAGE_MEMBERS);
        return new CanaryStage(stage.intValue("thingCount"), stage.doubleValue("thingPercentage"), stage.intValue("minFinishedThings"),
                stage.doubleValue("minSuccessPercentage"),
                Enums.parse(GateAction.class, stage.qualifiedName("onFailure"), stage.string("onFailure")));
    }
}
