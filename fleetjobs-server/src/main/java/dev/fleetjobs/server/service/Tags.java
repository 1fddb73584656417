package dev.fleetjobs.server.service;

import dev.fleetjobs.core.model.Tag;
import dev.fleetjobs.core.validation.Constraints;
import dev.fleetjobs.core.validation.Validator;
import java.util.List;

/** The checks of tags given when a resource is created. */
final class Tags {

    private Tags() {
    }

    /** Valid tags, at most as many as a resource may carry; an empty list when none were given. */
    static List<Tag> validateForCreate(List<Tag> tags) {
        List<Tag> valid = Validator.tags("tags", tags);
        if (valid.size() > Constraints.TAGS_MAX) {
            throw Validator.invalid("tags", null, "Member must have at most " + Constraints.TAGS_MAX + " tags");
        }
        return valid;
    }
}
