package dev.fleetjobs.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fleetjobs.core.error.InvalidRequestException;
import dev.fleetjobs.core.model.Thing;
import dev.fleetjobs.core.model.ThingGroup;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import org.junit.jupiter.api.Test;

/** The contract of the store for things' attributes and updates, thing groups and membership. */
public abstract class ThingGroupStoreContractTest extends StoreContractSupport {

    // things

    @Test
    void updateThingReplacesAttributesAndRefusesAVersionThatDoesNotFollow() {
        Thing v1 = new Thing("lamp", "id", Map.of("room", "hall"), 1, 5L);
        write((StoreTransaction tx) -> {
            tx.insertThing(v1);
            return null;
        });
        Thing v2 = v1.withAttributes(Map.of("room", "kitchen", "watts", "60"));
        write((StoreTransaction tx) -> {
            tx.updateThing(v2);
            return null;
        });
        assertThat(read((StoreReader r) -> r.findThing("lamp"))).contains(v2);
        assertThat(writeFailure((StoreTransaction tx) -> {
            tx.updateThing(v1.withAttributes(Map.of()));
            return null;
        })).isInstanceOf(StoreConflictException.class);
        assertThat(names(read((StoreReader r) -> r.things(new ThingQuery("room", "kitchen", false), null, 10)))).containsExactly("lamp");
        assertThat(names(read((StoreReader r) -> r.things(new ThingQuery("room", "hall", false), null, 10)))).isEmpty();
    }

    @Test
    void thingsFilterByAttributeNameExactValueAndValuePrefixAndPage() {
        write((StoreTransaction tx) -> {
            tx.insertThing(new Thing("a", "1", Map.of("fw", "2.0.1", "site", "x"), 1, 0));
            tx.insertThing(new Thing("b", "2", Map.of("fw", "2.0"), 1, 0));
            tx.insertThing(new Thing("c", "3", Map.of("fw", "2.1"), 1, 0));
            tx.insertThing(new Thing("d", "4", Map.of("fw", "3.0"), 1, 0));
            tx.insertThing(new Thing("e", "5", Map.of(), 1, 0));
            return null;
        });
        assertThat(names(read((StoreReader r) -> r.things(new ThingQuery("fw", "2.0", false), null, 10)))).containsExactly("b");
        assertThat(names(read((StoreReader r) -> r.things(new ThingQuery("fw", "2.0", true), null, 10)))).containsExactly("a", "b");
        assertThat(names(read((StoreReader r) -> r.things(new ThingQuery("fw", "2", true), null, 10)))).containsExactly("a", "b", "c");
        assertThat(names(read((StoreReader r) -> r.things(new ThingQuery("fw", null, false), null, 10)))).containsExactly("a", "b", "c", "d");
        assertThat(names(read((StoreReader r) -> r.things(new ThingQuery("fw", "", true), null, 10)))).containsExactly("a", "b", "c", "d");
        assertThat(names(read((StoreReader r) -> r.things(new ThingQuery("site", "x", false), null, 10)))).containsExactly("a");

        Page<Thing> first = read((StoreReader r) -> r.things(new ThingQuery("fw", "2", true), null, 2));
        assertThat(names(first)).containsExactly("a", "b");
        assertThat(names(read((StoreReader r) -> r.things(new ThingQuery("fw", "2", true), first.nextCursor(), 2)))).containsExactly("c");

        write((StoreTransaction tx) -> tx.deleteThing("a"));
        assertThat(names(read((StoreReader r) -> r.things(new ThingQuery("site", "x", false), null, 10)))).isEmpty();
    }

    // groups

    @Test
    void groupsRoundTripWithTheirLineageAndUpdatesCheckTheVersion() {
        ThingGroup root = group("europe");
        ThingGroup child = new ThingGroup("france", "id-france", List.of("europe"), "French sites", Map.of("lang", "fr"), 1, 7L);
        ThingGroup grandchild = group("paris", "europe", "france");
        insertGroups(root, child, grandchild);

        assertThat(read((StoreReader r) -> r.findThingGroup("paris"))).contains(grandchild);
        assertThat(read((StoreReader r) -> r.findThingGroup("france"))).contains(child);
        assertThat(read((StoreReader r) -> r.findThingGroup("nowhere"))).isEmpty();
        assertThat(read((StoreReader r) -> r.childGroupCount("europe"))).isEqualTo(1);
        assertThat(read((StoreReader r) -> r.childGroupCount("paris"))).isZero();

        ThingGroup updated = child.updated(null, Map.of("lang", "fr", "tz", "CET"));
        write((StoreTransaction tx) -> {
            tx.updateThingGroup(updated);
            return null;
        });
        assertThat(read((StoreReader r) -> r.findThingGroup("france"))).contains(updated);
        assertThat(writeFailure((StoreTransaction tx) -> {
            tx.updateThingGroup(child.updated("stale", Map.of()));
            return null;
        })).isInstanceOf(StoreConflictException.class);
        assertThat(writeFailure((StoreTransaction tx) -> {
            tx.insertThingGroup(group("france"));
            return null;
        })).isInstanceOf(StoreConflictException.class);
    }

