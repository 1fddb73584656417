package dev.fleetjobs.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.iot.model.AttributePayload;
import software.amazon.awssdk.services.iot.model.GroupNameAndArn;
import software.amazon.awssdk.services.iot.model.InvalidRequestException;
import software.amazon.awssdk.services.iot.model.IotException;
import software.amazon.awssdk.services.iot.model.ResourceAlreadyExistsException;
import software.amazon.awssdk.services.iot.model.ResourceNotFoundException;
import software.amazon.awssdk.services.iot.model.ThingAttribute;
import software.amazon.awssdk.services.iot.model.ThingGroupProperties;
import software.amazon.awssdk.services.iot.model.VersionConflictException;

/** Thing groups, membership and UpdateThing through the official {@code IotClient}, with the errors the model lists. */
class ThingGroupTest extends LiveServerTest {


    @Test
    void createDescribeUpdateAndDeleteAGroupInAHierarchy() {
        var created = iot.createThingGroup(r -> r.thingGroupName("sites").thingGroupProperties(properties("All sites", Map.of("owner", "ops"))));
        assertThat(created.thingGroupArn()).isEqualTo("arn:aws:iot:us-east-1:000000000000:thinggroup/sites");
        var again = iot.createThingGroup(r -> r.thingGroupName("sites").thingGroupProperties(properties("All sites", Map.of("owner", "ops"))));
        assertThat(again.thingGroupId()).isEqualTo(created.thingGroupId());
        assertThatThrownBy(() -> iot.createThingGroup(r -> r.thingGroupName("sites")))
                .isInstanceOf(ResourceAlreadyExistsException.class)
                .satisfies(e -> assertThat(((IotException) e).statusCode()).isEqualTo(409));
        iot.createThingGroup(r -> r.thingGroupName("north").parentGroupName("sites"));
        iot.createThingGroup(r -> r.thingGroupName("north-1").parentGroupName("north"));

        var described = iot.describeThingGroup(r -> r.thingGroupName("north-1"));
        assertThat(described.version()).isEqualTo(1L);
        assertThat(described.thingGroupMetadata().parentGroupName()).isEqualTo("north");
        assertThat(described.thingGroupMetadata().rootToParentThingGroups()).extracting(GroupNameAndArn::groupName)
                .containsExactly("sites", "north");
        assertThat(described.thingGroupMetadata().creationDate()).isNotNull();
        var root = iot.describeThingGroup(r -> r.thingGroupName("sites"));
        assertThat(root.thingGroupProperties().thingGroupDescription()).isEqualTo("All sites");
        assertThat(root.thingGroupProperties().attributePayload().attributes()).isEqualTo(Map.of("owner", "ops"));
        assertThat(root.thingGroupMetadata().parentGroupName()).isNull();

        long version = iot.updateThingGroup(r -> r.thingGroupName("sites").expectedVersion(1L).thingGroupProperties(p -> p
                .attributePayload(a -> a.attributes(Map.of("region", "eu")).merge(true)))).version();
        assertThat(version).isEqualTo(2L);
        assertThat(iot.describeThingGroup(r -> r.thingGroupName("sites")).thingGroupProperties().attributePayload().attributes())
                .isEqualTo(Map.of("owner", "ops", "region", "eu"));
        iot.updateThingGroup(r -> r.thingGroupName("sites").thingGroupProperties(p -> p.thingGroupDescription("Every site")
                .attributePayload(a -> a.attributes(Map.of("owner", "")).merge(true))));
        var updated = iot.describeThingGroup(r -> r.thingGroupName("sites"));
        assertThat(updated.thingGroupProperties().thingGroupDescription()).isEqualTo("Every site");
        assertThat(updated.thingGroupProperties().attributePayload().attributes()).isEqualTo(Map.of("region", "eu"));
        assertThat(updated.version()).isEqualTo(3L);
        assertThatThrownBy(() -> iot.updateThingGroup(r -> r.thingGroupName("sites").expectedVersion(1L)
                .thingGroupProperties(p -> p.thingGroupDescription("stale")))).isInstanceOf(VersionConflictException.class);
        assertThatThrownBy(() -> iot.updateThingGroup(r -> r.thingGroupName("nowhere").thingGroupProperties(p -> p.thingGroupDescription("x"))))
                .isInstanceOf(ResourceNotFoundException.class);
        assertThatThrownBy(() -> iot.updateThingGroup(r -> r.thingGroupName("sites").thingGroupProperties(p -> p
                .thingGroupDescription("bad\ttab")))).isInstanceOf(InvalidRequestException.class).hasMessageContaining("thingGroupDescription");

        assertThatThrownBy(() -> iot.deleteThingGroup(r -> r.thingGroupName("north"))).isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining("child groups");
        assertThatThrownBy(() -> iot.deleteThingGroup(r -> r.thingGroupName("north-1").expectedVersion(7L)))
                .isInstanceOf(VersionConflictException.class);
        iot.deleteThingGroup(r -> r.thingGroupName("north-1").expectedVersion(1L));
        iot.deleteThingGroup(r -> r.thingGroupName("north-1"));
        assertThatThrownBy(() -> iot.describeThingGroup(r -> r.thingGroupName("north-1"))).isInstanceOf(ResourceNotFoundException.class);
        assertThatThrownBy(() -> iot.describeThingGroup(r -> r.thingGroupName("bad name"))).isInstanceOf(InvalidRequestException.class);
    }

