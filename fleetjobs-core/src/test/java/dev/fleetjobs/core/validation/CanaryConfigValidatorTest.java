package dev.fleetjobs.core.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fleetjobs.core.error.InvalidRequestException;
import dev.fleetjobs.core.model.CanaryConfig;
import dev.fleetjobs.core.model.CanaryStage;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

class CanaryConfigValidatorTest {

    private static void refused(CanaryStage stage, String field, String constraint) {
        assertThatThrownBy(() -> CanaryConfigValidator.validate(new CanaryConfig(List.of(stage))))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining("at 'fleetjobs.canaryConfig.stages.1.member" + field + "'").hasMessageContaining(constraint);
    }

    @Test
    void aValidConfigurationPasses() {
        CanaryConfig config = new CanaryConfig(List.of(new CanaryStage(5, null, 3, 80.0, null), new CanaryStage(null, 12.5, null, 99.99, null)));
        assertThat(CanaryConfigValidator.validate(config)).isSameAs(config);
    }

    @Test
    void eachStageNamesACountOrAPercentageAndAThreshold() {
        refused(new CanaryStage(null, null, null, 80.0, null), "", "exactly one of thingCount and thingPercentage");
        refused(new CanaryStage(5, 10.0, null, 80.0, null), "", "exactly one of thingCount and thingPercentage");
        refused(new CanaryStage(0, null, null, 80.0, null), ".thingCount", "greater than or equal to 1");
        refused(new CanaryStage(10_001, null, null, 80.0, null), ".thingCount", "less than or equal to 10000");
        refused(new CanaryStage(null, 0.0, null, 80.0, null), ".thingPercentage", "greater than or equal to 0.01");
        refused(new CanaryStage(null, 100.5, null, 80.0, null), ".thingPercentage", "less than or equal to 100");
        refused(new CanaryStage(5, null, 6, 80.0, null), ".minFinishedThings", "less than or equal to 5");
        refused(new CanaryStage(5, null, null, null, null), ".minSuccessPercentage", "must not be null");
        refused(new CanaryStage(5, null, null, 80.125, null), ".minSuccessPercentage", "at most 2 digits");
    }

    @Test
    void oneToTenStages() {
        assertThatThrownBy(() -> CanaryConfigValidator.validate(new CanaryConfig(List.of())))
                .hasMessageContaining("'fleetjobs.canaryConfig.stages'").hasMessageContaining("greater than or equal to 1");
        assertThatThrownBy(() -> CanaryConfigValidator.validate(new CanaryConfig(Collections.nCopies(11, new CanaryStage(1, null, null, 50.0, null)))))
                .hasMessageContaining("less than or equal to 10");
    }

    @Test
    void problemsKeepEveryRefusalAndThrowTheFirst() {
        Problems problems = new Problems();
        problems.check(() -> Validator.jobId("jobId", "bad id"));
        assertThat(problems.check(() -> "fine")).isEqualTo("fine");
        problems.check(() -> Validator.range("n", 0, 1, 2));
        assertThat(problems.all()).hasSize(2);
        assertThatThrownBy(problems::throwFirst).hasMessageContaining("'jobId'");
    }
}