    @Test
    void groupListingsFollowParentRecursionAndPrefixAndPage() {
        insertGroups(group("eu"), group("eu-fr", "eu"), group("eu-fr-paris", "eu", "eu-fr"), group("eu-de", "eu"), group("us"),
                group("us-ny", "us"));

        assertThat(groupNames(new ThingGroupQuery(null, true, null))).containsExactly("eu", "eu-de", "eu-fr", "eu-fr-paris", "us", "us-ny");
        assertThat(groupNames(new ThingGroupQuery(null, false, null))).containsExactly("eu", "us");
        assertThat(groupNames(new ThingGroupQuery("eu", false, null))).containsExactly("eu-de", "eu-fr");
        assertThat(groupNames(new ThingGroupQuery("eu", true, null))).containsExactly("eu-de", "eu-fr", "eu-fr-paris");
        assertThat(groupNames(new ThingGroupQuery("eu", true, "eu-fr"))).containsExactly("eu-fr", "eu-fr-paris");
        assertThat(groupNames(new ThingGroupQuery(null, true, "us"))).containsExactly("us", "us-ny");

        List<String> paged = allPages((cursor, limit) -> read((StoreReader r) -> r.thingGroupNames(new ThingGroupQuery(null, true, null),
                cursor, limit)));
        assertThat(paged).containsExactly("eu", "eu-de", "eu-fr", "eu-fr-paris", "us", "us-ny");
    }

    @Test
    void membershipIsKeptOncePerGroupListedBothWaysAndGoesWithTheThingOrTheGroup() {
        insertGroups(group("eu"), group("eu-fr", "eu"), group("lab"));
        insertThings("t1", "t2");
        long before = read(StoreReader::lastMembershipSeq);
        assertThat(write((StoreTransaction tx) -> tx.addThingToGroup("eu-fr", "t1"))).isTrue();
        assertThat(write((StoreTransaction tx) -> tx.addThingToGroup("eu-fr", "t1"))).isFalse();
        assertThat(write((StoreTransaction tx) -> tx.addThingToGroup("lab", "t1"))).isTrue();
        assertThat(write((StoreTransaction tx) -> tx.addThingToGroup("lab", "t2"))).isTrue();
        assertThat(read(StoreReader::lastMembershipSeq)).isGreaterThan(before);

        List<ThingGroup> ofT1 = read((StoreReader r) -> r.groupsOfThing("t1"));
        assertThat(ofT1).extracting(ThingGroup::groupName).containsExactly("eu-fr", "lab");
        assertThat(ofT1.get(0).rootToParent()).containsExactly("eu");
        assertThat(read((StoreReader r) -> r.groupNamesOfThing("t1", null, 1)).items()).containsExactly("eu-fr");
        assertThat(allPages((cursor, limit) -> read((StoreReader r) -> r.groupNamesOfThing("t1", cursor, limit))))
                .containsExactly("eu-fr", "lab");
        assertThat(writeFailure((StoreTransaction tx) -> tx.addThingToGroup("lab", "ghost"))).isInstanceOf(StoreConflictException.class);

        assertThat(write((StoreTransaction tx) -> tx.removeThingFromGroup("eu-fr", "t1"))).isTrue();
        assertThat(write((StoreTransaction tx) -> tx.removeThingFromGroup("eu-fr", "t1"))).isFalse();
        write((StoreTransaction tx) -> tx.deleteThing("t2"));
        assertThat(members("lab", false, Long.MAX_VALUE)).containsExactly("t1");
        assertThat(write((StoreTransaction tx) -> tx.deleteThingGroup("lab"))).isTrue();
        assertThat(write((StoreTransaction tx) -> tx.deleteThingGroup("lab"))).isFalse();
        assertThat(read((StoreReader r) -> r.groupsOfThing("t1"))).isEmpty();
        assertThat(read((StoreReader r) -> r.thingGroupNames(new ThingGroupQuery("eu", true, null), null, 10)).items())
                .containsExactly("eu-fr");
    }

