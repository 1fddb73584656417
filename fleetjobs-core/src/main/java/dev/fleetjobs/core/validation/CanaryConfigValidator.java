package dev.fleetjobs.core.validation;

import dev.fleetjobs.core.model.CanaryConfig;
import dev.fleetjobs.core.model.CanaryStage;
import java.math.BigDecimal;
import java.util.List;

/**
 * Checks a {@code fleetjobs.canaryConfig}: one to {@value #MAX_STAGES} stages, each naming either
 * a thing count or a percentage of the job's things, and a success threshold. Messages name the
 * member as the wire does ({@code fleetjobs.canaryConfig.stages.1.member.thingCount}).
 */
public final class CanaryConfigValidator {

    public static final String FIELD = "fleetjobs.canaryConfig";
    public static final int MAX_STAGES = 10;
    /** The most things one stage may hold: canaries are few, and their statuses are counted on every finished execution. */
    public static final int MAX_STAGE_THINGS = 10_000;

    private CanaryConfigValidator() {
    }

    public static CanaryConfig validate(CanaryConfig config) {
        List<CanaryStage> stages = config.stages();
        if (stages.isEmpty()) {
            throw Validator.invalid(FIELD + ".stages", "[]", "Member must have length greater than or equal to 1");
        }
        if (stages.size() > MAX_STAGES) {
            throw Validator.invalid(FIELD + ".stages", null, "Member must have length less than or equal to " + MAX_STAGES);
        }
        for (int i = 0; i < stages.size(); i++) {
            stage(FIELD + ".stages." + (i + 1) + ".member", stages.get(i));
        }
        return config;
    }

    private static void stage(String field, CanaryStage stage) {
        if ((stage.thingCount() == null) == (stage.thingPercentage() == null)) {
            throw Validator.invalid(field, null, "Member must set exactly one of thingCount and thingPercentage");
        }
        if (stage.thingCount() != null) {
            Validator.range(field + ".thingCount", stage.thingCount(), 1, MAX_STAGE_THINGS);
        } else {
            decimal(field + ".thingPercentage", stage.thingPercentage(), 0.01, 100);
        }
        if (stage.minFinishedThings() != null) {
            long most = stage.thingCount() == null ? MAX_STAGE_THINGS : stage.thingCount();
            Validator.range(field + ".minFinishedThings", stage.minFinishedThings(), 1, most);
        }
        decimal(field + ".minSuccessPercentage", Validator.required(field + ".minSuccessPercentage", stage.minSuccessPercentage()), 0, 100);
    }

    private static void decimal(String field, double value, double min, double max) {
        String shown = Double.isFinite(value) ? BigDecimal.valueOf(value).toPlainString() : Double.toString(value);
        if (Double.isNaN(value) || value < min) {
            throw Validator.invalid(field, shown, "Member must have value greater than or equal to " + BigDecimal.valueOf(min).toPlainString());
        }
        if (value > max) {
            throw Validator.invalid(field, shown, "Member must have value less than or equal to " + BigDecimal.valueOf(max).toPlainString());
        }
        if (BigDecimal.valueOf(value).stripTrailingZeros().scale() > 2) {
            throw Validator.invalid(field, shown, "Member must have at most 2 digits after the decimal point");
        }
    }
}
