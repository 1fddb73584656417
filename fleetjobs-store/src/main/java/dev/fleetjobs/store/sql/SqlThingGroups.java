package dev.fleetjobs.store.sql;

import dev.fleetjobs.core.error.InvalidRequestException;
import dev.fleetjobs.core.model.ThingGroup;
import dev.fleetjobs.store.Page;
import dev.fleetjobs.store.StoreConflictException;
import dev.fleetjobs.store.ThingGroupQuery;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.statement.Query;

/** Thing groups, their hierarchy and their members, on the connection of one unit of work. */
final class SqlThingGroups {

    /** How many groups of a subtree a member walk looks up at a time. */
    private static final int GROUPS_PER_LOOKUP = 64;

    private final SqlReader db;

    SqlThingGroups(SqlReader db) {
        this.db = db;
    }

    Optional<ThingGroup> find(String groupName) {
        Optional<ThingGroup> row = db.run("findThingGroup", h -> h.createQuery(Sql.FIND_GROUP).bind("groupName", groupName)
                .map(Rows.GROUP_WITHOUT_LINEAGE).findOne());
        return row.map(g -> withLineage(List.of(g)).get(0));
    }

    Page<String> names(ThingGroupQuery query, String cursor, int limit) {
        Paging.checkLimit(limit);
        String after = Cursors.keyOrStart(Cursors.Kind.GROUP, cursor);
        String sql;
        if (query.parentGroup() == null) {
            sql = query.recursive() ? Sql.ALL_GROUP_NAMES : Sql.ROOT_GROUP_NAMES;
        } else {
            sql = query.recursive() ? Sql.DESCENDANT_GROUP_NAMES : Sql.CHILD_GROUP_NAMES;
        }
        List<String> rows = db.run("thingGroupNames", h -> {
            Query q = h.createQuery(sql).bind("after", after).bind("prefix", query.namePrefix())
                    .bind("prefixEnd", Paging.prefixEnd(query.namePrefix())).bind("limit", limit + 1);
            if (query.parentGroup() != null) {
                q.bind("parent", query.parentGroup());
            }
            return q.mapTo(String.class).list();
        });
        return Paging.cut(rows, limit, name -> Cursors.of(Cursors.Kind.GROUP, name));
    }

    long childCount(String groupName) {
        return db.run("childGroupCount", h -> h.createQuery(Sql.CHILD_GROUP_COUNT).bind("groupName", groupName)
                .mapTo(Long.class).one());
    }

    List<ThingGroup> groupsOfThing(String thingName) {
        List<ThingGroup> rows = db.run("groupsOfThing", h -> h.createQuery(Sql.GROUPS_OF_THING).bind("thingName", thingName)
                .map(Rows.GROUP_WITHOUT_LINEAGE).list());
        return withLineage(rows);
    }

    Page<String> groupNamesOfThing(String thingName, String cursor, int limit) {
        Paging.checkLimit(limit);
        String after = Cursors.keyOrStart(Cursors.Kind.GROUP, cursor);
        List<String> rows = db.run("groupNamesOfThing", h -> h.createQuery(Sql.GROUP_NAMES_OF_THING)
                .bind("thingName", thingName).bind("after", after).bind("limit", limit + 1).mapTo(String.class).list());
        return Paging.cut(rows, limit, name -> Cursors.of(Cursors.Kind.GROUP, name));
    }

    /**
     * Walks the members group by group (the groups of the subtree by name, each one's things by
     * name), so every step is an indexed range read however the members are spread.
     */
    Page<String> thingsInGroup(String groupName, boolean recursive, long joinedUpTo, String cursor, int limit) {
        Paging.checkLimit(limit);
        Cursors.MemberPosition position = Cursors.member(cursor);
        String resumeGroup = position == null ? groupName : position.groupName();
        String resumeAfter = position == null ? "" : position.thingName();
        if (!recursive && !resumeGroup.equals(groupName)) {
            throw new InvalidRequestException("Invalid nextToken");
        }
        List<String[]> found = new ArrayList<>();
        String from = position == null ? "" : resumeGroup;
        while (true) {
            List<String> groups = recursive ? subtreeFrom(groupName, from) : List.of(groupName);
            for (String group : groups) {
                String after = group.equals(resumeGroup) ? resumeAfter : "";
                int wanted = limit + 1 - found.size();
                List<String> things = db.run("thingsInGroup", h -> h.createQuery(Sql.MEMBERS_AFTER).bind("groupName", group)
                        .bind("after", after).bind("joinedUpTo", joinedUpTo).bind("limit", wanted).mapTo(String.class).list());
                things.forEach(t -> found.add(new String[] {group, t}));
                if (found.size() > limit) {
                    break;
                }
            }
            if (found.size() > limit || !recursive || groups.size() < GROUPS_PER_LOOKUP) {
                break;
            }
            // The smallest name after the last group looked up: names never contain NUL.
            from = groups.get(groups.size() - 1) + '\0';
        }
        Page<String[]> page = Paging.cut(found, limit, m -> Cursors.ofMember(m[0], m[1]));
        return new Page<>(page.items().stream().map(m -> m[1]).toList(), page.nextCursor());
    }