    @Test
    void aMemberWalkVisitsEveryThingOfTheSubtreeOnceAcrossPagesAndGroups() {
        insertGroups(group("root"), group("a", "root"), group("b", "root"), group("a1", "root", "a"), group("empty", "root"));
        List<String> expected = new ArrayList<>();
        write((StoreTransaction tx) -> {
            String[] groups = {"root", "a", "b", "a1"};
            for (int i = 0; i < 23; i++) {
                String thing = String.format("t%02d", i);
                tx.insertThing(thing(thing));
                tx.addThingToGroup(groups[i % groups.length], thing);
                expected.add(thing);
            }
            return null;
        });
        long cut = read(StoreReader::lastMembershipSeq);
        write((StoreTransaction tx) -> {
            tx.insertThing(thing("late"));
            tx.addThingToGroup("a1", "late");
            return null;
        });

        for (int pageSize : new int[] {1, 4, 250}) {
            List<String> walked = allPages((cursor, limit) -> read((StoreReader r) -> r.thingsInGroup("root", true, cut, cursor, limit)),
                    pageSize);
            assertThat(walked).as("page size " + pageSize).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(expected);
        }
        assertThat(members("root", true, Long.MAX_VALUE)).contains("late").hasSize(24);
        assertThat(members("a", true, Long.MAX_VALUE)).containsExactlyInAnyOrder("t01", "t05", "t09", "t13", "t17", "t21",
                "t03", "t07", "t11", "t15", "t19", "late");
        assertThat(members("a", false, Long.MAX_VALUE)).containsExactly("t01", "t05", "t09", "t13", "t17", "t21");
        assertThat(members("empty", true, Long.MAX_VALUE)).isEmpty();
        assertThat(members("nowhere", true, Long.MAX_VALUE)).isEmpty();
    }

    @Test
    void aMemberWalkCursorBelongsToItsListing() {
        insertGroups(group("g"), group("h"));
        insertThings("x", "y");
        write((StoreTransaction tx) -> {
            tx.addThingToGroup("g", "x");
            tx.addThingToGroup("g", "y");
            return null;
        });
        String cursor = read((StoreReader r) -> r.thingsInGroup("g", false, Long.MAX_VALUE, null, 1)).nextCursor();
        assertThat(cursor).isNotNull();
        assertThat(readFailure((StoreReader r) -> r.thingsInGroup("h", false, Long.MAX_VALUE, cursor, 1)))
                .isInstanceOf(InvalidRequestException.class);
        assertThat(readFailure((StoreReader r) -> r.thingGroupNames(new ThingGroupQuery(null, true, null), cursor, 1)))
                .isInstanceOf(InvalidRequestException.class);
    }

    // helpers

    protected static ThingGroup group(String name, String... rootToParent) {
        return new ThingGroup(name, "id-" + name, List.of(rootToParent), null, Map.of(), 1, 1_000L);
    }

    protected void insertGroups(ThingGroup... groups) {
        write((StoreTransaction tx) -> {
            for (ThingGroup g : groups) {
                tx.insertThingGroup(g);
            }
            return null;
        });
    }

    protected void insertThings(String... names) {
        write((StoreTransaction tx) -> {
            for (String name : names) {
                tx.insertThing(thing(name));
            }
            return null;
        });
    }

    private List<String> members(String group, boolean recursive, long joinedUpTo) {
        return allPages((cursor, limit) -> read((StoreReader r) -> r.thingsInGroup(group, recursive, joinedUpTo, cursor, limit)));
    }

    private List<String> groupNames(ThingGroupQuery query) {
        return read((StoreReader r) -> r.thingGroupNames(query, null, 250)).items();
    }

    private static List<String> names(Page<Thing> page) {
        return page.items().stream().map(Thing::thingName).toList();
    }

    private static List<String> allPages(BiFunction<String, Integer, Page<String>> fetch) {
        return allPages(fetch, 2);
    }

    private static List<String> allPages(BiFunction<String, Integer, Page<String>> fetch, int pageSize) {
        List<String> all = new ArrayList<>();
        String cursor = null;
        do {
            Page<String> page = fetch.apply(cursor, pageSize);
            assertThat(page.items()).hasSizeLessThanOrEqualTo(pageSize);
            all.addAll(page.items());
            cursor = page.nextCursor();
        } while (cursor != null);
        return all;
    }
}
