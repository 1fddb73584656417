package dev.fleetjobs.server.http;

import dev.fleetjobs.core.model.Tag;
import dev.fleetjobs.core.validation.Validator;
import java.util.ArrayList;
import java.util.List;

/** Tags on the wire: a list of {@code {"Key": ..., "Value": ...}}, the members spelled with capitals. */
final class WireTags {

    private WireTags() {
    }

    /** The tags of a request member, or null when it is absent. */
    static List<Tag> read(JsonInput body, String member) {
        List<JsonInput> items = body.objectList(member);
        if (items == null) {
            return null;
        }
        List<Tag> tags = new ArrayList<>(items.size());
        for (int i = 0; i < items.size(); i++) {
            JsonInput item = items.get(i);
            String key = Validator.required(member + "." + (i + 1) + ".member.Key", item.string("Key"));
            tags.add(new Tag(key, item.string("Value")));
        }
        return tags;
    }

    static List<dev.fleetjobs.protocol.controlplane.Tag> write(List<Tag> tags) {
        return tags.stream().map(t -> new dev.fleetjobs.protocol.controlplane.Tag(t.key(), t.value())).toList();
    }
}