    @Test
    void hierarchiesAreAtMostSevenDeepAndAMissingParentIsRefused() {
        String parent = null;
        for (int level = 1; level <= 7; level++) {
            String name = "level-" + level;
            String parentName = parent;
            iot.createThingGroup(r -> r.thingGroupName(name).parentGroupName(parentName));
            parent = name;
        }
        assertThatThrownBy(() -> iot.createThingGroup(r -> r.thingGroupName("level-8").parentGroupName("level-7")))
                .isInstanceOf(InvalidRequestException.class).hasMessageContaining("7 levels");
        assertThatThrownBy(() -> iot.createThingGroup(r -> r.thingGroupName("orphan").parentGroupName("missing")))
                .isInstanceOf(InvalidRequestException.class).hasMessageContaining("missing");
        assertThatThrownBy(() -> iot.describeThingGroup(r -> r.thingGroupName("orphan"))).isInstanceOf(ResourceNotFoundException.class);
    }

    @Test
    void listThingGroupsFollowsParentRecursionAndPrefixAndPages() {
        iot.createThingGroup(r -> r.thingGroupName("eu"));
        iot.createThingGroup(r -> r.thingGroupName("eu-fr").parentGroupName("eu"));
        iot.createThingGroup(r -> r.thingGroupName("eu-fr-paris").parentGroupName("eu-fr"));
        iot.createThingGroup(r -> r.thingGroupName("us"));

        assertThat(groupNames(iot.listThingGroups(r -> r.maxResults(250)).thingGroups())).containsExactly("eu", "eu-fr", "eu-fr-paris", "us");
        assertThat(groupNames(iot.listThingGroups(r -> r.recursive(false)).thingGroups())).containsExactly("eu", "us");
        assertThat(groupNames(iot.listThingGroups(r -> r.parentGroup("eu")).thingGroups())).containsExactly("eu-fr", "eu-fr-paris");
        assertThat(groupNames(iot.listThingGroups(r -> r.parentGroup("eu").recursive(false)).thingGroups())).containsExactly("eu-fr");
        assertThat(groupNames(iot.listThingGroups(r -> r.namePrefixFilter("eu-fr")).thingGroups())).containsExactly("eu-fr", "eu-fr-paris");
        assertThat(groupNames(iot.listThingGroupsPaginator(r -> r.maxResults(1)).thingGroups().stream().toList()))
                .containsExactly("eu", "eu-fr", "eu-fr-paris", "us");
        assertThat(iot.listThingGroups(r -> r.maxResults(2)).thingGroups().get(0).groupArn()).endsWith(":thinggroup/eu");
        assertThatThrownBy(() -> iot.listThingGroups(r -> r.parentGroup("nowhere"))).isInstanceOf(ResourceNotFoundException.class);
        assertThatThrownBy(() -> iot.listThingGroups(r -> r.maxResults(0))).isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining("maxResults");
        assertThatThrownBy(() -> iot.listThingGroups(r -> r.nextToken("forged"))).isInstanceOf(InvalidRequestException.class);
    }