    private List<String> subtreeFrom(String root, String from) {
        return db.run("subtreeGroups", h -> h.createQuery(Sql.SUBTREE_GROUPS_FROM).bind("root", root).bind("from", from)
                .bind("limit", GROUPS_PER_LOOKUP).mapTo(String.class).list());
    }

    long lastMembershipSeq() {
        return db.run("lastMembershipSeq", h -> h.createQuery(Sql.LAST_MEMBERSHIP_SEQ).mapTo(Long.class).one());
    }

    // writes

    void insert(ThingGroup group) {
        db.guarded("insertThingGroup " + group.groupName(), h -> h.createUpdate(Sql.INSERT_GROUP)
                .bind("groupName", group.groupName())
                .bind("groupId", group.groupId())
                .bind("parentName", group.parentName())
                .bind("rootName", group.rootName())
                .bind("description", group.description())
                .bind("attributes", Json.write(group.attributes()))
                .bind("version", group.version())
                .bind("createdAt", group.createdAtMillis())
                .execute());
        List<String> lineage = group.lineage();
        for (int i = 0; i < lineage.size(); i++) {
            int distance = lineage.size() - 1 - i;
            String ancestor = lineage.get(i);
            db.guarded("insertThingGroupAncestor", h -> h.createUpdate(Sql.INSERT_GROUP_ANCESTOR)
                    .bind("groupName", group.groupName()).bind("ancestorName", ancestor).bind("distance", distance).execute());
        }
    }

    void update(ThingGroup updated) {
        int rows = db.run("updateThingGroup " + updated.groupName(), h -> h.createUpdate(Sql.UPDATE_GROUP)
                .bind("groupName", updated.groupName())
                .bind("description", updated.description())
                .bind("attributes", Json.write(updated.attributes()))
                .bind("version", updated.version())
                .bind("expectedVersion", updated.version() - 1)
                .execute());
        if (rows == 0) {
            throw new StoreConflictException("updateThingGroup: group " + updated.groupName() + " is not at version "
                    + (updated.version() - 1));
        }
    }

    boolean delete(String groupName) {
        return db.guarded("deleteThingGroup", h -> h.createUpdate(Sql.DELETE_GROUP).bind("groupName", groupName).execute()) > 0;
    }

    boolean addMember(String groupName, String thingName) {
        return db.guarded("addThingToGroup", h -> h.createUpdate(Sql.ADD_MEMBER).bind("groupName", groupName)
                .bind("thingName", thingName).execute()) > 0;
    }

    boolean removeMember(String groupName, String thingName) {
        return db.run("removeThingFromGroup", h -> h.createUpdate(Sql.REMOVE_MEMBER).bind("groupName", groupName)
                .bind("thingName", thingName).execute()) > 0;
    }

    private List<ThingGroup> withLineage(List<ThingGroup> rows) {
        if (rows.isEmpty()) {
            return rows;
        }
        Map<String, List<String>> ancestors = new HashMap<>();
        db.run("ancestorsOfGroups", h -> h.createQuery(Sql.ANCESTORS_OF_GROUPS)
                .bindList("groupNames", rows.stream().map(ThingGroup::groupName).toList())
                .reduceRows(ancestors, (map, row) -> {
                    map.computeIfAbsent(row.getColumn("group_name", String.class), k -> new ArrayList<>())
                            .add(row.getColumn("ancestor_name", String.class));
                    return map;
                }));
        return rows.stream().map(g -> new ThingGroup(g.groupName(), g.groupId(), ancestors.getOrDefault(g.groupName(), List.of()),
                g.description(), g.attributes(), g.version(), g.createdAtMillis())).toList();
    }
}