    @Test
    void membershipKeepsOneGroupPerHierarchyAndTenGroupsPerThing() {
        fleet.thing("pump");
        fleet.thing("valve");
        iot.createThingGroup(r -> r.thingGroupName("plant"));
        iot.createThingGroup(r -> r.thingGroupName("plant-a").parentGroupName("plant"));
        iot.createThingGroup(r -> r.thingGroupName("plant-b").parentGroupName("plant"));
        iot.addThingToThingGroup(r -> r.thingGroupName("plant-a").thingName("pump"));
        iot.addThingToThingGroup(r -> r.thingGroupArn("arn:aws:iot:us-east-1:000000000000:thinggroup/plant-a").thingName("pump"));
        iot.addThingToThingGroup(r -> r.thingGroupName("plant").thingArn(fleet.arnOf("valve")));

        assertThatThrownBy(() -> iot.addThingToThingGroup(r -> r.thingGroupName("plant-b").thingName("pump")))
                .isInstanceOf(InvalidRequestException.class).hasMessageContaining("same hierarchy");
        assertThatThrownBy(() -> iot.addThingToThingGroup(r -> r.thingGroupName("plant").thingName("pump")))
                .isInstanceOf(InvalidRequestException.class).hasMessageContaining("plant-a");
        for (int i = 0; i < 9; i++) {
            String name = "root-" + i;
            iot.createThingGroup(r -> r.thingGroupName(name));
            iot.addThingToThingGroup(r -> r.thingGroupName(name).thingName("pump"));
        }
        iot.createThingGroup(r -> r.thingGroupName("eleventh"));
        assertThatThrownBy(() -> iot.addThingToThingGroup(r -> r.thingGroupName("eleventh").thingName("pump")))
                .isInstanceOf(InvalidRequestException.class).hasMessageContaining("10 thing groups");

        assertThatThrownBy(() -> iot.addThingToThingGroup(r -> r.thingGroupName("nowhere").thingName("pump")))
                .isInstanceOf(ResourceNotFoundException.class);
        assertThatThrownBy(() -> iot.addThingToThingGroup(r -> r.thingGroupName("plant").thingName("ghost")))
                .isInstanceOf(ResourceNotFoundException.class);
        assertThatThrownBy(() -> iot.addThingToThingGroup(r -> r.thingName("pump"))).isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining("thingGroupName");
        assertThatThrownBy(() -> iot.addThingToThingGroup(r -> r.thingGroupName("plant").thingName("pump")
                .thingArn(fleet.arnOf("valve")))).isInstanceOf(InvalidRequestException.class).hasMessageContaining("thingArn");

        var forPump = iot.listThingGroupsForThing(r -> r.thingName("pump"));
        assertThat(groupNames(forPump.thingGroups())).hasSize(10).startsWith("plant-a", "root-0");
        assertThat(groupNames(iot.listThingGroupsForThingPaginator(r -> r.thingName("pump").maxResults(3)).thingGroups().stream()
                .toList())).hasSize(10).doesNotHaveDuplicates();
        assertThatThrownBy(() -> iot.listThingGroupsForThing(r -> r.thingName("ghost"))).isInstanceOf(ResourceNotFoundException.class);
        assertThatThrownBy(() -> iot.listThingGroupsForThing(r -> r.thingName("pump").maxResults(251)))
                .isInstanceOf(InvalidRequestException.class).hasMessageContaining("maxResults");

        assertThat(iot.listThingsInThingGroup(r -> r.thingGroupName("plant")).things()).containsExactly("valve");
        assertThat(iot.listThingsInThingGroup(r -> r.thingGroupName("plant").recursive(true)).things())
                .containsExactlyInAnyOrder("valve", "pump");
        assertThatThrownBy(() -> iot.listThingsInThingGroup(r -> r.thingGroupName("nowhere"))).isInstanceOf(ResourceNotFoundException.class);
        assertThatThrownBy(() -> iot.listThingsInThingGroup(r -> r.thingGroupName("plant").nextToken("forged")))
                .isInstanceOf(InvalidRequestException.class).hasMessageContaining("nextToken");

        iot.removeThingFromThingGroup(r -> r.thingGroupName("plant-a").thingName("pump"));
        iot.removeThingFromThingGroup(r -> r.thingGroupName("plant-a").thingName("pump"));
        iot.addThingToThingGroup(r -> r.thingGroupName("plant-b").thingName("pump"));
        assertThat(iot.listThingsInThingGroup(r -> r.thingGroupName("plant-b")).things()).containsExactly("pump");
        assertThatThrownBy(() -> iot.removeThingFromThingGroup(r -> r.thingGroupName("nowhere").thingName("pump")))
                .isInstanceOf(ResourceNotFoundException.class);
        assertThatThrownBy(() -> iot.removeThingFromThingGroup(r -> r.thingGroupName("plant-b").thingArn("arn:aws:iot:::job/x")))
                .isInstanceOf(InvalidRequestException.class);

        iot.deleteThing(r -> r.thingName("pump"));
        assertThat(iot.listThingsInThingGroup(r -> r.thingGroupName("plant-b")).things()).isEmpty();
    }

    @Test
    void listThingsInAGroupPagesThroughEveryThingOnceWhileThingsJoin() {
        iot.createThingGroup(r -> r.thingGroupName("big"));
        iot.createThingGroup(r -> r.thingGroupName("big-child").parentGroupName("big"));
        for (int i = 0; i < 30; i++) {
            String name = String.format("m%02d", i);
            fleet.thing(name);
            String group = i % 2 == 0 ? "big" : "big-child";
            iot.addThingToThingGroup(r -> r.thingGroupName(group).thingName(name));
        }
        List<String> seen = new ArrayList<>();
        String token = null;
        int page = 0;
        do {
            String current = token;
            var result = iot.listThingsInThingGroup(r -> r.thingGroupName("big").recursive(true).maxResults(7).nextToken(current));
            assertThat(result.things()).hasSizeLessThanOrEqualTo(7);
            seen.addAll(result.things());
            String late = "late-" + page++;
            fleet.thing(late);
            iot.addThingToThingGroup(r -> r.thingGroupName("big-child").thingName(late));
            token = result.nextToken();
        } while (token != null);
        assertThat(seen).doesNotHaveDuplicates().hasSizeGreaterThanOrEqualTo(30).contains("m00", "m29");
        assertThat(iot.listThingsInThingGroupPaginator(r -> r.thingGroupName("big").recursive(true).maxResults(250)).things()
                .stream().count()).isEqualTo(30 + page);
    }

    @Test
    void updateThingMergesOrReplacesAttributesAndChecksTheVersion() {
        iot.createThing(r -> r.thingName("meter").attributePayload(AttributePayload.builder().attributes(Map.of("fw", "1.0")).build()));
        iot.updateThing(r -> r.thingName("meter").expectedVersion(1L).attributePayload(a -> a.attributes(Map.of("site", "x")).merge(true)));
        var merged = iot.describeThing(r -> r.thingName("meter"));
        assertThat(merged.attributes()).isEqualTo(Map.of("fw", "1.0", "site", "x"));
        assertThat(merged.version()).isEqualTo(2L);
        iot.updateThing(r -> r.thingName("meter").attributePayload(a -> a.attributes(Map.of("fw", "2.0"))));
        assertThat(iot.describeThing(r -> r.thingName("meter")).attributes()).isEqualTo(Map.of("fw", "2.0"));
        iot.updateThing(r -> r.thingName("meter").attributePayload(a -> a.attributes(Map.of("fw", "")).merge(true)));
        var emptied = iot.describeThing(r -> r.thingName("meter"));
        assertThat(emptied.attributes()).isEmpty();
        assertThat(emptied.version()).isEqualTo(4L);

        assertThatThrownBy(() -> iot.updateThing(r -> r.thingName("meter").expectedVersion(1L))).isInstanceOf(VersionConflictException.class);
        assertThatThrownBy(() -> iot.updateThing(r -> r.thingName("nobody"))).isInstanceOf(ResourceNotFoundException.class);
        assertThatThrownBy(() -> iot.updateThing(r -> r.thingName("meter").attributePayload(a -> a
                .attributes(Map.of("a", "1", "b", "2", "c", "3", "d", "4"))))).isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining("at most 3");
        assertThatThrownBy(() -> iot.updateThing(r -> r.thingName("meter").thingTypeName("Sensor"))).isInstanceOf(ResourceNotFoundException.class);
        assertThat(iot.describeThing(r -> r.thingName("meter")).version()).isEqualTo(4L);
    }

    @Test
    void listThingsFiltersByAttributeValueOrPrefix() {
        iot.createThing(r -> r.thingName("a").attributePayload(a -> a.attributes(Map.of("fw", "2.0.1"))));
        iot.createThing(r -> r.thingName("b").attributePayload(a -> a.attributes(Map.of("fw", "2.0"))));
        iot.createThing(r -> r.thingName("c").attributePayload(a -> a.attributes(Map.of("fw", "3.1"))));
        iot.createThing(r -> r.thingName("d"));

        assertThat(thingNames(iot.listThings(r -> r.attributeName("fw").attributeValue("2.0")).things())).containsExactly("b");
        assertThat(thingNames(iot.listThings(r -> r.attributeName("fw").attributeValue("2.0").usePrefixAttributeValue(true)).things()))
                .containsExactly("a", "b");
        assertThat(thingNames(iot.listThings(r -> r.attributeName("fw")).things())).containsExactly("a", "b", "c");
        assertThat(thingNames(iot.listThingsPaginator(r -> r.attributeName("fw").attributeValue("2").usePrefixAttributeValue(true)
                .maxResults(1)).things().stream().toList())).containsExactly("a", "b");
        assertThatThrownBy(() -> iot.listThings(r -> r.attributeValue("2.0"))).isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining("attributeName");
        assertThatThrownBy(() -> iot.listThings(r -> r.attributeName("fw").attributeValue("bad value"))).isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining("attributeValue");
    }

    private static ThingGroupProperties properties(String description, Map<String, String> attributes) {
        return ThingGroupProperties.builder().thingGroupDescription(description)
                .attributePayload(AttributePayload.builder().attributes(attributes).build()).build();
    }

    private static List<String> groupNames(List<GroupNameAndArn> groups) {
        return groups.stream().map(GroupNameAndArn::groupName).toList();
    }

    private static List<String> thingNames(List<ThingAttribute> things) {
        return things.stream().map(ThingAttribute::thingName).toList();
    }
}
